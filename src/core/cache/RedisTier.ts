import { Clock, systemClock } from '../../common/Clock';
import { Emitter, Event } from '../../common/Emitter';
import { errorMessage, JarvisError } from '../../common/errors';
import type { Logger } from '../ports';
import { nullLogger } from '../ports';
import { lazyAsync } from '../../common/Lazy';
import { systemTimer, Timer, TimerHandle } from '../resilience/Timer';
import type { CacheTier } from './CacheTier';

export type RedisTierState = 'idle' | 'connecting' | 'ready' | 'degraded' | 'closed';

/** The part of a node-redis v5 client this tier uses (kept small so the module can stay lazy). */
interface RedisClientLike {
  readonly isReady: boolean;
  on(event: 'error' | 'ready', listener: (arg?: unknown) => void): unknown;
  connect(): Promise<unknown>;
  get(key: string): Promise<string | null>;
  set(key: string, value: string, options: { expiration: { type: 'EX'; value: number } }): Promise<unknown>;
  scan(cursor: string, options: { MATCH: string; COUNT: number }): Promise<{ cursor: string; keys: string[] }>;
  unlink(keys: string[]): Promise<number>;
  destroy(): void;
}

interface RedisModuleLike {
  createClient(options: object): unknown;
}

// The redis client is only loaded when a Redis URL is configured and the cache is first used.
const redisModule = lazyAsync<RedisModuleLike>(() => import('redis'));

export interface RedisTierOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://...`. */
  url: string;
  /** Prefix of every key this tier writes. @default "jarvis:resp:" */
  namespace?: string;
  /** Longest wait for one Redis operation before degrading to memory only. @default 250 */
  opTimeoutMs?: number;
  /** Longest wait for the first connection (module load + TCP + handshake) before degrading. @default 5000 */
  connectTimeoutMs?: number;
  /** After degrading because Redis was slow, how long before trying it again. @default 30000 */
  retryAfterMs?: number;
  logger?: Logger;
  clock?: Clock;
  timer?: Timer;
}

/**
 * Redis as the shared second tier (Phase 11.4), via node-redis v5. Keys are `<namespace><key>`,
 * expiry is set with EX. Failure policy: the first failure or timeout switches the tier to
 * `degraded` with ONE warning; while degraded every operation is a no-op (a miss), so no request
 * waits on or fails because of Redis. It comes back when the client reconnects (node-redis
 * reconnects on its own) or, after a slow spell, when a probe after `retryAfterMs` succeeds.
 */
export class RedisTier implements CacheTier {
  readonly name = 'redis';
  private client: RedisClientLike | undefined;
  /** Settles when the first connection attempt has an outcome (ready or degraded). */
  private connectOutcome: Promise<void> | undefined;
  private currentState: RedisTierState = 'idle';
  private degradedAt = 0;
  private readonly namespace: string;
  private readonly opTimeoutMs: number;
  private readonly connectTimeoutMs: number;
  private readonly retryAfterMs: number;
  private readonly logger: Logger;
  private readonly clock: Clock;
  private readonly timer: Timer;
  private readonly safeUrl: string;
  private readonly stateEmitter = new Emitter<RedisTierState>();
  readonly onStateChange: Event<RedisTierState> = this.stateEmitter.event;

  constructor(private readonly options: RedisTierOptions) {
    const { url, namespace = 'jarvis:resp:', opTimeoutMs = 250, connectTimeoutMs = 5000, retryAfterMs = 30_000 } = options ?? ({} as RedisTierOptions);
    this.safeUrl = validateUrl(url);
    if (typeof namespace !== 'string' || !/^[A-Za-z0-9:_.-]+$/.test(namespace)) {
      throw new JarvisError('invalid-input', `RedisTier: namespace must be letters, digits, ':', '_', '.', '-', got ${JSON.stringify(namespace)}.`);
    }
    for (const [name, v] of [
      ['opTimeoutMs', opTimeoutMs],
      ['connectTimeoutMs', connectTimeoutMs],
      ['retryAfterMs', retryAfterMs],
    ] as const) {
      if (!(Number.isFinite(v) && v > 0)) throw new JarvisError('invalid-input', `RedisTier: ${name} must be a number > 0, got ${String(v)}.`);
    }
    this.namespace = namespace;
    this.opTimeoutMs = opTimeoutMs;
    this.connectTimeoutMs = connectTimeoutMs;
    this.retryAfterMs = retryAfterMs;
    this.logger = options.logger ?? nullLogger;
    this.clock = options.clock ?? systemClock;
    this.timer = options.timer ?? systemTimer;
  }

  get state(): RedisTierState {
    return this.currentState;
  }

  get healthy(): boolean {
    return this.currentState === 'ready' || this.currentState === 'connecting' || this.currentState === 'idle';
  }

  /**
   * Starts connecting (if not yet) and resolves with the state once the first attempt has an
   * outcome. Optional: operations connect on first use, but call this at startup so the first
   * requests find Redis ready instead of skipping it.
   */
  async connect(): Promise<RedisTierState> {
    if (this.currentState === 'idle') this.start();
    if (this.currentState === 'connecting') await this.connectOutcome;
    return this.currentState;
  }

  async get(key: string): Promise<string | undefined> {
    const value = await this.run('GET', (c) => c.get(this.namespace + key));
    return value ?? undefined;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    // EX takes whole seconds; round up so an entry never expires before its TTL.
    const seconds = Math.max(1, Math.ceil(ttlMs / 1000));
    await this.run('SET', (c) => c.set(this.namespace + key, value, { expiration: { type: 'EX', value: seconds } }));
  }

