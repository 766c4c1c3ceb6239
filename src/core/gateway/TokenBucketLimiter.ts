import type { Clock } from '../../common/Clock';

export interface RateLimit {
  /** Tokens added per `windowSeconds`. */
  requests: number;
  windowSeconds: number;
  /** Bucket size; 0 means `requests` (the seed's burst_size=None). */
  burst: number;
}

export type Admission = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/**
 * The seed's token-bucket RateLimiter (Phase 11.3), one bucket per key, on the injected clock.
 *
 * Hand-written rather than a library: `rate-limiter-flexible`'s memory limiter counts points in fixed
 * windows (not a refilling bucket) and `limiter`'s TokenBucket is a token bucket — both read
 * `Date.now()` / `performance.now()` themselves, so neither can run on an injected clock, and a test of
 * "the 101st request waits 0.6 s" would have to sleep. The arithmetic is ten lines.
 */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly clock: Clock,
    private limit: RateLimit,
  ) {}

  /** New limits apply to every bucket from now on (each keeps its tokens, capped at the new size). */
  configure(limit: RateLimit): void {
    this.limit = limit;
  }

  /** Takes one token from `id`'s bucket if it has one; otherwise says when the next one comes. */
  take(id: string): Admission {
    const size = this.size();
    const rate = this.limit.requests / (this.limit.windowSeconds * 1000);
    const now = this.clock.monotonic();
    const b = this.buckets.get(id) ?? { tokens: size, at: now };
    b.tokens = Math.min(size, b.tokens + Math.max(0, now - b.at) * rate);
    b.at = now;
    this.buckets.set(id, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { allowed: true, remaining: Math.floor(b.tokens) };
    }
    // Whole seconds, rounded up (Retry-After has no fractions): waiting that long always finds a token.
    // The 1e-9 absorbs float error (1 / (1/3600000) is not exactly 3600000).
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / rate / 1000 - 1e-9)) };
  }

  /** Forgets a key's bucket (a revoked key). */
  forget(id: string): void {
    this.buckets.delete(id);
  }

  private size(): number {
    return this.limit.burst > 0 ? this.limit.burst : this.limit.requests;
  }
}
