import * as fs from 'node:fs/promises';
import { atomicWriteFile } from './atomicWriteFile';
import { isMemoryRecord, type MemoryRecord } from './MemoryRecord';

export type JournalEntry = { op: 'put'; record: MemoryRecord } | { op: 'del'; id: string };

export interface JournalReplay {
  /** Memories alive after replaying every entry, keyed by id. */
  live: Map<string, MemoryRecord>;
  /** False when there was no journal file at all (a fresh folder, or one the user deleted). */
  existed: boolean;
  lines: number;
  /** Lines that were not valid entries: a torn last line after a crash, or damage. */
  badLines: number;
}

/**
 * Append-only JSON Lines log of every memory written or deleted (texts and metadata, no vectors).
 * It is written BEFORE the index, so whatever happens to the index, memories are never silently
 * lost: the store replays it on load and re-embeds whatever the index is missing.
 */
export class MemoryJournal {
  constructor(readonly file: string) {}

  /** One write and one fsync for the whole batch. */
  async append(entries: JournalEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const text = entries.map((e) => JSON.stringify(e)).join('\n') + '\n';
    const handle = await fs.open(this.file, 'a');
    try {
      await handle.write(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async replay(): Promise<JournalReplay> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { live: new Map(), existed: false, lines: 0, badLines: 0 };
      throw e;
    }
    const live = new Map<string, MemoryRecord>();
    let lines = 0;
    let badLines = 0;
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      lines++;
      const entry = parseEntry(line);
      if (!entry) badLines++;
      else if (entry.op === 'put') live.set(entry.record.id, entry.record);
      else live.delete(entry.id);
    }
    return { live, existed: true, lines, badLines };
  }

  /** Compacts the log to one `put` per live memory, atomically. */
  async rewrite(records: Iterable<MemoryRecord>): Promise<void> {
    let text = '';
    for (const record of records) text += JSON.stringify({ op: 'put', record }) + '\n';
    await atomicWriteFile(this.file, text);
  }
}

function parseEntry(line: string): JournalEntry | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  const e = value as Partial<{ op: string; record: unknown; id: unknown }>;
  if (e?.op === 'put' && isMemoryRecord(e.record)) return { op: 'put', record: e.record };
  if (e?.op === 'del' && typeof e.id === 'string') return { op: 'del', id: e.id };
  return undefined;
}
