/** Weight of the keyword side in hybrid search. @default 0.3 */
export const DEFAULT_KEYWORD_WEIGHT = 0.3;

export interface FusionInput {
  id: string;
  /** Cosine similarity (computed for keyword-only hits too). */
  similarity: number;
  /** Raw BM25 score, 0 when the memory was not a keyword hit. */
  bm25: number;
}

/**
 * Weighted score fusion: score = (1 − w)·max(0, cosine) + w·(bm25 / best bm25 of this query).
 *
 * Chosen over reciprocal rank fusion because callers need a MAGNITUDE, not only an order: the
 * context retriever multiplies it by time decay and compares it to a threshold. BM25 is scaled by
 * the query's best hit so both halves live in [0, 1]; the top exact-term match therefore always
 * gets the full keyword share (w), which is what lets an exact identifier outrank texts that are
 * merely "about" the same words. Ties keep the semantic order.
 */
export function fuseHybrid(candidates: FusionInput[], keywordWeight = DEFAULT_KEYWORD_WEIGHT): { id: string; score: number; keywordScore: number }[] {
  const best = candidates.reduce((m, c) => Math.max(m, c.bm25), 0);
  return candidates
    .map((c, order) => {
      const keywordScore = best > 0 ? c.bm25 / best : 0;
      return { id: c.id, keywordScore, order, score: (1 - keywordWeight) * Math.max(0, c.similarity) + keywordWeight * keywordScore };
    })
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ id, score, keywordScore }) => ({ id, score, keywordScore }));
}
