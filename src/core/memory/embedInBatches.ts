import { throwIfAborted } from '../../common/abort';
import { checkEmbeddings, type Embedder } from './Embedder';
import { normalizeRows } from './VectorMatrix';

/**
 * Embeds many texts in batches, checking the signal and reporting progress between batches, and
 * returns them packed and unit length, ready for the vector file and the matrix.
 */
export async function embedInBatches(
  embedder: Embedder,
  texts: string[],
  options: { batchSize?: number; signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<Float32Array> {
  const batchSize = options.batchSize ?? 64;
  const out = new Float32Array(texts.length * embedder.dimension);
  for (let i = 0; i < texts.length; i += batchSize) {
    throwIfAborted(options.signal);
    const batch = texts.slice(i, i + batchSize);
    const vectors = checkEmbeddings(await embedder.embed(batch, options.signal), batch.length, embedder.dimension, `Embedder "${embedder.id}"`);
    out.set(normalizeRows(vectors, embedder.dimension), i * embedder.dimension);
    options.onProgress?.(Math.min(i + batch.length, texts.length), texts.length);
  }
  throwIfAborted(options.signal);
  return out;
}
