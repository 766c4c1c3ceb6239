import { BatchProcessor, type BatchResult } from '../../batch/BatchProcessor';
import type { MemoryRecord, NewMemory } from './MemoryRecord';

/** What the import needs of the store (VectorMemoryStore satisfies it). */
export interface MemoryStoreWriter {
  store(memory: NewMemory, signal?: AbortSignal): Promise<MemoryRecord>;
}

export interface ImportOptions {
  /** Memories stored together: the store coalesces them into one embedding call and one index write. @default 64 */
  batchSize?: number;
  /** Batches in flight at once. @default 2 */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Stores many memories (an import) in batches through the BatchProcessor, continuing past a failed
 * batch: the others are kept, and the failures come back with their position for the report.
 */
export async function importMemories(
  store: MemoryStoreWriter,
  memories: NewMemory[],
  options: ImportOptions = {},
): Promise<BatchResult<NewMemory, MemoryRecord>> {
  const processor = new BatchProcessor({ batchSize: options.batchSize ?? 64, maxConcurrentBatches: options.concurrency ?? 2, continueOnError: true });
  let done = 0;
  return processor.processAll(
    memories,
    async (m) => {
      try {
        return await store.store(m, options.signal);
      } finally {
        options.onProgress?.(++done, memories.length);
      }
    },
    options.signal ? { signal: options.signal } : {},
  );
}
