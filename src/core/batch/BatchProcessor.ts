import { Clock, systemClock } from '../../common/Clock';
import { JarvisError } from '../../common/errors';

export interface BatchProcessorOptions {
  /** Items per batch; a batch's items run concurrently. @default 100 */
  batchSize?: number;
  /** Batches running at the same time. @default 5 */
  maxConcurrentBatches?: number;
  /** Keep going after a failed item (true) or start no new batch after one (false). @default true */
  continueOnError?: boolean;
  /** For durationMs. @default systemClock */
  clock?: Clock;
}

export interface BatchFailure<T> {
  /** Position of the item in the input array. */
  index: number;
  item: T;
  error: unknown;
}

export interface BatchResult<T, R> {
  totalItems: number;
  successfulItems: number;
  failedItems: number;
  /** Items never started because an earlier failure stopped the run (continueOnError: false). */
  skippedItems: number;
  /** successfulItems / totalItems (1 for an empty input). */
  successRate: number;
  /** Result per input index; undefined where the item failed or was skipped. */
  results: (R | undefined)[];
  failures: BatchFailure<T>[];
  durationMs: number;
}

/**
 * Processes many items in fixed-size batches with bounded concurrency (Phase 11.4), e.g. embedding
 * a workspace's files. Failures are collected per item with their index instead of aborting the
 * whole run; cancellation (the signal) stops scheduling and is reported as skipped items.
 */
export class BatchProcessor {
  private readonly batchSize: number;
  private readonly maxConcurrentBatches: number;
  private readonly continueOnError: boolean;
  private readonly clock: Clock;

  constructor(options: BatchProcessorOptions = {}) {
    const { batchSize = 100, maxConcurrentBatches = 5, continueOnError = true } = options;
    requirePositiveInteger('batchSize', batchSize);
    requirePositiveInteger('maxConcurrentBatches', maxConcurrentBatches);
    if (typeof continueOnError !== 'boolean') {
      throw new JarvisError('invalid-input', `BatchProcessor: continueOnError must be true or false, got ${String(continueOnError)}.`);
    }
    this.batchSize = batchSize;
    this.maxConcurrentBatches = maxConcurrentBatches;
    this.continueOnError = continueOnError;
    this.clock = options.clock ?? systemClock;
  }

  async processAll<T, R>(
    items: readonly T[],
    processItem: (item: T, index: number) => Promise<R>,
    options: { signal?: AbortSignal } = {},
  ): Promise<BatchResult<T, R>> {
    if (!Array.isArray(items)) throw new JarvisError('invalid-input', 'BatchProcessor.processAll: items must be an array.');
    if (typeof processItem !== 'function') {
      throw new JarvisError('invalid-input', 'BatchProcessor.processAll: processItem must be a function.');
    }
    const started = this.clock.monotonic();
    const results: (R | undefined)[] = new Array(items.length).fill(undefined);
    const failures: BatchFailure<T>[] = [];
    let successful = 0;
    let stop = false;
    let nextBatchStart = 0;

    const runBatch = async (start: number) => {
      const end = Math.min(start + this.batchSize, items.length);
      await Promise.all(
        items.slice(start, end).map(async (item, offset) => {
          const index = start + offset;
          try {
            results[index] = await processItem(item, index);
            successful++;
          } catch (error) {
            failures.push({ index, item, error });
            if (!this.continueOnError) stop = true;
          }
        }),
      );
    };
    // Each worker takes the next unstarted batch until none is left: at most maxConcurrentBatches run.
    const worker = async () => {
      while (!stop && !options.signal?.aborted && nextBatchStart < items.length) {
        const start = nextBatchStart;
        nextBatchStart += this.batchSize;
        await runBatch(start);
      }
    };
    const workers = Math.min(this.maxConcurrentBatches, Math.ceil(items.length / this.batchSize));
    await Promise.all(Array.from({ length: workers }, worker));

    failures.sort((a, b) => a.index - b.index);
    const total = items.length;
    return {
      totalItems: total,
      successfulItems: successful,
      failedItems: failures.length,
      skippedItems: total - successful - failures.length,
      successRate: total === 0 ? 1 : successful / total,
      results,
      failures,
      durationMs: this.clock.monotonic() - started,
    };
  }
}

function requirePositiveInteger(name: string, value: unknown): void {
  if (!(typeof value === 'number' && Number.isInteger(value) && value >= 1)) {
    throw new JarvisError('invalid-input', `BatchProcessor: ${name} must be an integer ≥ 1, got ${String(value)}.`);
  }
}
