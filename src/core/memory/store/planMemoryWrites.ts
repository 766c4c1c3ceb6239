import { randomUUID } from 'node:crypto';
import { JarvisError } from '../../../common/errors';
import type { JournalEntry } from './MemoryJournal';
import type { MemoryRecord, NewMemory, validateNewMemory } from './MemoryRecord';
import type { MemoryState } from './MemoryState';
import type { OpOutcome } from './WriteQueue';

export interface MemoryPatch {
  text?: string;
  type?: NewMemory['type'];
  metadata?: NewMemory['metadata'];
}

/** One queued write to the store. */
export type MemoryWriteOp =
  | { kind: 'put'; input: ReturnType<typeof validateNewMemory>; signal?: AbortSignal }
  | { kind: 'update'; id: string; patch: MemoryPatch; signal?: AbortSignal }
  | { kind: 'delete'; id: string };

/** What a batch of writes will do, worked out before anything is embedded or written. */
export interface WritePlan {
  /** Per op, in order: its result (or why it failed). */
  outcomes: OpOutcome<MemoryRecord | boolean>[];
  /** Every touched id's record after the batch; null when deleted. */
  working: Map<string, MemoryRecord | null>;
  /** The records whose text is new, so they need a vector. */
  toEmbed: Map<string, MemoryRecord>;
  /** The journal lines for the batch. */
  entries: JournalEntry[];
}

/**
 * Applies a batch of ops to a working copy of `state`'s records: later ops see earlier ones, an
 * update whose text is unchanged keeps its vector, and a cancelled put/update fails alone.
 */
export function planMemoryWrites(ops: readonly MemoryWriteOp[], state: MemoryState, now: number): WritePlan {
  const working = new Map<string, MemoryRecord | null>();
  const current = (id: string) => (working.has(id) ? (working.get(id) ?? undefined) : state.records.get(id)?.record);
  const toEmbed = new Map<string, MemoryRecord>();
  const entries: JournalEntry[] = [];
  const outcomes = ops.map((op): OpOutcome<MemoryRecord | boolean> => {
    if (op.kind !== 'delete' && op.signal?.aborted) return { ok: false, error: new JarvisError('cancelled', 'The request was cancelled.') };
    if (op.kind === 'delete') {
      if (!current(op.id)) return { ok: true, value: false };
      working.set(op.id, null);
      toEmbed.delete(op.id);
      entries.push({ op: 'del', id: op.id });
      return { ok: true, value: true };
    }
    let record: MemoryRecord;
    if (op.kind === 'put') {
      const { importance = 'medium', ...rest } = op.input.metadata;
      record = { id: randomUUID(), type: op.input.type, text: op.input.text, metadata: { ...rest, importance, createdAt: now, updatedAt: now } };
    } else {
      const cur = current(op.id);
      if (!cur) return { ok: false, error: new JarvisError('invalid-input', `There is no memory with id "${op.id}".`) };
      record = { ...cur, ...(op.patch.text !== undefined ? { text: op.patch.text } : {}), ...(op.patch.type ? { type: op.patch.type } : {}) };
      record.metadata = { ...cur.metadata, ...(op.patch.metadata ?? {}), createdAt: cur.metadata.createdAt, updatedAt: now };
      if (record.text === cur.text && !toEmbed.has(op.id)) {
        working.set(op.id, record);
        entries.push({ op: 'put', record });
        return { ok: true, value: record };
      }
    }
    working.set(record.id, record);
    toEmbed.set(record.id, record);
    entries.push({ op: 'put', record });
    return { ok: true, value: record };
  });
  return { outcomes, working, toEmbed, entries };
}
