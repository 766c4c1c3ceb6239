/**
 * The seven failure categories of the design manual (Phase 11.1). Retry, circuit breaking and
 * degradation decide from the category, never from error classes, so a provider only has to
 * raise errors that {@link categorizeError} understands.
 */
export const ErrorCategory = {
  /** Connection refused/reset, DNS, socket timeouts: retry aggressively. */
  NETWORK: 'network',
  /** HTTP 429 / rate-limited: back off (honouring Retry-After) and retry. */
  API_LIMIT: 'api_limit',
  /** HTTP 401/403, bad or missing key: never retried, the user must act. */
  AUTHENTICATION: 'authentication',
  /** HTTP 4xx, bad input, unknown model: never retried, the same request fails the same way. */
  VALIDATION: 'validation',
  /** HTTP 502/503/504/529, overloaded or no model available: retry with a longer backoff. */
  RESOURCE_UNAVAILABLE: 'resource',
  /** HTTP 500/408/409, garbled responses, unknown errors: retry soon, a few times. */
  TRANSIENT: 'transient',
  /** Programming errors and local policy refusals: never retried. */
  FATAL: 'fatal',
} as const;

export type ErrorCategory = (typeof ErrorCategory)[keyof typeof ErrorCategory];

export const ALL_ERROR_CATEGORIES: readonly ErrorCategory[] = Object.values(ErrorCategory);

/**
 * What happened to a failed call. Cancellation is a separate outcome, not an eighth category:
 * the user asked to stop, so nothing may retry it, count it as a failure or fall back from it.
 */
export type ErrorOutcome = ErrorCategory | 'cancelled';

/** How one category is retried. Delays are in milliseconds; attempts include the first call. */
export interface CategoryRetryPolicy {
  readonly retry: boolean;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxAttempts: number;
}

export const DEFAULT_CATEGORY_POLICIES: Readonly<Record<ErrorCategory, CategoryRetryPolicy>> = {
  network: { retry: true, baseDelayMs: 500, maxDelayMs: 10_000, maxAttempts: 5 },
  api_limit: { retry: true, baseDelayMs: 2_000, maxDelayMs: 60_000, maxAttempts: 4 },
  authentication: { retry: false, baseDelayMs: 0, maxDelayMs: 0, maxAttempts: 1 },
  validation: { retry: false, baseDelayMs: 0, maxDelayMs: 0, maxAttempts: 1 },
  resource: { retry: true, baseDelayMs: 2_000, maxDelayMs: 30_000, maxAttempts: 4 },
  transient: { retry: true, baseDelayMs: 100, maxDelayMs: 2_000, maxAttempts: 3 },
  fatal: { retry: false, baseDelayMs: 0, maxDelayMs: 0, maxAttempts: 1 },
};

/** Categories that say the provider itself is unhealthy, and so count towards opening a breaker. */
export function indicatesUnhealthyProvider(outcome: ErrorOutcome): boolean {
  return (
    outcome === ErrorCategory.NETWORK ||
    outcome === ErrorCategory.API_LIMIT ||
    outcome === ErrorCategory.RESOURCE_UNAVAILABLE ||
    outcome === ErrorCategory.TRANSIENT
  );
}
