import type { JudgeVerdict } from './judgeAnswer';

/** How good an answer looks, 0 (useless) to 1 (no problem found), with the problems found. */
export interface QualityScore {
  score: number;
  /** Human-readable, one per problem; empty when nothing was wrong. */
  reasons: string[];
  /** The few words the reader sees when the answer is replaced: "repeats itself". */
  note?: string;
  /** The model judge's verdict, when the rules were unsure and a judge is configured. */
  judge?: JudgeVerdict;
}
