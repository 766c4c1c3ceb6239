import { JarvisError } from '../../../common/errors';
import { isMemoryType, MEMORY_TYPES, type MemoryType } from './MemoryType';

export type Importance = 'low' | 'medium' | 'high';
export const IMPORTANCE_LEVELS: readonly Importance[] = ['low', 'medium', 'high'];

/** Free-form tags (the seed's `decided_by` and the like): flat scalars only, so they fit vectra's metadata. */
export type MemoryTags = Record<string, string | number | boolean>;

export interface MemoryMetadata {
  project?: string;
  user?: string;
  /** @default 'medium' */
  importance: Importance;
  /** Workspace-relative path the memory came from, when it came from a file. */
  sourceFile?: string;
  sourceCommit?: string;
  tags?: MemoryTags;
  /** Epoch ms. */
  createdAt: number;
  /** Epoch ms; retention counts from here. */
  updatedAt: number;
}

export interface MemoryRecord {
  id: string;
  type: MemoryType;
  text: string;
  metadata: MemoryMetadata;
}

/** What callers pass to `store`: timestamps and id are the store's job. */
export interface NewMemory {
  text: string;
  type: MemoryType;
  metadata?: Partial<Omit<MemoryMetadata, 'createdAt' | 'updatedAt'>>;
}

/**
 * Texts above this are refused rather than silently cut: a memory is a summary, and embedding
 * models truncate long inputs without telling anyone.
 */
export const MAX_MEMORY_TEXT_CHARS = 8_000;

/** Checks caller input and fills defaults; throws `invalid-input` naming the bad field. */
export function validateNewMemory(input: NewMemory): NewMemory & { metadata: Partial<MemoryMetadata> } {
  if (typeof input !== 'object' || input === null) {
    throw new JarvisError('invalid-input', 'A memory must be an object with `text` and `type`.');
  }
  if (typeof input.text !== 'string' || input.text.trim() === '') {
    throw new JarvisError('invalid-input', 'A memory needs non-empty `text`.');
  }
  if (input.text.length > MAX_MEMORY_TEXT_CHARS) {
    throw new JarvisError(
      'invalid-input',
      `A memory's text is limited to ${MAX_MEMORY_TEXT_CHARS} characters (got ${input.text.length}); store a summary instead.`,
    );
  }
  if (!isMemoryType(input.type)) {
    throw new JarvisError('invalid-input', `Unknown memory type "${String(input.type)}"; use one of: ${MEMORY_TYPES.join(', ')}.`);
  }
  const metadata = { ...(input.metadata ?? {}) };
  if (metadata.importance !== undefined && !IMPORTANCE_LEVELS.includes(metadata.importance)) {
    throw new JarvisError('invalid-input', `Memory importance must be low, medium or high (got "${String(metadata.importance)}").`);
  }
  for (const key of ['project', 'user', 'sourceFile', 'sourceCommit'] as const) {
    const v = metadata[key];
    if (v !== undefined && (typeof v !== 'string' || v.trim() === '')) {
      throw new JarvisError('invalid-input', `Memory metadata \`${key}\` must be a non-empty string when given.`);
    }
  }
  if (metadata.tags !== undefined) {
    if (typeof metadata.tags !== 'object' || metadata.tags === null || Array.isArray(metadata.tags)) {
      throw new JarvisError('invalid-input', 'Memory metadata `tags` must be an object of strings, numbers or booleans.');
    }
    for (const [k, v] of Object.entries(metadata.tags)) {
      if (!['string', 'number', 'boolean'].includes(typeof v)) {
        throw new JarvisError('invalid-input', `Memory tag "${k}" must be a string, number or boolean.`);
      }
    }
  }
  return { text: input.text, type: input.type, metadata };
}

/** Structural check for records read back from disk (journal, index): anything else is corruption. */
export function isMemoryRecord(value: unknown): value is MemoryRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<MemoryRecord>;
  const m = r.metadata as Partial<MemoryMetadata> | undefined;
  return (
    typeof r.id === 'string' &&
    r.id !== '' &&
    isMemoryType(r.type) &&
    typeof r.text === 'string' &&
    typeof m === 'object' &&
    m !== null &&
    typeof m.createdAt === 'number' &&
    typeof m.updatedAt === 'number' &&
    IMPORTANCE_LEVELS.includes(m.importance as Importance)
  );
}
