import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { LocalIndex } from 'vectra/lib/LocalIndex';
import { JarvisError, errorMessage } from '../../../common/errors';
import { atomicWriteFile } from './atomicWriteFile';
import { isMemoryRecord, type MemoryRecord } from './MemoryRecord';
import { VectorFile, type VectorFileHeader } from './VectorFile';

const INDEX = 'index.json';
/**
 * vectra's endUpdate() rewrites its file in place with fs.writeFile (truncate, then write): a crash
 * mid-write leaves a half-written index. So vectra is pointed at this staging name, and every
 * commit renames the staged file over index.json once it is complete and fsynced.
 */
const STAGING = 'index.next.json';
const VECTORS = 'vectors.f32';

type Metadata = Record<string, string | number | boolean>;

let vectra: Promise<typeof import('vectra/lib/LocalIndex')> | undefined;
/** vectra's index module pulls in its NLP dependencies (~0.4 s): load it on first use only. */
function loadVectra() {
  vectra ??= import('vectra/lib/LocalIndex.js');
  return vectra;
}

export interface LoadedGeneration {
  generation: MemoryGeneration;
  /** Memories in the index whose vector row exists, with that row. */
  items: { record: MemoryRecord; row: number }[];
  /** Memories in the index whose row was lost (a torn vector file): the caller re-embeds them. */
  rowless: MemoryRecord[];
  vectors: Float32Array;
}

/** A put to commit: the record and the row its (already appended) vector went to. */
export interface RowPut {
  record: MemoryRecord;
  row: number;
}

/**
 * One generation of the store: a folder holding a real vectra LocalIndex (`index.json`, one item
 * per memory with its metadata and vector row) and the binary vector sidecar. A new generation is
 * written whenever every vector changes at once (embedder switch, compaction, rebuild); the store
 * then points at it atomically, so a generation is never half-replaced.
 */
export class MemoryGeneration {
  private constructor(
    readonly dir: string,
    private readonly index: LocalIndex<Metadata>,
    readonly vectorFile: VectorFile,
  ) {}

  get header(): VectorFileHeader {
    return this.vectorFile.header;
  }

  /**
   * Writes a complete generation: all vectors in one file and index.json in vectra's own format
   * ({version, metadata_config, items}) in one go, because vectra's insert checks uniqueness with a
   * linear scan per item (quadratic for a rebuild of 20k memories).
   */
  static async create(dir: string, header: VectorFileHeader, rows: Float32Array, records: MemoryRecord[]) {
    await fs.mkdir(dir, { recursive: true });
    const vectorFile = await VectorFile.create(path.join(dir, VECTORS), header, rows);
    const items = records.map((record, row) => ({ id: record.id, metadata: toMetadata({ record, row }), vector: [], norm: 0 }));
    await atomicWriteFile(path.join(dir, INDEX), JSON.stringify({ version: 1, metadata_config: {}, items }));
    await fs.copyFile(path.join(dir, INDEX), path.join(dir, STAGING));
    const { LocalIndex } = await loadVectra();
    return new MemoryGeneration(dir, new LocalIndex<Metadata>(dir, STAGING), vectorFile);
  }

  /**
   * Loads a generation. A damaged index.json is moved aside to `backupDir/index.json.corrupt-<time>`
   * and reported by throwing `storage-failed` with `details.cause = { corruptBackup }`.
   */
  static async open(dir: string, backupDir: string, now: number): Promise<LoadedGeneration> {
    const { file: vectorFile, vectors } = await VectorFile.open(path.join(dir, VECTORS));
    const indexFile = path.join(dir, INDEX);
    await fs.copyFile(indexFile, path.join(dir, STAGING));
    const { LocalIndex } = await loadVectra();
    const index = new LocalIndex<Metadata>(dir, STAGING);
    let raw: { id: string; metadata: Metadata }[];
    try {
      raw = await index.listItems();
      if (!Array.isArray(raw)) throw new Error('it has no item list');
    } catch (e) {
      const corruptBackup = path.join(backupDir, `${INDEX}.corrupt-${now}`);
      await fs.rename(indexFile, corruptBackup);
      await fs.rm(path.join(dir, STAGING), { force: true });
      throw new JarvisError('storage-failed', `The memory index was damaged (${errorMessage(e)}); it was kept as ${corruptBackup}.`, {
        cause: { corruptBackup },
      });
    }
    const generation = new MemoryGeneration(dir, index, vectorFile);
    const items: LoadedGeneration['items'] = [];
    const rowless: MemoryRecord[] = [];
    for (const item of raw) {
      const decoded = fromItem(item);
      if (!decoded) continue;
      if (decoded.row < vectorFile.rowCount) items.push(decoded);
      else rowless.push(decoded.record);
    }
    return { generation, items, rowless, vectors };
  }

  /** Appends vectors; returns the first row number. */
  appendVectors(rows: Float32Array): Promise<number> {
    return this.vectorFile.append(rows);
  }

  /** One vectra update for the whole batch, then the atomic swap of index.json. */
  async commit(puts: RowPut[], deletes: string[]): Promise<void> {
    if (puts.length === 0 && deletes.length === 0) return;
    await this.index.beginUpdate();
    try {
      for (const id of deletes) await this.index.deleteItem(id);
      // Vectors live in the sidecar: vectra's item keeps an empty vector and the row number.
      for (const p of puts) await this.index.upsertItem({ id: p.record.id, vector: [], metadata: toMetadata(p) });
      await this.index.endUpdate();
    } catch (e) {
      this.index.cancelUpdate();
      throw e;
    }
    const staged = path.join(this.dir, STAGING);
    const handle = await fs.open(staged, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(staged, path.join(this.dir, INDEX));
  }

  /** For tests and tools: where index.json lives. */
  get indexFile(): string {
    return path.join(this.dir, INDEX);
  }
}

function toMetadata({ record, row }: RowPut): Metadata {
  const m = record.metadata;
  const out: Metadata = {
    row,
    type: record.type,
    text: record.text,
    importance: m.importance,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
  if (m.project !== undefined) out.project = m.project;
  if (m.user !== undefined) out.user = m.user;
  if (m.sourceFile !== undefined) out.sourceFile = m.sourceFile;
  if (m.sourceCommit !== undefined) out.sourceCommit = m.sourceCommit;
  // vectra metadata is flat scalars: nested tags travel as one JSON string.
  if (m.tags !== undefined) out.tags = JSON.stringify(m.tags);
  return out;
}

function fromItem(item: { id: string; metadata: Metadata }): RowPut | undefined {
  const md = item?.metadata;
  if (!md || typeof md.row !== 'number' || !Number.isInteger(md.row) || md.row < 0) return undefined;
  let tags: unknown;
  if (typeof md.tags === 'string') {
    try {
      tags = JSON.parse(md.tags);
    } catch {
      tags = undefined;
    }
  }
  const record = {
    id: item.id,
    type: md.type,
    text: md.text,
    metadata: {
      importance: md.importance,
      createdAt: md.createdAt,
      updatedAt: md.updatedAt,
      ...(typeof md.project === 'string' ? { project: md.project } : {}),
      ...(typeof md.user === 'string' ? { user: md.user } : {}),
      ...(typeof md.sourceFile === 'string' ? { sourceFile: md.sourceFile } : {}),
      ...(typeof md.sourceCommit === 'string' ? { sourceCommit: md.sourceCommit } : {}),
      ...(tags && typeof tags === 'object' ? { tags } : {}),
    },
  };
  return isMemoryRecord(record) ? { record, row: md.row } : undefined;
}
