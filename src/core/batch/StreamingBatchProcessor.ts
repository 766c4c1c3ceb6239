import { errorMessage, JarvisError } from '../../common/errors';
import type { Logger } from '../ports';
import { nullLogger } from '../ports';
import { systemTimer, Timer, TimerHandle } from '../resilience/Timer';

export interface StreamingBatchOptions<T> {
  /** Handles one batch; batches run one at a time, in arrival order. */
  processBatch: (batch: T[]) => Promise<void>;
  /** Flush as soon as this many items wait. @default 100 */
  batchSize?: number;
  /** Flush a partial batch this long after its first item arrived. @default 1000 */
  flushIntervalMs?: number;
  /**
   * Backpressure bound: items buffered or being processed. `add()` waits while it is reached, so a
   * fast producer cannot grow memory without limit. Must be ≥ batchSize. @default 10 × batchSize
   */
  maxPending?: number;
  /** A failed batch is reported here and dropped; the processor keeps going. */
  onError?: (error: unknown, batch: T[]) => void;
  timer?: Timer;
  logger?: Logger;
}

export interface StreamingBatchStats {
  batches: number;
  failedBatches: number;
  processedItems: number;
  /** Items buffered or in a batch being processed. */
  pending: number;
}

/**
 * Collects items as they arrive (edit events, memory writes) and hands them over in batches: when
 * `batchSize` is reached or `flushIntervalMs` after the first item of a partial batch.
 * `stop()` flushes what is left and waits for it.
 */
export class StreamingBatchProcessor<T> {
  private buffer: T[] = [];
  private inFlight = 0;
  private chain: Promise<void> = Promise.resolve();
  private flushTimer: TimerHandle | undefined;
  private stopped = false;
  private readonly waiters: (() => void)[] = [];
  private readonly counters = { batches: 0, failedBatches: 0, processedItems: 0 };
  private readonly batchSize: number;
  private readonly flushIntervalMs: number;
  private readonly maxPending: number;
  private readonly timer: Timer;
  private readonly logger: Logger;

  constructor(private readonly options: StreamingBatchOptions<T>) {
    if (typeof options?.processBatch !== 'function') {
      throw new JarvisError('invalid-input', 'StreamingBatchProcessor: processBatch must be a function.');
    }
    const { batchSize = 100, flushIntervalMs = 1000 } = options;
    const maxPending = options.maxPending ?? 10 * batchSize;
    requirePositiveInteger('batchSize', batchSize);
    if (!(Number.isFinite(flushIntervalMs) && flushIntervalMs > 0)) {
      throw new JarvisError('invalid-input', `StreamingBatchProcessor: flushIntervalMs must be a number > 0, got ${String(flushIntervalMs)}.`);
    }
    requirePositiveInteger('maxPending', maxPending);
    if (maxPending < batchSize) {
      throw new JarvisError('invalid-input', `StreamingBatchProcessor: maxPending (${maxPending}) must be ≥ batchSize (${batchSize}).`);
    }
    this.batchSize = batchSize;
    this.flushIntervalMs = flushIntervalMs;
    this.maxPending = maxPending;
    this.timer = options.timer ?? systemTimer;
    this.logger = options.logger ?? nullLogger;
  }

  stats(): StreamingBatchStats {
    return { ...this.counters, pending: this.pending };
  }

  private get pending(): number {
    return this.buffer.length + this.inFlight;
  }

  /** Buffers an item; resolves once it is accepted (later when the backpressure bound is reached). */
  async add(item: T): Promise<void> {
    this.assertRunning();
    while (this.pending >= this.maxPending) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
      this.assertRunning();
    }
    this.buffer.push(item);
    if (this.buffer.length >= this.batchSize) void this.flush();
    else if (this.buffer.length === 1) this.flushTimer = this.timer.setTimeout(() => void this.flush(), this.flushIntervalMs);
  }

  /** Hands the buffered items over now; resolves when every batch so far has been processed. */
  flush(): Promise<void> {
    if (this.flushTimer !== undefined) {
      this.timer.clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
    }
    while (this.buffer.length > 0) {
      const batch = this.buffer.splice(0, this.batchSize);
      this.inFlight += batch.length;
      this.chain = this.chain.then(() => this.process(batch));
    }
    return this.chain;
  }

  /** Refuses new items, flushes the rest and waits until all of it is processed. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.flush();
    // Producers still waiting for room are told the processor stopped.
    for (const wake of this.waiters.splice(0)) wake();
  }

  private async process(batch: T[]): Promise<void> {
    try {
      await this.options.processBatch(batch);
      this.counters.processedItems += batch.length;
    } catch (error) {
      this.counters.failedBatches++;
      if (this.options.onError) this.options.onError(error, batch);
      else this.logger.warn(`A batch of ${batch.length} item(s) failed and was dropped: ${errorMessage(error)}`);
    } finally {
      this.counters.batches++;
      this.inFlight -= batch.length;
      for (const wake of this.waiters.splice(0)) wake();
    }
  }

  private assertRunning(): void {
    if (this.stopped) throw new JarvisError('invalid-input', 'StreamingBatchProcessor: cannot add items after stop().');
  }
}

function requirePositiveInteger(name: string, value: unknown): void {
  if (!(typeof value === 'number' && Number.isInteger(value) && value >= 1)) {
    throw new JarvisError('invalid-input', `StreamingBatchProcessor: ${name} must be an integer ≥ 1, got ${String(value)}.`);
  }
}
