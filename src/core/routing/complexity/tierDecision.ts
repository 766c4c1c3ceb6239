import type { UnrailedGuard } from './applyRails';
import { TaskComplexity } from './TaskComplexity';

/**
 * Turns class probabilities into a tier, ordinally: the tier is the highest k whose cumulative
 * probability P(tier ≥ k) reaches its threshold θk. Lower θ for "≥ high" than 0.5 is how the router
 * leans towards the cloud when unsure about a hard request; the thresholds are tuned on the validation
 * slice of the training data and stored in the model file.
 */
export interface TierThresholds {
  /** θ for P(≥ low), P(≥ medium), P(≥ high), P(= critical). */
  atLeast: [number, number, number, number];
  /**
   * When the model is at least this sure a request is trivial or low (P(≤ low)), a high-stakes word in it
   * sets no floor: "our checkout was down yesterday, it's fixed now; fix the typo in this message" is a
   * typo fix. Tuned on the dev folds like the rest; absent = the floor always applies.
   */
  stakesVeto?: number;
  /** See UnrailedGuard (applyRails): absent in model files from before session 12, and when the tuner finds no use for it. */
  guard?: UnrailedGuard;
}

export const DEFAULT_THRESHOLDS: TierThresholds = { atLeast: [0.5, 0.5, 0.5, 0.5] };

/** P(tier ≥ k) for k = low … critical. */
export function cumulative(p: ArrayLike<number>): [number, number, number, number] {
  const c5 = p[4];
  const c4 = c5 + p[3];
  const c3 = c4 + p[2];
  const c2 = c3 + p[1];
  return [c2, c3, c4, c5];
}

export function decideTier(p: ArrayLike<number>, t: TierThresholds, lift = 0): TaskComplexity {
  const c = cumulative(p);
  let tier: number = TaskComplexity.TRIVIAL;
  for (let k = 0; k < 4; k++) {
    // The per-workspace lift (learned from this user's re-asks) shifts the upper boundaries only.
    const v = k >= 1 ? Math.min(1, c[k] + lift) : c[k];
    if (v >= t.atLeast[k]) tier = k + 2;
  }
  return tier as TaskComplexity;
}

/**
 * Medium-tier steering: share of local answers wanted → the P(≥ high) above which a medium request goes
 * to the cloud. Points come from the model file (computed on a realistic traffic mix); between points
 * the threshold is interpolated linearly.
 */
export interface CalibrationPoint {
  localRatio: number;
  threshold: number;
}

export function mediumThreshold(points: readonly CalibrationPoint[], localRatio: number): number {
  if (points.length === 0) return 0.5;
  if (localRatio <= points[0].localRatio) return points[0].threshold;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (localRatio <= b.localRatio) {
      const f = (localRatio - a.localRatio) / (b.localRatio - a.localRatio || 1);
      return a.threshold + f * (b.threshold - a.threshold);
    }
  }
  return points[points.length - 1].threshold;
}
