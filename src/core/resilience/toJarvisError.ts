import { errorMessage, isJarvisError, JarvisError } from '../../common/errors';
import type { ErrorOutcome } from './ErrorCategory';
import { categorizeError } from './categorizeError';
import { CODE_FOR_OUTCOME } from './failureTable';

/**
 * The one conversion of a thrown value into a JarvisError. Returns JarvisErrors unchanged (unless the
 * call was cancelled meanwhile) and wraps anything else (an SDK or socket error that escaped a
 * provider) in the code the failure table gives its category, keeping the original as `cause`.
 * With a model, the message names it ("openai failed on gpt-4o: …"), as the router reports it.
 */
export function toJarvisError(error: unknown, context: { provider?: string; model?: string; outcome?: ErrorOutcome } = {}): JarvisError {
  const outcome = context.outcome ?? categorizeError(error);
  if (isJarvisError(error) && (outcome !== 'cancelled' || error.code === 'cancelled')) return error;
  if (outcome === 'cancelled') return new JarvisError('cancelled', 'The request was cancelled.', { cause: error });
  const status = (error as { status?: unknown } | null)?.status;
  const who = context.model ? `${context.provider ?? 'provider'} failed on ${context.model}: ` : context.provider ? `${context.provider}: ` : '';
  return new JarvisError(CODE_FOR_OUTCOME[outcome], `${who}${errorMessage(error)}`, {
    cause: error,
    provider: context.provider,
    ...(context.model ? { model: context.model } : {}),
    status: typeof status === 'number' ? status : undefined,
  });
}
