import { LRUCache } from 'lru-cache';
import { lazyGlob } from '../../common/lazyGlob';
import { Clock, systemClock } from '../../common/Clock';
import { JarvisError } from '../../common/errors';
import type { Logger } from '../ports';
import { nullLogger } from '../ports';
import type { CacheTier } from './CacheTier';

export interface ResponseCacheOptions {
  /** Entries kept in memory (least recently used evicted first). @default 1000 */
  memorySize?: number;
  /** Lifetime of an entry when the caller gives none, in ms. @default 3600000 */
  defaultTtlMs?: number;
  /** Optional shared second tier (RedisTier). */
  tier?: CacheTier;
  /** Drives TTLs (monotonic) and tier expiry stamps (wall clock). @default systemClock */
  clock?: Clock;
  logger?: Logger;
}

export interface CacheEntryOptions {
  /** Overrides defaultTtlMs for this entry. */
  ttlMs?: number;
  /**
   * May this entry leave the machine (go to the shared tier)? Off by default: the key is derived
   * from the user's prompt, and sharing it is a decision the caller must make explicitly.
   * @default false
   */
  shareable?: boolean;
}

export interface ResponseCacheStats {
  hits: number;
  memoryHits: number;
  tierHits: number;
  misses: number;
  computes: number;
  /** Callers that joined an identical computation already in flight instead of starting one. */
  dedupJoins: number;
  /** Computations that failed (never cached). */
  errors: number;
  size: number;
  tierHealthy: boolean | undefined;
}

/** Shape stored in the shared tier: the value plus its wall-clock expiry. */
interface TierEnvelope {
  v: unknown;
  exp: number;
}

const KEY_RE = /^[A-Za-z0-9:_.-]{1,256}$/;
const PATTERN_RE = /^[A-Za-z0-9:_.\-*?[\]^]{1,256}$/;

/**
 * Two-tier response cache (Phase 11.4): an lru-cache memory tier, optionally backed by a shared
 * tier. Identical concurrent requests share ONE computation; failures are never cached; entries
 * marked non-shareable never reach the shared tier, not even as a lookup.
 */
export class ResponseCache<V> {
  private readonly memory: LRUCache<string, { value: V }>;
  private readonly inFlight = new Map<string, Promise<V>>();
  private readonly defaultTtlMs: number;
  private readonly tier: CacheTier | undefined;
  private readonly clock: Clock;
  private readonly logger: Logger;
  /** Bumped by every invalidation, so a computation that straddles one does not store a stale value. */
  private generation = 0;
  private readonly counters = { hits: 0, memoryHits: 0, tierHits: 0, misses: 0, computes: 0, dedupJoins: 0, errors: 0 };

  constructor(options: ResponseCacheOptions = {}) {
    const { memorySize = 1000, defaultTtlMs = 3_600_000 } = options;
    if (!(Number.isInteger(memorySize) && memorySize >= 1)) {
      throw new JarvisError('invalid-input', `ResponseCache: memorySize must be an integer ≥ 1, got ${String(memorySize)}.`);
    }
    validateTtl(defaultTtlMs, 'defaultTtlMs');
    this.defaultTtlMs = defaultTtlMs;
    this.tier = options.tier;
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? nullLogger;
    const clock = this.clock;
    this.memory = new LRUCache<string, { value: V }>({
      max: memorySize,
      ttl: defaultTtlMs,
      // Exact expiry against the injected clock (the default caches "now" for 1 ms on a real timer).
      ttlResolution: 0,
      perf: { now: () => clock.monotonic() },
    });
  }

  stats(): ResponseCacheStats {
    return { ...this.counters, size: this.memory.size, tierHealthy: this.tier?.healthy };
  }

  /** Memory first, then (for shareable entries) the shared tier. */
  async get(key: string, options: CacheEntryOptions = {}): Promise<V | undefined> {
    validateKey(key);
    const found = await this.lookup(key, options);
    if (!found) this.counters.misses++;
    return found?.value;
  }

  async set(key: string, value: V, options: CacheEntryOptions = {}): Promise<void> {
    validateKey(key);
    const ttlMs = options.ttlMs ?? this.defaultTtlMs;
    validateTtl(ttlMs, 'ttlMs');
    this.memory.set(key, { value }, { ttl: ttlMs });
    if (options.shareable === true && this.tier) await this.writeTier(key, value, ttlMs);
  }

  delete(key: string): boolean {
    return this.memory.delete(key);
  }

