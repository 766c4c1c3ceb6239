/**
 * THE ONLY retry layer for model calls. The openai and @anthropic-ai/sdk clients retry 429/5xx
 * twice by default; when calls go through this policy, those clients MUST be constructed with
 * `maxRetries: 0`, otherwise one user request can become (1 + 2) × maxAttempts HTTP requests and
 * Retry-After is honoured twice.
 *
 * Built on p-retry (loop, attempt accounting), with the waiting done here: p-retry sleeps with the
 * global setTimeout and jitters by a factor in [1, 2), whereas we need full jitter, Retry-After, an
 * injectable timer for tests, and per-category attempt limits.
 */
import { Clock, systemClock } from '../../common/Clock';
import { Emitter, Event } from '../../common/Emitter';
import { JarvisError } from '../../common/errors';
import type { Logger } from '../ports';
import { nullLogger } from '../ports';
import { lazyAsync } from '../../common/Lazy';
import { ALL_ERROR_CATEGORIES, CategoryRetryPolicy, DEFAULT_CATEGORY_POLICIES, ErrorCategory, ErrorOutcome } from './ErrorCategory';
import { ErrorStats } from './ErrorStats';
import { categorizeError } from './categorizeError';
import { retries } from './failureTable';
import { retryAfterMs } from './retryAfter';
import { sleep, systemTimer, Timer } from './Timer';
import { toJarvisError } from './toJarvisError';

// p-retry 7 is ESM-only; a dynamic import loads it from this CommonJS build on first use.
const pRetryModule = lazyAsync(() => import('p-retry'));

export interface RetryPolicyOptions {
  /** Upper bound on attempts (first call included) whatever the category. @default 5 */
  maxAttempts?: number;
  /** Overrides of the per-category policies (see DEFAULT_CATEGORY_POLICIES). */
  categories?: Partial<Record<ErrorCategory, Partial<CategoryRetryPolicy>>>;
  /** A server's Retry-After is honoured up to this many ms. @default 60000 */
  maxRetryAfterMs?: number;
  /** Uniform random in [0, 1), for full jitter. @default Math.random */
  random?: () => number;
  /** Schedules the waits between attempts. @default systemTimer */
  timer?: Timer;
  /** Wall clock for HTTP-date Retry-After values and error timestamps. @default systemClock */
  clock?: Clock;
  logger?: Logger;
  /** Where failures are counted; share one across policies to get global figures. */
  stats?: ErrorStats;
}

export interface RetryCallOptions {
  /** Cancels the call and any pending wait; the policy then throws a `cancelled` JarvisError. */
  signal?: AbortSignal;
  /** Provider id for statistics and messages. */
  provider?: string;
  /** What is being attempted, for logs. */
  operation?: string;
}

export interface RetryEvent {
  /** The attempt that failed (1 = the first call). */
  attempt: number;
  outcome: ErrorCategory;
  delayMs: number;
  /** True when the delay came from the server's Retry-After. */
  fromRetryAfter: boolean;
  error: unknown;
  provider?: string;
  operation?: string;
}

/** Carries a failure through p-retry untouched (p-retry special-cases TypeErrors and non-Errors). */
class AttemptFailure extends Error {
  constructor(readonly original: unknown) {
    super('attempt failed');
  }
}

export class RetryPolicy {
  readonly stats: ErrorStats;
  private readonly maxAttempts: number;
  private readonly maxRetryAfterMs: number;
  private readonly policies: Record<ErrorCategory, CategoryRetryPolicy>;
  private readonly random: () => number;
  private readonly timer: Timer;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly retryEmitter = new Emitter<RetryEvent>();
  /** Fires before each wait, with the delay chosen. */
  readonly onRetry: Event<RetryEvent> = this.retryEmitter.event;

  constructor(options: RetryPolicyOptions = {}) {
    validateOptions(options);
    this.maxAttempts = options.maxAttempts ?? 5;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
    this.policies = { ...DEFAULT_CATEGORY_POLICIES };
    for (const [category, override] of Object.entries(options.categories ?? {})) {
      const merged = { ...this.policies[category as ErrorCategory], ...override };
      if (merged.maxDelayMs < merged.baseDelayMs) {
        throw invalid(`categories.${category}.maxDelayMs must be ≥ baseDelayMs (${merged.baseDelayMs}), got ${merged.maxDelayMs}.`);
      }
      this.policies[category as ErrorCategory] = merged;
    }
    this.random = options.random ?? Math.random;
    this.timer = options.timer ?? systemTimer;
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? nullLogger;
    this.stats = options.stats ?? new ErrorStats(this.clock);
  }

  /** The policy in force for a category (defaults merged with overrides). */
  policyFor(category: ErrorCategory): CategoryRetryPolicy {
    return this.policies[category];
  }

