import { throwIfAborted } from '../../../common/abort';
import { errorMessage, isJarvisError, JarvisError } from '../../../common/errors';
import { BatchProcessor } from '../../batch/BatchProcessor';
import { checkEmbeddings, type Embedder } from '../embedders/Embedder';
import { normalizeRows } from './VectorMatrix';

export interface EmbedBatchOptions {
  /** Texts per embedding call. @default 64 */
  batchSize?: number;
  /** Embedding calls in flight at once. @default 2 (local models gain nothing from more) */
  concurrency?: number;
  signal?: AbortSignal;
  /** Called after each batch with texts done (embedded or failed) so far. */
  onProgress?: (done: number, total: number) => void;
}

export interface EmbedOutcome {
  /** Packed unit rows, one per text; a failed text's row is all zeros. */
  rows: Float32Array;
  /** Indexes (into the texts) whose batch failed, ascending. */
  failed: number[];
  /** Embedding calls made, and the share of texts embedded (1 for no texts). */
  batches: number;
  successRate: number;
  /** The first batch error, for the message. */
  firstError?: unknown;
}

/**
 * Embeds many texts through the BatchProcessor: `batchSize` texts per embedding call, `concurrency`
 * calls at once, continuing past a failed batch so one bad batch does not lose the others. A
 * failed batch is tried once more after the rest; what still fails is reported, not thrown.
 * Cancelling throws `cancelled`.
 */
export async function embedAll(embedder: Embedder, texts: string[], options: EmbedBatchOptions = {}): Promise<EmbedOutcome> {
  const batchSize = options.batchSize ?? 64;
  const chunks: number[] = [];
  for (let i = 0; i < texts.length; i += batchSize) chunks.push(i);
  const rows = new Float32Array(texts.length * embedder.dimension);
  const processor = new BatchProcessor({ batchSize: 1, maxConcurrentBatches: options.concurrency ?? 2, continueOnError: true });
  let done = 0;
  let batches = 0;
  const embedChunk = async (start: number, final: boolean) => {
    throwIfAborted(options.signal);
    const batch = texts.slice(start, start + batchSize);
    batches++;
    try {
      const vectors = checkEmbeddings(await embedder.embed(batch, options.signal), batch.length, embedder.dimension, `Embedder "${embedder.id}"`);
      rows.set(normalizeRows(vectors, embedder.dimension), start * embedder.dimension);
    } catch (e) {
      // A failed first try is counted when its retry ends, so progress never runs past the total.
      if (final) report(batch.length);
      throw e;
    }
    report(batch.length);
  };
  const report = (n: number) => {
    done += n;
    options.onProgress?.(done, texts.length);
  };
  const signal = options.signal ? { signal: options.signal } : {};
  const first = await processor.processAll(chunks, (start) => embedChunk(start, false), signal);
  throwIfCancelled(
    first.failures.map((f) => f.error),
    options.signal,
  );
  const retry = await processor.processAll(
    first.failures.map((f) => f.item),
    (start) => embedChunk(start, true),
    signal,
  );
  throwIfCancelled(
    retry.failures.map((f) => f.error),
    options.signal,
  );
  const failed: number[] = [];
  for (const f of retry.failures) for (let i = f.item; i < Math.min(f.item + batchSize, texts.length); i++) failed.push(i);
  failed.sort((a, b) => a - b);
  const outcome: EmbedOutcome = { rows, failed, batches, successRate: texts.length === 0 ? 1 : (texts.length - failed.length) / texts.length };
  if (retry.failures.length > 0) outcome.firstError = retry.failures[0].error;
  return outcome;
}

/**
 * `embedAll` for callers that need every vector: throws when any batch still failed, naming how
 * many texts and the success rate (the caller keeps its previous state, so nothing is lost).
 */
export async function embedInBatches(embedder: Embedder, texts: string[], options: EmbedBatchOptions = {}): Promise<Float32Array> {
  const outcome = await embedAll(embedder, texts, options);
  if (outcome.failed.length > 0) throw embedFailure(embedder, outcome, texts.length);
  return outcome.rows;
}

/** e.g. "Embedder "x" failed for 64 of 500 texts (87% embedded): connection refused". */
export function embedFailure(embedder: Embedder, outcome: EmbedOutcome, total: number): JarvisError {
  const cause = outcome.firstError;
  const code = isJarvisError(cause) ? cause.code : 'storage-failed';
  return new JarvisError(
    code,
    `Embedder "${embedder.id}" failed for ${outcome.failed.length} of ${total} texts (${Math.round(outcome.successRate * 100)}% embedded): ${errorMessage(cause)}`,
    { cause },
  );
}

function throwIfCancelled(errors: unknown[], signal: AbortSignal | undefined): void {
  throwIfAborted(signal);
  const cancelled = errors.find((e) => isJarvisError(e, 'cancelled'));
  if (cancelled) throw cancelled;
}
