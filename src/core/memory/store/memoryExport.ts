import { errorMessage, JarvisError } from '../../../common/errors';
import type { MemoryRecord, NewMemory } from './MemoryRecord';
import { validateNewMemory } from './MemoryRecord';

export const EXPORT_FORMAT = 'jarvis-memories';

/** The file `Jarvis: Export Memories` writes. */
export interface MemoryExport {
  format: typeof EXPORT_FORMAT;
  version: 1;
  exportedAt: string;
  memories: MemoryRecord[];
}

export interface ImportPlan {
  /** Memories to store, in file order; the original creation time is kept as the tag `originalCreatedAt`. */
  memories: NewMemory[];
  /** Entries left out, with the 1-based position in the file and why. */
  skipped: { index: number; reason: string }[];
}

/** Largest import accepted, in characters: beyond this the file is not a memory export. */
export const MAX_IMPORT_CHARS = 50_000_000;

export function toMemoryExport(records: MemoryRecord[], now: number): MemoryExport {
  return { format: EXPORT_FORMAT, version: 1, exportedAt: new Date(now).toISOString(), memories: records };
}

/**
 * Reads an export (or a bare array of memories) and validates every entry on its own: one bad
 * entry is reported and skipped, never the whole file. Entries whose type and text are already
 * stored are skipped as duplicates, so importing the same file twice adds nothing.
 * @throws `invalid-input` when the file as a whole is not a memory export.
 */
export function planMemoryImport(text: string, existing: Iterable<Pick<MemoryRecord, 'type' | 'text'>>): ImportPlan {
  if (typeof text !== 'string') throw new JarvisError('invalid-input', 'The import needs the file text.');
  if (text.length > MAX_IMPORT_CHARS)
    throw new JarvisError('invalid-input', `That file is too large to be a memory export (over ${MAX_IMPORT_CHARS / 1_000_000} MB).`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new JarvisError('invalid-input', `The file is not valid JSON (${errorMessage(e)}). Choose a file made by "Jarvis: Export Memories".`);
  }
  const entries = Array.isArray(data) ? data : (data as Partial<MemoryExport> | null)?.memories;
  if (!Array.isArray(entries)) {
    throw new JarvisError('invalid-input', 'The file has no "memories" list. Choose a file made by "Jarvis: Export Memories".');
  }
  const obj = data as Partial<MemoryExport>;
  if (!Array.isArray(data) && (obj.format !== EXPORT_FORMAT || obj.version !== 1)) {
    throw new JarvisError('invalid-input', `Unsupported export format (expected "${EXPORT_FORMAT}" version 1).`);
  }
  const seen = new Set([...existing].map((r) => `${r.type}\u0000${r.text}`));
  const plan: ImportPlan = { memories: [], skipped: [] };
  entries.forEach((entry: unknown, i) => {
    const index = i + 1;
    try {
      const memory = toNewMemory(entry);
      const key = `${memory.type}\u0000${memory.text}`;
      if (seen.has(key)) {
        plan.skipped.push({ index, reason: 'already remembered' });
        return;
      }
      seen.add(key);
      plan.memories.push(memory);
    } catch (e) {
      plan.skipped.push({ index, reason: errorMessage(e) });
    }
  });
  return plan;
}

function toNewMemory(entry: unknown): NewMemory {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new JarvisError('invalid-input', 'not an object');
  const e = entry as Partial<MemoryRecord>;
  const m = (typeof e.metadata === 'object' && e.metadata !== null ? e.metadata : {}) as Partial<MemoryRecord['metadata']>;
  const tags = { ...(typeof m.tags === 'object' && m.tags !== null && !Array.isArray(m.tags) ? m.tags : {}) };
  if (typeof m.createdAt === 'number' && Number.isFinite(m.createdAt)) tags.originalCreatedAt = new Date(m.createdAt).toISOString();
  const metadata: NonNullable<NewMemory['metadata']> = {};
  if (m.project !== undefined) metadata.project = m.project;
  if (m.user !== undefined) metadata.user = m.user;
  if (m.importance !== undefined) metadata.importance = m.importance;
  if (m.sourceFile !== undefined) metadata.sourceFile = m.sourceFile;
  if (m.sourceCommit !== undefined) metadata.sourceCommit = m.sourceCommit;
  if (Object.keys(tags).length > 0) metadata.tags = tags;
  return validateNewMemory({ text: e.text as string, type: e.type as NewMemory['type'], metadata });
}
