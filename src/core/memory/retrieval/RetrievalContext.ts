/** Narrows a retrieval (the seed's `RetrievalContext`). */
export interface RetrievalContext {
  project?: string;
  user?: string;
  /** [from, to] in epoch ms, on the memory's creation time, inclusive. */
  timeRange?: [number, number];
  /**
   * Minimum similarity (the store's fused hybrid score) a memory needs to be returned, applied before
   * the time weight: an old memory that answers the query is found, a recent one that does not is
   * not. The seed's 0.7 assumed OpenAI cosine values; the offline embedder scores lower.
   * @default 0.2
   */
  relevanceThreshold?: number;
}

export const DEFAULT_RELEVANCE_THRESHOLD = 0.2;
