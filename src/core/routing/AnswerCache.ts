import type { Clock } from '../../common/Clock';
import type { IDisposable } from '../../common/Disposable';
import { errorMessage, isJarvisError } from '../../common/errors';
import { RedisTier } from '../cache/RedisTier';
import { ResponseCache } from '../cache/ResponseCache';
import { responseCacheKey } from '../cache/cacheKey';
import type { JarvisSettings } from '../config/settings';
import type { ChatMessage, ProviderId, TokenUsage } from '../llm/types';
import type { Logger } from '../ports';
import type { Timer } from '../resilience/Timer';

/** A complete, successful answer as stored in the cache. */
export interface CachedAnswer {
  text: string;
  model: string;
  provider: ProviderId;
  local: boolean;
  usage: TokenUsage;
}

/** What identifies an answer: the route (mode, tier and its candidates), the messages and parameters. */
export interface AnswerKeyInput {
  route: string;
  messages: readonly ChatMessage[];
  parameters: Record<string, unknown>;
}

/** How a request relates to the cache. */
export type CacheTicket =
  | { kind: 'hit'; answer: CachedAnswer; joined: boolean }
  | { kind: 'compute'; key: string; complete(answer: CachedAnswer, cacheable?: boolean): void; fail(error: unknown): void }
  | { kind: 'off' };

/** A finished answer that must not be cached (cut off), handed to joined callers without storing. */
class UncacheableAnswer extends Error {
  constructor(readonly answer: CachedAnswer) {
    super('answer not cacheable');
  }
}

export interface AnswerCacheDeps {
  /** The cache settings to build from; later ones arrive through reconfigure(). */
  settings: JarvisSettings['cache'];
  clock: Clock;
  timer: Timer;
  logger: Logger;
}

/**
 * The response cache as the routing service uses it: ResponseCache (lru memory tier, optional Redis
 * tier connected lazily), built once and rebuilt by reconfigure() on a settings-change event. `begin()` either finds the answer, joins
 * an identical request already in flight, or makes the caller the one that computes it; only complete
 * answers are stored, failures never. Privacy-local requests are never shared with Redis.
 */
export class AnswerCache implements IDisposable {
  private cache: ResponseCache<CachedAnswer> | undefined;
  private tier: RedisTier | undefined;

  constructor(private readonly deps: AnswerCacheDeps) {
    this.build(deps.settings);
  }

  /** Replaces both tiers (stored answers are dropped: their size, lifetime or home changed). */
  reconfigure(next: JarvisSettings['cache']): void {
    this.dispose();
    this.build(next);
  }

  key(input: AnswerKeyInput): string {
    return responseCacheKey({ model: input.route, messages: input.messages, parameters: input.parameters });
  }

  /** Looks the answer up; when absent, the caller computes it and must call complete() or fail(). */
  async begin(key: string, shareable: boolean): Promise<CacheTicket> {
    const cache = this.current();
    if (!cache) return { kind: 'off' };
    let resolve!: (a: CachedAnswer) => void;
    let reject!: (e: unknown) => void;
    const computed = new Promise<CachedAnswer>((res, rej) => ((resolve = res), (reject = rej)));
    computed.catch(() => undefined);
    let leader = false;
    let markLeader!: () => void;
    const becameLeader = new Promise<'lead'>((res) => (markLeader = () => res('lead')));
    const joinedBefore = cache.stats().dedupJoins;
    const result = cache.getOrCompute(
      key,
      () => {
        leader = true;
        markLeader();
        return computed;
      },
      { shareable },
    );
    result.catch(() => undefined);
    const first = await Promise.race([
      becameLeader,
      result.then(
        (a) => ({ a }),
        (e: unknown) => ({ e }),
      ),
    ]);
    if (first === 'lead' || leader) {
      return {
        kind: 'compute',
        key,
        complete: (answer: CachedAnswer, cacheable = true) => (cacheable ? resolve(answer) : reject(new UncacheableAnswer(answer))),
        fail: (error: unknown) => reject(error),
      };
    }
    if ('a' in first) return { kind: 'hit', answer: first.a, joined: cache.stats().dedupJoins > joinedBefore };
    // The request we joined failed: serve its answer if it was complete but not cacheable, else compute ourselves.
    if (first.e instanceof UncacheableAnswer) return { kind: 'hit', answer: first.e.answer, joined: true };
    return { kind: 'off' };
  }

  /** A stored answer for this key, without computing anything (graceful degradation). */
  async peek(key: string, shareable: boolean): Promise<CachedAnswer | undefined> {
    try {
      return await this.current()?.get(key, { shareable });
    } catch (e) {
      this.deps.logger.debug(`cache lookup failed: ${errorMessage(e)}`);
      return undefined;
    }
  }

  /** The first stored answer among `keys` (tried in order), without computing anything. */
  async peekFirst(keys: readonly string[], shareable: boolean): Promise<CachedAnswer | undefined> {
    for (const key of keys) {
      const found = await this.peek(key, shareable);
      if (found) return found;
    }
    return undefined;
  }

  dispose(): void {
    void this.tier?.close();
    this.tier = undefined;
    this.cache = undefined;
  }

  private current(): ResponseCache<CachedAnswer> | undefined {
    return this.cache;
  }

  private build(c: JarvisSettings['cache']): void {
    if (!c.enabled) return;
    if (c.redisUrl.trim() !== '') {
      try {
        // Connects on first use; when down it warns once and the memory tier carries on.
        this.tier = new RedisTier({ url: c.redisUrl, logger: this.deps.logger, clock: this.deps.clock, timer: this.deps.timer });
      } catch (e) {
        this.deps.logger.warn(`Redis cache disabled: ${isJarvisError(e) ? e.message : errorMessage(e)}`);
      }
    }
    this.cache = new ResponseCache<CachedAnswer>({
      memorySize: c.memorySize,
      defaultTtlMs: c.defaultTtl * 1000,
      tier: this.tier,
      clock: this.deps.clock,
      logger: this.deps.logger,
    });
  }
}
