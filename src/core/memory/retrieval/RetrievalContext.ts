/** Narrows a retrieval (the seed's `RetrievalContext`). */
export interface RetrievalContext {
  project?: string;
  user?: string;
  /** [from, to] in epoch ms, on the memory's creation time, inclusive. */
  timeRange?: [number, number];
  /**
   * Minimum relevance (similarity × time decay) to return. The seed's 0.7 assumed OpenAI cosine
   * values; here similarity is the fused hybrid score and the offline embedder scores lower.
   * @default 0.2
   */
  relevanceThreshold?: number;
}

export const DEFAULT_RELEVANCE_THRESHOLD = 0.2;
