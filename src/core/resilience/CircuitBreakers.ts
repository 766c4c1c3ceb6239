import { circuitBreaker, CircuitBreakerPolicy, CircuitState, ConsecutiveBreaker, handleWhen, IBackoff, IBackoffFactory, isBrokenCircuitError } from 'cockatiel';
import { Clock, systemClock } from '../../common/Clock';
import { IDisposable } from '../../common/Disposable';
import { Emitter, Event } from '../../common/Emitter';
import { isJarvisError, JarvisError } from '../../common/errors';
import type { Logger } from '../ports';
import { nullLogger } from '../ports';
import { ErrorCategory, ErrorOutcome, indicatesUnhealthyProvider } from './ErrorCategory';
import { categorizeError } from './categorizeError';

export type BreakerState = 'closed' | 'open' | 'half-open' | 'isolated';

export interface BreakerStateInfo {
  /** `provider` or `provider:model`. */
  key: string;
  state: BreakerState;
  /** Consecutive counted failures since the last success. */
  failures: number;
  /** Clock time the breaker last opened; undefined while it has never opened since closing. */
  openedAt: number | undefined;
}

export interface BreakerStateChange {
  key: string;
  state: BreakerState;
  previous: BreakerState;
}

export interface BreakerTarget {
  provider: string;
  model?: string;
}

export interface CircuitBreakersOptions {
  /** Consecutive unhealthy failures that open a breaker. @default 5 */
  failureThreshold?: number;
  /** Time an open breaker waits before letting a single probe through. @default 60000 */
  halfOpenAfterMs?: number;
  /** Decides when half-open is due (see ClockBackoff). @default systemClock */
  clock?: Clock;
  logger?: Logger;
}

const STATE_NAMES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'isolated',
};

/**
 * cockatiel 3 has no clock option: an open breaker compares `Date.now() - openedAt` with its
 * backoff's `duration`. The backoff is ours to supply, so this one reads the injected clock and
 * reports a duration of +∞ (stay open) until `halfOpenAfterMs` has passed on that clock, then −∞
 * (go half-open). Tests advance a FakeClock instead of sleeping; in production it is the system clock.
 */
class ClockBackoff implements IBackoff<unknown> {
  private readonly openedAt: number;
  constructor(
    private readonly clock: Clock,
    private readonly halfOpenAfterMs: number,
  ) {
    this.openedAt = clock.now();
  }
  get duration(): number {
    return this.clock.now() - this.openedAt >= this.halfOpenAfterMs ? -Infinity : Infinity;
  }
  next(): IBackoff<unknown> {
    return new ClockBackoff(this.clock, this.halfOpenAfterMs);
  }
}

interface Entry {
  key: string;
  policy: CircuitBreakerPolicy;
  counter: ConsecutiveBreaker;
  state: BreakerState;
  openedAt: number | undefined;
  subscriptions: IDisposable[];
}

/**
 * One cockatiel circuit breaker per provider and per provider:model (Phase 11.1). A call passes
 * through both: a failing model opens its own breaker (other models of the provider keep working)
 * and an unreachable provider opens the provider breaker. Only failures that say the provider is
 * unhealthy count (network, rate limit, unavailable, transient); cancellations, validation and
 * authentication errors pass through without counting. An open breaker fails fast with a
 * `circuit-open` JarvisError; after `halfOpenAfterMs` exactly one probe call runs, concurrent calls
 * wait for its outcome (cockatiel's half-open), and its success closes the breaker.
 */
export class CircuitBreakers implements IDisposable {
  private readonly breakers = new Map<string, Entry>();
  private readonly threshold: number;
  private readonly halfOpenAfterMs: number;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly stateEmitter = new Emitter<BreakerStateChange>();
  readonly onStateChange: Event<BreakerStateChange> = this.stateEmitter.event;

  constructor(options: CircuitBreakersOptions = {}) {
    const { failureThreshold = 5, halfOpenAfterMs = 60_000 } = options;
    if (!(Number.isInteger(failureThreshold) && failureThreshold >= 1)) {
      throw new JarvisError('invalid-input', `CircuitBreakers: failureThreshold must be an integer ≥ 1, got ${String(failureThreshold)}.`);
    }
    if (!(Number.isFinite(halfOpenAfterMs) && halfOpenAfterMs >= 0)) {
      throw new JarvisError('invalid-input', `CircuitBreakers: halfOpenAfterMs must be a finite number ≥ 0, got ${String(halfOpenAfterMs)}.`);
    }
    this.threshold = failureThreshold;
    this.halfOpenAfterMs = halfOpenAfterMs;
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? nullLogger;
  }

