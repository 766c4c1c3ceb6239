import { JarvisError } from './errors';

/** Throws a `cancelled` JarvisError if the signal has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new JarvisError('cancelled', 'The request was cancelled.');
}

/** True for the errors fetch, the SDKs and our own code raise when a request is aborted. */
export function isAbortError(e: unknown): boolean {
  if (e instanceof JarvisError) return e.code === 'cancelled';
  if (typeof e !== 'object' || e === null) return false;
  const name = (e as { name?: unknown }).name;
  return name === 'AbortError' || name === 'APIUserAbortError';
}
