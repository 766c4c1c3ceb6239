import { JarvisError } from '../../../common/errors';
import type { MemoryRecord } from './MemoryRecord';
import type { MemoryType } from './MemoryType';

/** Narrows which memories a search or listing considers. Every field is optional and combined with AND. */
export interface MemoryFilter {
  type?: MemoryType | MemoryType[];
  project?: string;
  user?: string;
  /** Epoch ms, inclusive, on `createdAt`. */
  since?: number;
  /** Epoch ms, inclusive, on `createdAt`. */
  until?: number;
}

export type SearchMode = 'hybrid' | 'semantic' | 'keyword';

export interface SearchOptions extends MemoryFilter {
  /** @default 5 */
  limit?: number;
  /**
   * Cosine floor for SEMANTIC candidates. Keyword candidates are kept whatever their cosine: they
   * matched the query's exact terms. The default suits the offline embedder; use ~0.7 with OpenAI.
   * @default 0.3
   */
  minSimilarity?: number;
  /** @default 'hybrid' */
  mode?: SearchMode;
  signal?: AbortSignal;
}

export interface MemorySearchResult {
  record: MemoryRecord;
  /** Cosine similarity between query and memory, in [-1, 1]. */
  similarity: number;
  /** BM25 score scaled by the best keyword hit of this query, in [0, 1]; 0 when not a keyword hit. */
  keywordScore: number;
  /** The fused ranking score in [0, 1] (see fuseHybrid). */
  score: number;
}

export function matchesFilter(record: MemoryRecord, f: MemoryFilter): boolean {
  if (f.type !== undefined) {
    if (Array.isArray(f.type) ? !f.type.includes(record.type) : record.type !== f.type) return false;
  }
  const m = record.metadata;
  if (f.project !== undefined && m.project !== f.project) return false;
  if (f.user !== undefined && m.user !== f.user) return false;
  if (f.since !== undefined && m.createdAt < f.since) return false;
  if (f.until !== undefined && m.createdAt > f.until) return false;
  return true;
}

export function hasFilter(f: MemoryFilter): boolean {
  return f.type !== undefined || f.project !== undefined || f.user !== undefined || f.since !== undefined || f.until !== undefined;
}

/** @throws `invalid-input` naming the bad search option. */
export function checkSearchOptions(limit: number, minSimilarity: number, mode: string): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new JarvisError('invalid-input', `limit must be a whole number from 1 to 1000 (got ${String(limit)}).`);
  }
  if (!(minSimilarity >= -1 && minSimilarity <= 1)) {
    throw new JarvisError('invalid-input', `minSimilarity must be between -1 and 1 (got ${String(minSimilarity)}).`);
  }
  if (!['hybrid', 'semantic', 'keyword'].includes(mode)) {
    throw new JarvisError('invalid-input', `mode must be hybrid, semantic or keyword (got "${mode}").`);
  }
}
