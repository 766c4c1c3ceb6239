import * as fs from 'node:fs/promises';
import { errorMessage, JarvisError, isJarvisError } from '../../../common/errors';
import type { Logger } from '../../ports';
import type { Embedder } from '../embedders/Embedder';
import { embedAll, type EmbedOutcome } from './embedInBatches';
import { MemoryGeneration } from './MemoryGeneration';
import type { MemoryJournal } from './MemoryJournal';
import type { MemoryRecord } from './MemoryRecord';
import { MemoryState } from './MemoryState';
import { generationDir, readPointer } from './StorePointer';
import { VectorMatrix } from './VectorMatrix';

/** What loading had to repair. All zeros/undefined on a clean load. */
export interface RecoveryReport {
  /** Where a damaged index.json or store.json was kept. */
  corruptBackup?: string;
  /** True when the index was rebuilt from the journal (re-embedding every memory). */
  rebuilt: boolean;
  /** Memories found in the journal but missing or stale in the index, re-embedded. */
  reembedded: number;
  /** Index entries the journal says were deleted, removed. */
  removed: number;
  /** Journal lines that could not be read (a torn last line after a crash). */
  droppedJournalLines: number;
  /**
   * Memories whose embedding batch failed while rebuilding: kept (listed, found by keywords) with
   * an all-zero vector, and embedded again on the next load.
   */
  failedToEmbed?: number;
}

export interface LoadOptions {
  folder: string;
  embedder: Embedder;
  journal: MemoryJournal;
  now: number;
  logger: Logger;
  /** Rebuild with `embedder` when the index was built with another one, instead of refusing. */
  reembed: boolean;
}

/**
 * Opens the current generation and reconciles it with the journal, which is written first and so
 * is the authority on which memories exist. Anything unreadable is set aside and rebuilt.
 */
export async function loadMemoryState(o: LoadOptions): Promise<{ state: MemoryState; report: RecoveryReport }> {
  const report: RecoveryReport = { rebuilt: false, reembedded: 0, removed: 0, droppedJournalLines: 0 };
  const replay = await o.journal.replay();
  report.droppedJournalLines = replay.badLines;
  const { pointer, corruptBackup } = await readPointer(o.folder, o.now);
  if (corruptBackup) report.corruptBackup = corruptBackup;

  if (pointer && (pointer.embedderId !== o.embedder.id || pointer.dimension !== o.embedder.dimension) && !o.reembed) {
    throw new JarvisError(
      'invalid-input',
      `The memory index was built with "${pointer.embedderId}" (${pointer.dimension} dimensions) but the configured ` +
        `embedder is "${o.embedder.id}" (${o.embedder.dimension}). Vectors from two models cannot be mixed: open it ` +
        'with the original embedder and call switchEmbedder, or open with `reembed: true` to rebuild it.',
    );
  }
  const nextGeneration = (pointer?.generation ?? 0) + 1;

  let loaded: Awaited<ReturnType<typeof MemoryGeneration.open>> | undefined;
  if (pointer && pointer.embedderId === o.embedder.id && pointer.dimension === o.embedder.dimension) {
    try {
      loaded = await MemoryGeneration.open(generationDir(o.folder, pointer.generation), o.folder, o.now);
      if (loaded.generation.header.dimension !== pointer.dimension) throw new Error('vector file dimension differs');
    } catch (e) {
      const backup = isJarvisError(e) ? (e.details.cause as { corruptBackup?: string } | undefined)?.corruptBackup : undefined;
      if (backup) report.corruptBackup = backup;
      o.logger.warn(`Memory index unreadable, rebuilding it from the journal: ${(e as Error).message}`);
      loaded = undefined;
    }
  }

  if (!loaded) {
    let records = [...replay.live.values()];
    if (!replay.existed && pointer) records = await salvageRecords(o.folder, pointer.generation, o.now);
    const rows = await embedTolerant(o, records, report);
    const state = await MemoryState.build(o.folder, nextGeneration, o.embedder, records, rows);
    if (pointer) await fs.rm(generationDir(o.folder, pointer.generation), { recursive: true, force: true });
    report.rebuilt = pointer !== undefined || report.corruptBackup !== undefined || records.length > 0;
    report.reembedded = records.length;
    if (replay.badLines > 0) await o.journal.rewrite(records);
    return { state, report };
  }

  const matrix = new VectorMatrix(o.embedder.dimension, loaded.vectors);
  const state = new MemoryState(o.embedder, pointer!.generation, loaded.generation, matrix);
  for (const { record, row } of loaded.items) state.put(record, row);

  if (!replay.existed) {
    // The journal was lost but the index is fine: the index becomes the record of truth again.
    const all = [...state.records.values()].map((s) => s.record).concat(loaded.rowless);
    await o.journal.rewrite(all);
    replay.live = new Map(all.map((r) => [r.id, r]));
  }
  const stale: MemoryRecord[] = [];
  for (const record of replay.live.values()) {
    const have = state.records.get(record.id)?.record;
    const row = state.records.get(record.id)?.row;
    // An all-zero row is a memory whose embedding failed earlier: try it again now.
    if (!have || have.metadata.updatedAt !== record.metadata.updatedAt || have.text !== record.text || isZero(matrix.row(row!))) stale.push(record);
  }
  const removed = [...state.records.keys()].filter((id) => !replay.live.has(id));
  if (stale.length > 0 || removed.length > 0) {
    const rows = await embedTolerant(o, stale, report);
    const first = await loaded.generation.appendVectors(rows);
    matrix.appendRows(rows);
    const puts = stale.map((record, i) => ({ record, row: first + i }));
    await loaded.generation.commit(puts, removed);
    for (const id of removed) state.remove(id);
    for (const p of puts) state.put(p.record, p.row);
    report.reembedded = stale.length;
    report.removed = removed.length;
  }
  if (replay.badLines > 0 || replay.lines > 2 * replay.live.size + 1000) {
    await o.journal.rewrite(replay.live.values());
  }
  return { state, report };
}

/**
 * Embeds in batches and keeps going past a failed batch: its memories get zero rows (re-embedded on
 * the next load) instead of failing the whole open: every memory stays listed and found by keywords.
 */
async function embedTolerant(o: LoadOptions, records: MemoryRecord[], report: RecoveryReport): Promise<Float32Array> {
  const outcome: EmbedOutcome = await embedAll(
    o.embedder,
    records.map((r) => r.text),
  );
  if (outcome.failed.length === 0) return outcome.rows;
  report.failedToEmbed = (report.failedToEmbed ?? 0) + outcome.failed.length;
  o.logger.warn(
    `Memory rebuild: ${records.length - outcome.failed.length} of ${records.length} memories embedded in ${outcome.batches} batches ` +
      `(${Math.round(outcome.successRate * 100)}%); the other ${outcome.failed.length} are kept and will be embedded on the next load. First error: ${errorMessage(outcome.firstError)}`,
  );
  return outcome.rows;
}

function isZero(row: Float32Array): boolean {
  for (let i = 0; i < row.length; i++) if (row[i] !== 0) return false;
  return true;
}

/** Without a journal, the old generation's index is the only list of memories left: read what it can. */
async function salvageRecords(folder: string, generation: number, now: number): Promise<MemoryRecord[]> {
  try {
    const old = await MemoryGeneration.open(generationDir(folder, generation), folder, now);
    return old.items.map((i) => i.record).concat(old.rowless);
  } catch {
    return [];
  }
}
