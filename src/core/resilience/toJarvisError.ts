import { errorMessage, isJarvisError, JarvisError, JarvisErrorCode } from '../../common/errors';
import type { ErrorOutcome } from './ErrorCategory';
import { categorizeError } from './categorizeError';

const CODE_FOR: Readonly<Record<ErrorOutcome, JarvisErrorCode>> = {
  cancelled: 'cancelled',
  network: 'provider-unreachable',
  api_limit: 'rate-limited',
  authentication: 'auth-failed',
  validation: 'invalid-input',
  resource: 'provider-error',
  transient: 'provider-error',
  fatal: 'provider-error',
};

/**
 * Returns JarvisErrors unchanged (unless the call was cancelled meanwhile) and wraps anything else (an SDK or socket error that escaped a
 * provider) in the JarvisError its category implies, keeping the original as `cause`.
 */
export function toJarvisError(error: unknown, context: { provider?: string; outcome?: ErrorOutcome } = {}): JarvisError {
  const outcome = context.outcome ?? categorizeError(error);
  if (isJarvisError(error) && (outcome !== 'cancelled' || error.code === 'cancelled')) return error;
  if (outcome === 'cancelled') return new JarvisError('cancelled', 'The request was cancelled.', { cause: error });
  const status = (error as { status?: unknown } | null)?.status;
  const who = context.provider ? `${context.provider}: ` : '';
  return new JarvisError(CODE_FOR[outcome], `${who}${errorMessage(error)}`, {
    cause: error,
    provider: context.provider,
    status: typeof status === 'number' ? status : undefined,
  });
}
