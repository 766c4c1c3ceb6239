/** Ranking metrics of the retrieval benchmark, binary relevance (a memory answers the query or not). */

/** Share of the relevant memories found in the first k results. */
export function recallAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) throw new Error('recallAt: a query needs at least one relevant memory.');
  return ranked.slice(0, k).filter((id) => relevant.has(id)).length / relevant.size;
}

/** Share of the first k results that are relevant (fewer than k results count as misses). */
export function precisionAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  return ranked.slice(0, k).filter((id) => relevant.has(id)).length / k;
}

/** 1 when any of the first k results is relevant. */
export function hitAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  return ranked.slice(0, k).some((id) => relevant.has(id)) ? 1 : 0;
}

/** 1 / rank of the first relevant result, 0 when none is returned. */
export function reciprocalRank(ranked: readonly string[], relevant: ReadonlySet<string>): number {
  const i = ranked.findIndex((id) => relevant.has(id));
  return i < 0 ? 0 : 1 / (i + 1);
}

/** nDCG@k with gain 1 per relevant result and log2(rank + 1) discount. */
export function ndcgAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) throw new Error('ndcgAt: a query needs at least one relevant memory.');
  const dcg = ranked.slice(0, k).reduce((sum, id, i) => sum + (relevant.has(id) ? 1 / Math.log2(i + 2) : 0), 0);
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return dcg / ideal;
}

/** For a query whose answer is the newer of two conflicting decisions: 1 if the newer ranks above the older (or the older is absent). */
export function newerFirst(ranked: readonly string[], newer: ReadonlySet<string>, older: ReadonlySet<string>): number {
  const n = ranked.findIndex((id) => newer.has(id));
  const o = ranked.findIndex((id) => older.has(id));
  if (n < 0) return 0;
  return o < 0 || n < o ? 1 : 0;
}