  /**
   * Runs `fn` until it succeeds, the error's category forbids a retry, or the category's attempts
   * run out. Throws JarvisErrors: the last error as the provider raised it, or wrapped.
   */
  async execute<T>(fn: (attempt: number) => Promise<T>, options: RetryCallOptions = {}): Promise<T> {
    const { signal, provider, operation } = options;
    if (signal?.aborted) throw cancelled(signal);
    const { default: pRetry } = await pRetryModule.get();
    try {
      return await pRetry(
        async (attempt) => {
          if (signal?.aborted) throw new AttemptFailure(cancelled(signal));
          try {
            return await fn(attempt);
          } catch (error) {
            throw new AttemptFailure(error);
          }
        },
        {
          retries: this.maxAttempts - 1,
          // p-retry must not sleep on its own: the wait happens in shouldRetry, on our timer.
          minTimeout: 0,
          factor: 1,
          // Called for every failure, the last one included (shouldRetry is not).
          onFailedAttempt: ({ error }) => {
            this.stats.record(this.outcomeOf((error as AttemptFailure).original, signal), provider);
          },
          shouldRetry: async ({ error, attemptNumber }) => {
            const original = (error as AttemptFailure).original;
            const outcome = this.outcomeOf(original, signal);
            const delay = this.nextDelay(outcome, original, attemptNumber);
            if (delay === undefined) return false;
            this.stats.recordRetry();
            const event: RetryEvent = { attempt: attemptNumber, outcome: outcome as ErrorCategory, error: original, provider, operation, ...delay };
            this.logger.debug(
              `Retrying ${operation ?? 'call'}${provider ? ` to ${provider}` : ''} in ${Math.round(delay.delayMs)} ms ` +
                `(attempt ${attemptNumber} failed: ${outcome}).`,
            );
            this.retryEmitter.fire(event);
            try {
              await sleep(this.timer, delay.delayMs, signal);
            } catch {
              throw new AttemptFailure(cancelled(signal));
            }
            return true;
          },
        },
      );
    } catch (error) {
      const original = error instanceof AttemptFailure ? error.original : error;
      throw toJarvisError(original, { provider, outcome: this.outcomeOf(original, signal) });
    }
  }

  /** Once the caller has cancelled, whatever the failure looks like, it is a cancellation. */
  private outcomeOf(error: unknown, signal: AbortSignal | undefined): ErrorOutcome {
    return signal?.aborted ? 'cancelled' : categorizeError(error);
  }

  /** The wait before the next attempt, or undefined when there must be no next attempt. */
  private nextDelay(outcome: ErrorOutcome, error: unknown, failedAttempt: number): { delayMs: number; fromRetryAfter: boolean } | undefined {
    if (outcome === 'cancelled') return undefined;
    // A Jarvis error's code says whether asking the same model again can help (the failure table).
    if (error instanceof JarvisError && !retries(error.code)) return undefined;
    const policy = this.policies[outcome];
    if (!policy.retry || failedAttempt >= Math.min(policy.maxAttempts, this.maxAttempts)) return undefined;
    const serverWait = retryAfterMs(error, this.clock.now());
    if (serverWait !== undefined) return { delayMs: Math.min(serverWait, this.maxRetryAfterMs), fromRetryAfter: true };
    // Full jitter (AWS architecture blog): uniform in [0, min(cap, base·2^n)).
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempt - 1));
    return { delayMs: this.random() * ceiling, fromRetryAfter: false };
  }
}

function cancelled(signal: AbortSignal | undefined): JarvisError {
  return new JarvisError('cancelled', 'The request was cancelled.', { cause: signal?.reason });
}

function invalid(message: string): JarvisError {
  return new JarvisError('invalid-input', `RetryPolicy: ${message}`);
}

function validateOptions(o: RetryPolicyOptions): void {
  if (typeof o !== 'object' || o === null) throw invalid('options must be an object.');
  if (o.maxAttempts !== undefined && !(Number.isInteger(o.maxAttempts) && o.maxAttempts >= 1)) {
    throw invalid(`maxAttempts must be an integer ≥ 1, got ${String(o.maxAttempts)}.`);
  }
  if (o.maxRetryAfterMs !== undefined && !(Number.isFinite(o.maxRetryAfterMs) && o.maxRetryAfterMs >= 0)) {
    throw invalid(`maxRetryAfterMs must be a finite number ≥ 0, got ${String(o.maxRetryAfterMs)}.`);
  }
  if (o.random !== undefined && typeof o.random !== 'function') throw invalid('random must be a function returning [0, 1).');
  if (o.timer !== undefined && (typeof o.timer?.setTimeout !== 'function' || typeof o.timer?.clearTimeout !== 'function')) {
    throw invalid('timer must have setTimeout and clearTimeout.');
  }
  for (const [category, override] of Object.entries(o.categories ?? {})) {
    if (!ALL_ERROR_CATEGORIES.includes(category as ErrorCategory)) {
      throw invalid(`unknown category "${category}"; expected one of ${ALL_ERROR_CATEGORIES.join(', ')}.`);
    }
    const p = override ?? {};
    for (const field of ['baseDelayMs', 'maxDelayMs'] as const) {
      const v = p[field];
      if (v !== undefined && !(Number.isFinite(v) && v >= 0)) {
        throw invalid(`categories.${category}.${field} must be a finite number ≥ 0, got ${String(v)}.`);
      }
    }
    if (p.maxAttempts !== undefined && !(Number.isInteger(p.maxAttempts) && p.maxAttempts >= 1)) {
      throw invalid(`categories.${category}.maxAttempts must be an integer ≥ 1, got ${String(p.maxAttempts)}.`);
    }
    if (p.retry !== undefined && typeof p.retry !== 'boolean') {
      throw invalid(`categories.${category}.retry must be true or false, got ${String(p.retry)}.`);
    }
  }
}
