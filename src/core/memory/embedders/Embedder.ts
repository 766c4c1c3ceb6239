import { JarvisError } from '../../../common/errors';

/**
 * Turns texts into vectors of a fixed dimension. The id names the model (and anything else that
 * changes the vector space) so the store can refuse to mix vectors from two spaces.
 */
export interface Embedder {
  /** e.g. `offline-hash-v1`, `ollama:nomic-embed-text`, `openai:text-embedding-3-small`. */
  readonly id: string;
  readonly dimension: number;
  /** One vector per text, in order. Aborting rejects with a `cancelled` JarvisError. */
  embed(texts: string[], signal?: AbortSignal): Promise<number[][]>;
}

/** Refuses a server answer that does not match what was asked, before it can poison the index. */
export function checkEmbeddings(vectors: unknown, count: number, dimension: number, source: string): number[][] {
  if (!Array.isArray(vectors) || vectors.length !== count) {
    throw new JarvisError('invalid-response', `${source} returned ${Array.isArray(vectors) ? vectors.length : 'no'} embeddings for ${count} texts.`);
  }
  for (const v of vectors) {
    if (!Array.isArray(v) && !(v instanceof Float32Array)) {
      throw new JarvisError('invalid-response', `${source} returned an embedding that is not a list of numbers.`);
    }
    if (v.length !== dimension) {
      throw new JarvisError(
        'invalid-response',
        `${source} returned ${v.length}-dimensional embeddings, but ${dimension} were configured. ` + 'Set the embedding dimension to match the model.',
      );
    }
    for (let i = 0; i < v.length; i++) {
      if (typeof v[i] !== 'number' || !Number.isFinite(v[i])) {
        throw new JarvisError('invalid-response', `${source} returned an embedding containing a non-finite number.`);
      }
    }
  }
  return vectors as number[][];
}

export function checkTexts(texts: unknown): asserts texts is string[] {
  if (!Array.isArray(texts) || texts.some((t) => typeof t !== 'string')) {
    throw new JarvisError('invalid-input', 'Texts to embed must be a list of strings.');
  }
}

export function checkDimension(dimension: unknown, label: string): number {
  if (!Number.isInteger(dimension) || (dimension as number) < 8 || (dimension as number) > 8192) {
    throw new JarvisError('invalid-input', `${label} dimension must be a whole number between 8 and 8192 (got ${String(dimension)}).`);
  }
  return dimension as number;
}
