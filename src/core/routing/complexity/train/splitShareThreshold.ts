/**
 * The splits a tuning row belongs to: `of[i]` is row i's split (0 … count − 1). Each split's rows carry weights
 * summing to 1 / count (mixWeights with groups), so a split's local share is count × its local rows' weight.
 */
export interface SplitGroups {
  of: ArrayLike<number>;
  count: number;
}

/** One split holding every row: the pooled figures (the share is the sum of the weights). */
export const oneSplit = (n: number): SplitGroups => ({ of: new Int32Array(n), count: 1 });

/**
 * Mean over splits of |split's local share − want|: the per-split objective of the calibration (session 21).
 * Why not the distance of the splits' mean share: with the mean, one split whose share lies far below the
 * others (heldout-17: 76.6% where the rest sat at 78–83%) moved the threshold for every request, and the
 * cross-validation rows then kept 33 hard requests local instead of 24. Per split, the threshold lands where
 * the middle split reaches the target and an outlier counts by its distance, not by dragging the mean.
 */
export function splitShareGap(local: (i: number) => boolean, weight: ArrayLike<number>, groups: SplitGroups, want: number): number {
  const share = new Float64Array(groups.count);
  for (let i = 0; i < weight.length; i++) if (local(i)) share[groups.of[i]] += weight[i] * groups.count;
  let gap = 0;
  for (const s of share) gap += Math.abs(s - want);
  return gap / groups.count;
}

/**
 * The medium-steering threshold (medium requests with P(≥ high) below it stay local) with the least
 * splitShareGap for `want`: the medium rows sorted once by P(≥ high), each one made local in turn, only its
 * split's term recomputed. Ties keep the lower threshold (fewer requests local). With oneSplit this is the
 * threshold whose share is closest to `want`.
 */
export function splitShareThreshold(tiers: ArrayLike<number>, pHigh: ArrayLike<number>, weight: ArrayLike<number>, groups: SplitGroups, want: number): number {
  const share = new Float64Array(groups.count);
  const medium: number[] = [];
  for (let i = 0; i < tiers.length; i++) {
    if (tiers[i] <= 1) share[groups.of[i]] += weight[i] * groups.count;
    else if (tiers[i] === 2) medium.push(i);
  }
  medium.sort((a, b) => pHigh[a] - pHigh[b] || a - b);
  let gap = 0;
  for (const s of share) gap += Math.abs(s - want);
  let best = 0;
  let bestGap = gap;
  for (let k = 0; k < medium.length; k++) {
    const i = medium[k];
    const g = groups.of[i];
    const before = share[g];
    share[g] += weight[i] * groups.count;
    gap += Math.abs(share[g] - want) - Math.abs(before - want);
    // A threshold just above this row's score keeps it (and every lower one) local.
    if (k + 1 < medium.length && pHigh[medium[k + 1]] === pHigh[i]) continue;
    if (gap < bestGap - 1e-12) {
      bestGap = gap;
      best = k + 1 < medium.length ? (pHigh[i] + pHigh[medium[k + 1]]) / 2 : 1.001;
    }
  }
  return best;
}
