import { JarvisError } from '../../../common/errors';
import type { Embedder } from './Embedder';

/** Checked up front so a malformed embedder fails at open/switch time, not on the first write. */
export function validateEmbedder(e: Embedder): void {
  if (typeof e?.embed !== 'function' || typeof e.id !== 'string' || e.id === '' || !Number.isInteger(e.dimension) || e.dimension < 1) {
    throw new JarvisError('invalid-input', 'The memory store needs an embedder with an `id`, a whole-number `dimension` and an `embed` method.');
  }
}