  /** Runs `fn` through the provider breaker and, when a model is given, the provider:model breaker. */
  async execute<T>(target: BreakerTarget, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const providerBreaker = this.get(target.provider, target.model ? 'provider' : 'only');
    const modelBreaker = target.model ? this.get(`${target.provider}:${target.model}`, 'model') : undefined;
    const guarded = async () => {
      try {
        return await fn();
      } catch (error) {
        // Once the caller has cancelled, the failure says nothing about the provider's health.
        if (signal?.aborted && !isJarvisError(error, 'cancelled')) {
          throw new JarvisError('cancelled', 'The request was cancelled.', { cause: error });
        }
        throw error;
      }
    };
    const inner = modelBreaker ? () => this.run(modelBreaker, guarded) : guarded;
    return this.run(providerBreaker, inner);
  }

  /** False while the provider's (or the model's) breaker is open and not yet due for a probe. */
  isAvailable(target: BreakerTarget): boolean {
    const keys = [target.provider, ...(target.model ? [`${target.provider}:${target.model}`] : [])];
    return keys.every((key) => {
      const entry = this.breakers.get(key);
      if (!entry) return true;
      if (entry.state === 'isolated') return false;
      if (entry.state !== 'open') return true;
      return entry.openedAt !== undefined && this.clock.now() - entry.openedAt >= this.halfOpenAfterMs;
    });
  }

  states(): BreakerStateInfo[] {
    return [...this.breakers.values()].map(({ key, state, counter, openedAt }) => ({
      key,
      state,
      failures: counter.state,
      openedAt,
    }));
  }

  dispose(): void {
    for (const entry of this.breakers.values()) entry.subscriptions.forEach((s) => s.dispose());
    this.breakers.clear();
    this.stateEmitter.dispose();
  }

  private async run<T>(entry: Entry, fn: () => Promise<T>): Promise<T> {
    try {
      return await entry.policy.execute(fn);
    } catch (error) {
      if (isBrokenCircuitError(error) || (error as { name?: string } | null)?.name === 'IsolatedCircuitError') {
        throw this.openError(entry);
      }
      throw error;
    }
  }

  private openError(entry: Entry): JarvisError {
    const waitMs = entry.openedAt === undefined ? this.halfOpenAfterMs : Math.max(0, entry.openedAt + this.halfOpenAfterMs - this.clock.now());
    const [provider, model] = splitKey(entry.key);
    return new JarvisError(
      'circuit-open',
      `${model ? `${provider} model "${model}"` : provider} is paused after ${this.threshold} consecutive failures; ` +
        `Jarvis will try it again in ${Math.ceil(waitMs / 1000)} s.`,
      { provider, model },
    );
  }

  /**
   * `level` decides what a breaker counts. Behind per-model breakers, the provider breaker counts
   * only network failures (the provider cannot be reached at all), so one overloaded or erroring
   * model opens its own breaker without taking the provider's other models down with it.
   */
  private get(key: string, level: 'provider' | 'model' | 'only'): Entry {
    const existing = this.breakers.get(key);
    if (existing) return existing;
    const counter = new ConsecutiveBreaker(this.threshold);
    const halfOpenAfter: IBackoffFactory<unknown> = { next: () => new ClockBackoff(this.clock, this.halfOpenAfterMs) };
    const policy = circuitBreaker(
      handleWhen(
        (error) =>
          // A breaker further in already failed fast: not this level's failure.
          !isJarvisError(error, 'circuit-open') && !isBrokenCircuitError(error) && counts(level, categorizeError(error)),
      ),
      { halfOpenAfter, breaker: counter },
    );
    const entry: Entry = { key, policy, counter, state: 'closed', openedAt: undefined, subscriptions: [] };
    entry.subscriptions.push(
      policy.onStateChange((s) => {
        const previous = entry.state;
        entry.state = STATE_NAMES[s];
        if (entry.state === 'open') entry.openedAt = this.clock.now();
        if (entry.state === 'closed') entry.openedAt = undefined;
        if (entry.state === previous) return;
        const log = entry.state === 'open' ? this.logger.warn : this.logger.info;
        log.call(this.logger, `Circuit breaker ${key}: ${previous} → ${entry.state}.`);
        this.stateEmitter.fire({ key, state: entry.state, previous });
      }),
    );
    this.breakers.set(key, entry);
    return entry;
  }
}

function counts(level: 'provider' | 'model' | 'only', outcome: ErrorOutcome): boolean {
  return level === 'provider' ? outcome === ErrorCategory.NETWORK : indicatesUnhealthyProvider(outcome);
}

function splitKey(key: string): [string, string | undefined] {
  const i = key.indexOf(':');
  return i < 0 ? [key, undefined] : [key.slice(0, i), key.slice(i + 1)];
}