  /** SCAN (never KEYS, which blocks the server) + UNLINK, each round trip under the op timeout. */
  async invalidatePattern(pattern: string): Promise<number> {
    let deleted = 0;
    let cursor = '0';
    do {
      const page = await this.run('SCAN', (c) => c.scan(cursor, { MATCH: this.namespace + pattern, COUNT: 500 }));
      if (!page) return deleted;
      cursor = String(page.cursor);
      if (page.keys.length > 0) deleted += (await this.run('UNLINK', (c) => c.unlink(page.keys))) ?? 0;
    } while (cursor !== '0');
    return deleted;
  }

  async close(): Promise<void> {
    this.setState('closed');
    const client = this.client;
    this.client = undefined;
    client?.destroy();
  }

  /** Runs one command if the tier is usable; any failure or timeout degrades and yields undefined. */
  private async run<T>(op: string, command: (client: RedisClientLike) => Promise<T>): Promise<T | undefined> {
    if (this.currentState === 'closed') return undefined;
    if (this.currentState === 'idle') this.start();
    if (this.currentState === 'connecting') {
      // Still connecting after one op's budget: skip Redis for this op (a miss), without degrading.
      if (!(await this.connectedWithin(this.opTimeoutMs))) return undefined;
    }
    if (this.currentState === 'degraded' && !this.probeDue()) return undefined;
    const client = this.client;
    if (!client) return undefined;
    const result = await this.withTimeout(command(client), op);
    if (!result.ok) return undefined;
    if (this.currentState === 'degraded') this.recover('answered again');
    return result.value;
  }

  private probeDue(): boolean {
    return this.client?.isReady === true && this.clock.now() - this.degradedAt >= this.retryAfterMs;
  }

  private start(): void {
    this.setState('connecting');
    this.connectOutcome = new Promise((resolve) => {
      const subscription = this.onStateChange((state) => {
        if (state === 'connecting') return;
        subscription.dispose();
        resolve();
      });
    });
    const deadline = this.timer.setTimeout(() => {
      if (this.currentState === 'connecting') this.degrade(`no connection within ${this.connectTimeoutMs} ms`);
    }, this.connectTimeoutMs);
    void this.connectOutcome.then(() => this.timer.clearTimeout(deadline));
    const starting = (async () => {
      const { createClient } = await redisModule.get();
      const client = createClient({
        url: this.options.url,
        // Fail commands at once while disconnected instead of queueing them behind a dead socket.
        disableOfflineQueue: true,
        socket: {
          connectTimeout: this.connectTimeoutMs,
          reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 10_000),
        },
      }) as RedisClientLike;
      // Without an 'error' listener node-redis would crash the extension host on a dropped socket.
      client.on('error', (e) => this.degrade(errorMessage(e)));
      client.on('ready', () => this.recover('reconnected'));
      if (this.currentState === 'closed') return;
      this.client = client;
      await client.connect();
    })();
    // node-redis keeps reconnecting in the background; connect() settles only on success or close.
    starting.catch((e: unknown) => this.degrade(errorMessage(e)));
  }

  private connectedWithin(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const handle = this.timer.setTimeout(() => resolve(false), ms);
      void this.connectOutcome!.then(() => {
        this.timer.clearTimeout(handle);
        resolve(true);
      });
    });
  }

  private withTimeout<T>(work: Promise<T>, op: string): Promise<{ ok: true; value: T } | { ok: false }> {
    return new Promise((resolve) => {
      let done = false;
      const handle: TimerHandle = this.timer.setTimeout(() => {
        if (done) return;
        done = true;
        this.degrade(`${op} took longer than ${this.opTimeoutMs} ms`);
        resolve({ ok: false });
      }, this.opTimeoutMs);
      work.then(
        (value) => {
          if (done) return;
          done = true;
          this.timer.clearTimeout(handle);
          resolve({ ok: true, value });
        },
        (error: unknown) => {
          if (done) return;
          done = true;
          this.timer.clearTimeout(handle);
          this.degrade(`${op} failed: ${errorMessage(error)}`);
          resolve({ ok: false });
        },
      );
    });
  }

  private degrade(reason: string): void {
    if (this.currentState === 'closed') return;
    this.degradedAt = this.clock.now();
    if (this.currentState === 'degraded') {
      this.logger.debug(`Redis cache still unavailable: ${reason}`);
      return;
    }
    this.setState('degraded');
    this.logger.warn(`Redis cache at ${this.safeUrl} is unavailable (${reason}); using the in-memory cache only until it recovers.`);
  }

  private recover(how: string): void {
    if (this.currentState !== 'degraded' && this.currentState !== 'connecting') return;
    const wasDegraded = this.currentState === 'degraded';
    this.setState('ready');
    if (wasDegraded) this.logger.info(`Redis cache at ${this.safeUrl} ${how}; sharing cached responses again.`);
  }

  private setState(state: RedisTierState): void {
    if (state === this.currentState) return;
    this.currentState = state;
    this.stateEmitter.fire(state);
  }
}

/** Checks the URL and returns it with any password masked, for messages. */
function validateUrl(url: unknown): string {
  if (typeof url !== 'string' || url.trim() === '') {
    throw new JarvisError('invalid-input', 'RedisTier: url is required, e.g. "redis://localhost:6379".');
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new JarvisError('invalid-input', 'RedisTier: the Redis URL is not a valid URL; expected e.g. "redis://localhost:6379".');
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new JarvisError('invalid-input', `RedisTier: URL must start with redis:// or rediss://, got "${parsed.protocol}//".`);
  }
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
