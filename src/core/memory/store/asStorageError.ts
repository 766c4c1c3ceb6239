import { JarvisError, errorMessage, isJarvisError } from '../../../common/errors';

/** JarvisErrors pass through (cancelled, provider errors); file-system failures become `storage-failed`. */
export function asStorageError(e: unknown, action: string): JarvisError {
  if (isJarvisError(e)) return e;
  return new JarvisError('storage-failed', `Could not ${action}: ${errorMessage(e)}. Check the disk has space and the folder is writable.`, { cause: e });
}
