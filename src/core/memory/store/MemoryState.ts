import * as fs from 'node:fs/promises';
import { throwIfAborted } from '../../../common/abort';
import type { Embedder } from '../embedders/Embedder';
import { KeywordIndex } from './KeywordIndex';
import { MemoryGeneration } from './MemoryGeneration';
import type { MemoryRecord } from './MemoryRecord';
import { generationDir, writePointer } from './StorePointer';
import { VectorMatrix } from './VectorMatrix';

export interface StoredMemory {
  record: MemoryRecord;
  row: number;
}

/**
 * Everything the store serves from, for ONE generation and ONE embedder: swapping the whole object
 * is how an embedder switch stays atomic for readers (a search uses the state it started with, so it
 * never scores a query from one vector space against rows from another).
 */
export class MemoryState {
  readonly records = new Map<string, StoredMemory>();
  /** Memory id per matrix row; `undefined` for rows left behind by updates and deletes. */
  private readonly rowIds: (string | undefined)[] = [];
  private keywords: KeywordIndex | undefined;
  private keywordsReady: Promise<KeywordIndex> | undefined;

  constructor(
    readonly embedder: Embedder,
    readonly generationNumber: number,
    readonly generation: MemoryGeneration,
    readonly matrix: VectorMatrix,
  ) {
    this.rowIds.length = matrix.rowCount;
  }

  /** Rows in the file that no memory uses any more. */
  get garbageRows(): number {
    return this.matrix.rowCount - this.records.size;
  }

  idAt(row: number): string | undefined {
    return this.rowIds[row];
  }

  put(record: MemoryRecord, row: number): void {
    const old = this.records.get(record.id);
    if (old && old.row !== row) this.rowIds[old.row] = undefined;
    this.records.set(record.id, { record, row });
    this.rowIds[row] = record.id;
    this.keywords?.set(record.id, record.text);
  }

  remove(id: string): void {
    const old = this.records.get(id);
    if (!old) return;
    this.rowIds[old.row] = undefined;
    this.records.delete(id);
    this.keywords?.delete(id);
  }

  /**
   * The keyword index, built on first need in slices of 500 memories with a yield between them, so
   * building it (~0.3 s of CPU per 10k memories) never blocks the extension host for long. Writes
   * during the build go straight into it; the build skips what was deleted meanwhile.
   */
  keywordIndex(): Promise<KeywordIndex> {
    if (!this.keywordsReady) {
      this.keywordsReady = (async () => {
        // minisearch is loaded here, on the first keyword search, not when the store opens.
        const index = await KeywordIndex.create();
        this.keywords = index;
        // Listed after the index exists: writes from now on go straight into it.
        const ids = [...this.records.keys()];
        for (let i = 0; i < ids.length; i += 500) {
          for (const id of ids.slice(i, i + 500)) {
            const stored = this.records.get(id);
            if (stored) index.set(id, stored.record.text);
          }
          await new Promise<void>((r) => setImmediate(r));
        }
        return index;
      })().catch((e: unknown) => {
        // A failed load is retried on the next search rather than disabling keywords for good.
        this.keywordsReady = undefined;
        this.keywords = undefined;
        throw e;
      });
    }
    return this.keywordsReady;
  }

  /**
   * Writes a new generation folder holding exactly `records` with `rows` (packed, unit length),
   * then flips store.json to it. The previous generation folder is removed afterwards; until the
   * flip it stays current, so a crash or a cancel at any point leaves a consistent store.
   */
  static async build(
    folder: string,
    generationNumber: number,
    embedder: Embedder,
    records: MemoryRecord[],
    rows: Float32Array,
    signal?: AbortSignal,
  ): Promise<MemoryState> {
    const dir = generationDir(folder, generationNumber);
    const header = { dimension: embedder.dimension, embedderId: embedder.id };
    let generation: MemoryGeneration;
    try {
      generation = await MemoryGeneration.create(dir, header, rows, records);
      throwIfAborted(signal);
      await writePointer(folder, { format: 1, generation: generationNumber, embedderId: embedder.id, dimension: embedder.dimension });
    } catch (e) {
      await fs.rm(dir, { recursive: true, force: true });
      throw e;
    }
    const matrix = new VectorMatrix(embedder.dimension, rows);
    const state = new MemoryState(embedder, generationNumber, generation, matrix);
    records.forEach((r, i) => state.put(r, i));
    return state;
  }
}
