/**
 * Error codes Jarvis reports to users. Each maps to a clear message and, where useful, an action.
 * Classification is by this code (a string), so it survives bundling and crossing module copies.
 */
export type JarvisErrorCode =
  | 'cancelled'
  | 'provider-disabled'
  | 'provider-unreachable'
  | 'model-not-found'
  | 'provider-error'
  | 'invalid-response'
  | 'invalid-input'
  | 'auth-failed'
  | 'rate-limited'
  | 'timeout'
  | 'circuit-open'
  | 'budget-exceeded'
  | 'no-model-available'
  /** Business memory: learning from, or remembering, workspace content while the workspace is untrusted. */
  | 'untrusted-workspace'
  /** Business memory: the memory folder could not be read or written (disk full, permissions...). */
  | 'storage-failed'
  /** jarvis.privacy.mode is `block` and the request, which contains a secret, would go to a cloud model. */
  | 'privacy-blocked';

const BRAND = Symbol.for('jarvis.error');

export class JarvisError extends Error {
  readonly [BRAND] = true;
  constructor(
    readonly code: JarvisErrorCode,
    message: string,
    readonly details: {
      cause?: unknown;
      model?: string;
      host?: string;
      provider?: string;
      status?: number;
      /** From a Retry-After header, when the server sent one. */
      retryAfterMs?: number;
    } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'JarvisError';
  }
}

/** Brand guard: works across bundles where `instanceof` would not. */
export function isJarvisError(e: unknown, code?: JarvisErrorCode): e is JarvisError {
  return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[BRAND] === true && (code === undefined || (e as JarvisError).code === code);
}

export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
