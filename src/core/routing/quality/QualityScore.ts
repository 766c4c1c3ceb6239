/** How good an answer looks, 0 (useless) to 1 (no problem found), with the problems found. */
export interface QualityScore {
  score: number;
  /** Human-readable, one per problem; empty when nothing was wrong. */
  reasons: string[];
}
