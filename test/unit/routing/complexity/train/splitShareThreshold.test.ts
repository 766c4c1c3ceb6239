import * as assert from 'node:assert/strict';
import { oneSplit, splitShareGap, splitShareThreshold } from '../../../../../src/core/routing/complexity/train/splitShareThreshold';

// Three splits, each weighted to 1/3 of the mix. A and B are alike; C has a fifth of its requests tiered high (always
// cloud) and more of its mediums scored hard, so its local share stays below the others at every threshold.
// Columns: split, tier (0 = local, 2 = medium, 3 = high), P(≥ high), weight within the split.
const ROWS: Array<[number, number, number, number]> = [
  [0, 0, 0, 0.7],
  [0, 2, 0.3, 0.1],
  [0, 2, 0.5, 0.05],
  [0, 2, 0.6, 0.15],
  [1, 0, 0, 0.7],
  [1, 2, 0.3, 0.1],
  [1, 2, 0.5, 0.05],
  [1, 2, 0.6, 0.15],
  [2, 0, 0, 0.4],
  [2, 2, 0.3, 0.1],
  [2, 2, 0.5, 0.1],
  [2, 2, 0.6, 0.2],
  [2, 3, 0.9, 0.2],
];
const tiers = ROWS.map((r) => r[1]);
const pHigh = ROWS.map((r) => r[2]);
const weight = ROWS.map((r) => r[3] / 3);
const bySplit = { of: ROWS.map((r) => r[0]), count: 3 };

describe('splitShareThreshold: the medium steering calibrated per split', () => {
  it('on the mean share, the outlier split C drags the threshold up: more mediums local everywhere', () => {
    // Pooled: 0.4 → (0.8 + 0.8 + 0.5) / 3 = 0.70; 0.55 → (0.85 + 0.85 + 0.6) / 3 = 0.77 (closest to 0.8); 1.001 → 0.93.
    assert.equal(splitShareThreshold(tiers, pHigh, weight, oneSplit(ROWS.length), 0.8), 0.55);
  });

  it('per split, A and B land on the target and C counts by its distance', () => {
    // Gaps summed: 0.4 → 0 + 0 + 0.3; 0.55 → 0.05 + 0.05 + 0.2 (a tie: the lower threshold is kept); 1.001 → 0.2 + 0.2 + 0.
    const thr = splitShareThreshold(tiers, pHigh, weight, bySplit, 0.8);
    assert.equal(thr, 0.4);
    const local = (i: number) => tiers[i] <= 1 || (tiers[i] === 2 && pHigh[i] < thr);
    assert.ok(Math.abs(splitShareGap(local, weight, bySplit, 0.8) - 0.1) < 1e-9);
  });

  it('with one split the gap is the distance of the share from the target', () => {
    const all = (i: number) => tiers[i] <= 1;
    const share = weight.reduce((s, w, i) => s + (all(i) ? w : 0), 0);
    assert.ok(Math.abs(splitShareGap(all, weight, oneSplit(ROWS.length), 0.8) - Math.abs(share - 0.8)) < 1e-9);
  });

  it('keeps every medium local (1.001) when only that reaches the target, and none (0) when the easy rows alone pass it', () => {
    assert.equal(splitShareThreshold(tiers, pHigh, weight, bySplit, 1), 1.001);
    assert.equal(splitShareThreshold(tiers, pHigh, weight, bySplit, 0.3), 0);
  });
});
