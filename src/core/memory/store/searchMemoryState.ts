import { throwIfAborted } from '../../../common/abort';
import { JarvisError } from '../../../common/errors';
import { checkEmbeddings } from '../embedders/Embedder';
import { fuseHybrid, type FusionInput } from './fuseHybrid';
import { checkSearchOptions, hasFilter, matchesFilter, type MemorySearchResult, type SearchOptions } from './MemoryQuery';
import type { MemoryState } from './MemoryState';
import { normalizeRows } from './VectorMatrix';

/**
 * Hybrid (semantic + BM25) search over one generation of the store: the embedder's nearest rows and
 * the keyword index's best hits are pooled, then fused (fuseHybrid) with the keyword share `keywordWeight`.
 */
export async function searchMemoryState(state: MemoryState, query: string, options: SearchOptions, keywordWeight: number): Promise<MemorySearchResult[]> {
  if (typeof query !== 'string' || query.trim() === '') {
    throw new JarvisError('invalid-input', 'A memory search needs a non-empty query.');
  }
  const { limit = 5, minSimilarity = 0.3, mode = 'hybrid', signal } = options;
  checkSearchOptions(limit, minSimilarity, mode);
  let vector: Float32Array | undefined;
  if (mode !== 'keyword') {
    const [v] = checkEmbeddings(await state.embedder.embed([query], signal), 1, state.embedder.dimension, `Embedder "${state.embedder.id}"`);
    vector = normalizeRows([v], state.embedder.dimension);
  }
  throwIfAborted(signal);
  const filtered = hasFilter(options);
  const accept = (id: string | undefined) => id !== undefined && (!filtered || matchesFilter(state.records.get(id)!.record, options));
  const pool = Math.max(20, limit * 4);
  const candidates = new Map<string, FusionInput>();
  if (vector) {
    for (const hit of state.matrix.topK(vector, pool, minSimilarity, (row) => accept(state.idAt(row)))) {
      const id = state.idAt(hit.row)!;
      candidates.set(id, { id, similarity: hit.score, bm25: 0 });
    }
  }
  if (mode !== 'semantic') {
    for (const hit of (await state.keywordIndex()).search(query, pool, accept)) {
      const known = candidates.get(hit.id);
      if (known) known.bm25 = hit.score;
      else candidates.set(hit.id, { id: hit.id, similarity: vector ? cosine(vector, state, hit.id) : 0, bm25: hit.score });
    }
  }
  const weight = mode === 'hybrid' ? keywordWeight : mode === 'keyword' ? 1 : 0;
  return fuseHybrid([...candidates.values()], weight)
    .slice(0, limit)
    .map((f) => ({ record: state.records.get(f.id)!.record, similarity: candidates.get(f.id)!.similarity, keywordScore: f.keywordScore, score: f.score }));
}

function cosine(query: Float32Array, state: MemoryState, id: string): number {
  const row = state.matrix.row(state.records.get(id)!.row);
  let s = 0;
  for (let i = 0; i < row.length; i++) s += row[i] * query[i];
  return s;
}
