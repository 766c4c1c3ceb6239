import type { Clock } from '../../common/Clock';
import type { JarvisSettings } from '../config/settings';
import type { Logger } from '../ports';
import { CircuitBreakers } from '../resilience/CircuitBreakers';
import { RetryPolicy } from '../resilience/RetryPolicy';
import type { Timer } from '../resilience/Timer';

/** Longest Retry-After honoured inside a chat; beyond it the router moves to another model. */
export const MAX_RETRY_AFTER_MS = 10_000;

export interface Resilience {
  breakers: CircuitBreakers;
  retry: RetryPolicy;
}

/** The circuit breakers and retry policy `jarvis.resilience.*` describes (rebuilt when those settings change). */
export function buildResilience(r: JarvisSettings['resilience'], deps: { clock: Clock; logger: Logger; timer: Timer; random?: () => number }): Resilience {
  const { clock, logger, timer, random } = deps;
  const breakers = new CircuitBreakers({ failureThreshold: r.breakerThreshold, halfOpenAfterMs: r.breakerCooldownSeconds * 1000, clock, logger });
  const retry = new RetryPolicy({
    maxAttempts: r.maxRetries + 1,
    maxRetryAfterMs: MAX_RETRY_AFTER_MS,
    timer,
    clock,
    logger,
    ...(random ? { random } : {}),
  });
  return { breakers, retry };
}