  /**
   * Cache-aside with de-duplication: returns the cached value, or joins the identical computation
   * already running, or runs `compute` once and caches its result. A failed computation is handed
   * to every waiting caller and nothing is cached, so the next call computes again.
   */
  async getOrCompute(key: string, compute: () => Promise<V>, options: CacheEntryOptions = {}): Promise<V> {
    validateKey(key);
    if (typeof compute !== 'function') throw new JarvisError('invalid-input', 'ResponseCache.getOrCompute: compute must be a function.');
    const ttlMs = options.ttlMs ?? this.defaultTtlMs;
    validateTtl(ttlMs, 'ttlMs');

    // Checked before any await, so the in-flight map sees concurrent callers in call order.
    const inMemory = this.memory.get(key);
    if (inMemory) {
      this.counters.hits++;
      this.counters.memoryHits++;
      return inMemory.value;
    }
    const running = this.inFlight.get(key);
    if (running) {
      this.counters.dedupJoins++;
      return running;
    }
    const generation = this.generation;
    const work = (async () => {
      const found = await this.lookup(key, options);
      if (found) return found.value;
      this.counters.misses++;
      this.counters.computes++;
      let value: V;
      try {
        value = await compute();
      } catch (error) {
        this.counters.errors++;
        throw error;
      }
      if (generation === this.generation) {
        this.memory.set(key, { value }, { ttl: ttlMs });
        if (options.shareable === true && this.tier) await this.writeTier(key, value, ttlMs);
      }
      return value;
    })();
    this.inFlight.set(key, work);
    const cleanup = () => {
      if (this.inFlight.get(key) === work) this.inFlight.delete(key);
    };
    work.then(cleanup, cleanup);
    return work;
  }

  /**
   * Removes entries whose key matches a glob (`*`, `?`, `[abc]`, `[^abc]`, the syntax Redis SCAN
   * MATCH and picomatch agree on) from memory and the shared tier.
   */
  async invalidatePattern(pattern: string): Promise<{ memory: number; tier: number }> {
    if (typeof pattern !== 'string' || !PATTERN_RE.test(pattern)) {
      throw new JarvisError(
        'invalid-input',
        `ResponseCache.invalidatePattern: pattern must be 1-256 characters of letters, digits, ':', '_', '.', '-' and the wildcards * ? [ ] ^, got ${JSON.stringify(pattern)}.`,
      );
    }
    this.generation++;
    const matches = lazyGlob(pattern, { dot: true, nobrace: true, noextglob: true, noglobstar: true });
    let memory = 0;
    for (const key of [...this.memory.keys()]) {
      if (matches(key) && this.memory.delete(key)) memory++;
    }
    for (const key of [...this.inFlight.keys()]) if (matches(key)) this.inFlight.delete(key);
    const tier = this.tier ? await this.tier.invalidatePattern(pattern) : 0;
    return { memory, tier };
  }

  clear(): void {
    this.generation++;
    this.memory.clear();
    this.inFlight.clear();
  }

  private async lookup(key: string, options: CacheEntryOptions): Promise<{ value: V } | undefined> {
    const inMemory = this.memory.get(key);
    if (inMemory) {
      this.counters.hits++;
      this.counters.memoryHits++;
      return inMemory;
    }
    if (options.shareable !== true || !this.tier) return undefined;
    const raw = await this.tier.get(key);
    if (raw === undefined) return undefined;
    const envelope = parseEnvelope(raw);
    const remaining = envelope ? envelope.exp - this.clock.now() : 0;
    if (!envelope || remaining <= 0) {
      if (!envelope) this.logger.debug(`Ignoring an unreadable shared cache entry for ${key}.`);
      return undefined;
    }
    this.counters.hits++;
    this.counters.tierHits++;
    const entry = { value: envelope.v as V };
    this.memory.set(key, entry, { ttl: Math.min(remaining, this.defaultTtlMs) });
    return entry;
  }

  private async writeTier(key: string, value: V, ttlMs: number): Promise<void> {
    let raw: string;
    try {
      raw = JSON.stringify({ v: value, exp: this.clock.now() + ttlMs } satisfies TierEnvelope);
    } catch (error) {
      this.logger.debug(`Not sharing ${key}: the value is not JSON (${String(error)}).`);
      return;
    }
    await this.tier!.set(key, raw, ttlMs);
  }
}

function parseEnvelope(raw: string): TierEnvelope | undefined {
  try {
    const parsed = JSON.parse(raw) as Partial<TierEnvelope> | null;
    if (parsed && typeof parsed === 'object' && 'v' in parsed && typeof parsed.exp === 'number') return parsed as TierEnvelope;
  } catch {
    // Written by something else, or truncated: treat as a miss.
  }
  return undefined;
}

function validateKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || !KEY_RE.test(key)) {
    throw new JarvisError(
      'invalid-input',
      `ResponseCache: key must be 1-256 characters of letters, digits, ':', '_', '.', '-' (use responseCacheKey()), got ${JSON.stringify(key)}.`,
    );
  }
}

function validateTtl(ttl: unknown, name: string): void {
  if (!(typeof ttl === 'number' && Number.isFinite(ttl) && ttl > 0)) {
    throw new JarvisError('invalid-input', `ResponseCache: ${name} must be a number of milliseconds > 0, got ${String(ttl)}.`);
  }
}
