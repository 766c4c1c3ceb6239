import type { JarvisErrorCode } from '../../common/errors';
import { ErrorCategory, type ErrorOutcome } from './ErrorCategory';

const { NETWORK, API_LIMIT, AUTHENTICATION, VALIDATION, RESOURCE_UNAVAILABLE, TRANSIENT, FATAL } = ErrorCategory;

/** What Jarvis does about one error code. */
export interface FailureRule {
  /** Drives retry backoff and attempts, and whether the failure counts against a provider's circuit breaker. */
  readonly category: ErrorOutcome;
  /**
   * Whether the same model is asked again. The category's policy then gives the backoff and the number of
   * attempts (and a category whose policy is set not to retry overrides this).
   */
  readonly retry: boolean;
  /** Before the first token, the router tries the next candidate model. */
  readonly nextModel: boolean;
  /** When no model answered, an earlier cached answer to the same question is better than the error. */
  readonly degrade: boolean;
  /** A foreign error (SDK, socket) of these categories is reported with this code. */
  readonly wraps?: readonly ErrorOutcome[];
}

/**
 * THE failure table: per error code, whether the same model is asked again (with its category's
 * backoff), whether the router moves on to the next model, and whether the service degrades to a
 * cached answer.
 * Every other decision about a failure reads this table; nothing keeps a list of its own.
 */
export const FAILURE_TABLE: Readonly<Record<JarvisErrorCode, FailureRule>> = {
  // The user asked to stop: nothing retries, moves on or degrades.
  cancelled: { category: 'cancelled', retry: false, nextModel: false, degrade: false, wraps: ['cancelled'] },
  'provider-unreachable': { category: NETWORK, retry: true, nextModel: true, degrade: true, wraps: [NETWORK] },
  timeout: { category: NETWORK, retry: true, nextModel: true, degrade: true },
  'rate-limited': { category: API_LIMIT, retry: true, nextModel: true, degrade: true, wraps: [API_LIMIT] },
  // Another provider's key may work; an old answer would hide that the key needs fixing.
  'auth-failed': { category: AUTHENTICATION, retry: false, nextModel: true, degrade: false, wraps: [AUTHENTICATION] },
  'invalid-input': { category: VALIDATION, retry: false, nextModel: false, degrade: false, wraps: [VALIDATION] },
  // Retrying cannot make a missing model appear, but another model may answer.
  'model-not-found': { category: VALIDATION, retry: false, nextModel: true, degrade: true },
  // An open circuit fails fast on purpose; waiting on it would defeat it. Another model may answer.
  'circuit-open': { category: RESOURCE_UNAVAILABLE, retry: false, nextModel: true, degrade: true },
  'no-model-available': { category: RESOURCE_UNAVAILABLE, retry: true, nextModel: false, degrade: true },
  'provider-error': { category: TRANSIENT, retry: true, nextModel: true, degrade: true, wraps: [RESOURCE_UNAVAILABLE, TRANSIENT, FATAL] },
  // A garbled answer is thrown to the user (it may have streamed already); a cached one may replace it.
  'invalid-response': { category: TRANSIENT, retry: true, nextModel: false, degrade: true },
  // Local decisions (a setting, the budget): asking again gives the same answer.
  'provider-disabled': { category: FATAL, retry: false, nextModel: false, degrade: false },
  'budget-exceeded': { category: FATAL, retry: false, nextModel: false, degrade: false },
  // Business memory: trust and disk problems need the user, not another attempt.
  'untrusted-workspace': { category: FATAL, retry: false, nextModel: false, degrade: false },
  'storage-failed': { category: FATAL, retry: false, nextModel: false, degrade: false },
  // The user's privacy setting refused the cloud: no other cloud model and no cached answer either.
  'privacy-blocked': { category: FATAL, retry: false, nextModel: false, degrade: false },
};

/** Whether a failure with this code is retried on the same model (the table's `retry` column). */
export function retries(code: JarvisErrorCode): boolean {
  return FAILURE_TABLE[code].retry;
}

/** The code a foreign error of this category is reported with (from the table's `wraps`). */
export const CODE_FOR_OUTCOME: Readonly<Record<ErrorOutcome, JarvisErrorCode>> = Object.fromEntries(
  (Object.entries(FAILURE_TABLE) as [JarvisErrorCode, FailureRule][]).flatMap(([code, rule]) => (rule.wraps ?? []).map((o) => [o, code])),
) as Record<ErrorOutcome, JarvisErrorCode>;
