import { applyRails } from '../applyRails';
import { complexitySignals } from '../complexityFeatures';
import { ASK_KINDS } from '../stakesRails';
import { ANALYSIS_FILES, ANALYSIS_LINES } from '../complexityRails';
import type { TierName } from '../TaskComplexity';
import { cumulative, type TierThresholds } from '../tierDecision';
import { tierIndex, type RouterRow } from './routerData';
import { oneSplit, splitShareThreshold, type SplitGroups } from './splitShareThreshold';

/**
 * What IDE chat traffic looks like (assumed, from the manual's 80/20 goal: most asks are lookups and
 * small tasks). Dev rows are weighted to this mix, and the medium steering is calibrated on it.
 */
export const TRAFFIC_MIX: Record<TierName, number> = { trivial: 0.2, low: 0.35, medium: 0.3, high: 0.1, critical: 0.05 };

export const DEFAULT_LOCAL_RATIO = 0.8;

/** Where a request ends up: 0 = a local model, 1 = medium tier in the cloud, 2 = high tier, 3 = critical tier. */
export type Placement = 0 | 1 | 2 | 3;

/**
 * Spend of one answer per placement, in gpt-4o answers (1,000 tokens in, 500 out at list price) on the
 * default routing table: local is free, medium in the cloud is gpt-4o-mini, high is gpt-4o, critical is
 * claude-opus-4-0 (placementCost.test.ts re-derives these from the price table and the routes). The
 * tuner that knew no prices moved P(=critical) from 0.55 to 0.30 on a one-row dev tie and doubled the
 * workload's bill: a critical placement costs seven high ones, so it has to be priced.
 */
export const PLACEMENT_COST: readonly number[] = [0, 0.06, 1, 7];

/**
 * What a wrong placement costs beyond its spend, per labelled tier (rows) and placement (columns), in
 * the same units. A hard request answered by the small model (30) is the mistake the router exists to
 * avoid; gpt-4o-mini on it (5 for high, 10 for critical) is not much better; gpt-4o on a critical one
 * (10) costs more than opus's extra spend (6), so critical requests stay on opus when they are likely
 * critical (P ≳ 0.6 on the mix) and no sooner. An easy request on a high/critical model is paid by its
 * spend plus 1 (its target is zero too). Medium requests are fine anywhere: the share decides them.
 */
export const MISPLACEMENT_COST: readonly (readonly number[])[] = [
  [0, 0, 1, 1],
  [0, 0, 1, 1],
  [0, 0, 0, 0],
  [30, 5, 0, 0],
  [30, 10, 10, 0],
];

// Per tier of distance between label and decision: only breaks ties between equally priced choices
// (trivial vs low picks phi3 vs llama3, which the prices do not tell apart).
const TIER_DISTANCE_COST = 0.05;
// Per unit of local share missed on the mix when the medium steering cannot reach the target (e.g. too
// many requests tiered high): 5 points cost as much as sending a tenth of all requests to gpt-4o.
const SHARE_GAP_COST = 2;

const GRID = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8];
// P(≥ medium) is searched up to 0.5 only: a request the model finds at least as likely medium-or-harder as
// not is never tiered trivial/low, where the medium steering by P(≥ high) cannot reach it. Why: low and
// medium are both local, so the loss hardly tells their thresholds apart; session 13's tuner drifted to
// 0.8 and then kept hard requests with P(≥ high) near the steering threshold local because they were "low".
export const MAX_AT_LEAST_MEDIUM = 0.5;
// P(≥ high) likewise up to 0.5 only (session 14): a request the model finds at least as likely high-or-harder as
// not is never tiered medium, where the steering threshold (calibrated to the share, 0.52–0.59 in session 14)
// kept such requests local. Session 14's tuner, left free, moved it from 0.4 to 0.75 on 101 new rows: 47 hard
// requests local over the cross-validation rows and tuning splits instead of 34.
export const MAX_AT_LEAST_HIGH = 0.5;
const VETO_GRID: Array<number | undefined> = [undefined, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98];
// The unrailed guard's levels (undefined = off); searched after the thresholds and the veto, from off.
const GUARD_GRID: Array<number | undefined> = [undefined, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.98];
// Several starts: coordinate descent from one point stops at the first local optimum it meets.
const STARTS: ReadonlyArray<[number, number, number, number]> = [
  [0.5, 0.5, 0.5, 0.5],
  [0.35, 0.35, 0.35, 0.35],
  [0.65, 0.65, 0.65, 0.65],
  [0.5, 0.5, 0.35, 0.65],
];
// The smoothed score: the loss averaged over thresholds jittered by up to ± JITTER (the same fixed,
// seeded offsets for every candidate), so a threshold is chosen for the loss around it, not for
// where one or two dev rows happen to sit.
const JITTER = 0.05;
const JITTER_SAMPLES = 16;

/** A dev set prepared once: each row's railed tier for every model tier, with and without the veto. */
export interface TuningSet {
  n: number;
  labels: Int8Array;
  weight: Float64Array;
  /** P(≥ low), P(≥ medium), P(≥ high), P(= critical), four per row. */
  cum: Float64Array;
  pLow: Float64Array;
  pHigh: Float64Array;
  /** railed[i × 10 + tier × 2 + vetoed]: the tier (0–4) the rails make of a model tier. */
  railed: Int8Array;
  /** Per row: 1 = a stakes floor holds without the veto, 2 = one the veto cannot overrule (security hole, hard reasoning). */
  floor: Int8Array;
  /** The split of each row: the share is steered and its gap counted per split (splitShareThreshold). */
  groups: SplitGroups;
}

/**
 * Each row's weight in the traffic mix: its tier's share, split over the rows of that tier. With
 * `groups` (a split index per row), each split is weighted to the mix on its own and the splits count
 * equally, so a large split does not decide the figure by its row count alone.
 */
export function mixWeights(rows: readonly RouterRow[], groups?: readonly number[]): number[] {
  const g = (i: number): number => groups?.[i] ?? 0;
  const counts = new Map<string, number>();
  rows.forEach((r, i) => counts.set(`${g(i)}|${r.tier}`, (counts.get(`${g(i)}|${r.tier}`) ?? 0) + 1));
  const splits = new Set(rows.map((_, i) => g(i))).size || 1;
  return rows.map((r, i) => TRAFFIC_MIX[r.tier] / (counts.get(`${g(i)}|${r.tier}`) ?? 1) / splits);
}

/**
 * @param weights each row's weight in the traffic mix (default: mixWeights(rows), one split).
 * @param groups each row's split, when `weights` weigh each split to the mix on its own (default: one split).
 */
export function tuningSet(
  rows: readonly RouterRow[],
  probs: readonly ArrayLike<number>[],
  weights: readonly number[] = mixWeights(rows),
  groups: SplitGroups = oneSplit(rows.length),
): TuningSet {
  const n = rows.length;
  const set: TuningSet = {
    n,
    labels: Int8Array.from(rows, tierIndex),
    weight: Float64Array.from(weights),
    cum: new Float64Array(4 * n),
    pLow: new Float64Array(n),
    pHigh: new Float64Array(n),
    railed: new Int8Array(10 * n),
    floor: new Int8Array(n),
    groups,
  };
  const rails = { closeReading: true, analysisLines: ANALYSIS_LINES, analysisFiles: ANALYSIS_FILES };
  rows.forEach((r, i) => {
    const p = probs[i];
    set.cum.set(cumulative(p), 4 * i);
    set.pLow[i] = p[0] + p[1];
    set.pHigh[i] = p[3] + p[4];
    const s = complexitySignals(r.prompt, undefined, r.fileCount, r.codeLines);
    // What applyRails calls a floor: stakes found, not a plain fact (and, for 1, not vetoed).
    if (s.stakes.length > 0 && !s.plainFact) set.floor[i] = s.stakes.some((m) => ASK_KINDS.has(m.kind)) ? 2 : 1;
    for (let t = 0; t < 5; t++) {
      // Vetoed: the veto's condition on P(≤ low) holds (threshold = pLow); not vetoed: no veto at all.
      set.railed[10 * i + 2 * t] = applyRails(t + 1, s, rails).level - 1;
      set.railed[10 * i + 2 * t + 1] = applyRails(t + 1, s, { ...rails, veto: { pLow: set.pLow[i], threshold: set.pLow[i] } }).level - 1;
    }
  });
  return set;
}

/** Tiers (0–4) after thresholds and rails, as railedTier decides them, for the whole set at once. */
export function railedTiers(set: TuningSet, t: TierThresholds, out = new Int8Array(set.n)): Int8Array {
  const [a, b, c, d] = t.atLeast;
  const veto = t.stakesVeto;
  const gc = t.guard?.critical;
  const gh = t.guard?.high;
  for (let i = 0; i < set.n; i++) {
    // decideTier: the highest k whose cumulative probability reaches its threshold.
    const k = 4 * i;
    let tier = 0;
    if (set.cum[k] >= a) tier = 1;
    if (set.cum[k + 1] >= b) tier = 2;
    if (set.cum[k + 2] >= c) tier = 3;
    if (set.cum[k + 3] >= d) tier = 4;
    const vetoed = veto !== undefined && set.pLow[i] >= veto ? 1 : 0;
    // The unrailed guard (applyRails) acts on the model's tier when no floor holds, before every rail.
    if (tier >= 3 && (set.floor[i] === 0 || (set.floor[i] === 1 && vetoed === 1))) {
      if (tier === 4 && gc !== undefined && set.cum[k + 3] < gc) tier = 3;
      if (gh !== undefined && set.cum[k + 2] < gh) tier = 2;
    }
    out[i] = set.railed[10 * i + 2 * tier + vetoed];
  }
  return out;
}

export const placementOf = (tier: number, pHigh: number, mediumThreshold: number): Placement =>
  tier <= 1 ? 0 : tier === 2 ? (pHigh < mediumThreshold ? 0 : 1) : tier === 3 ? 2 : 3;

export interface RoutingCost {
  /** The tuner's loss per request on the mix: spend + misplacement + tie-break + share gap. */
  loss: number;
  /** Spend per request on the mix, in gpt-4o answers. */
  spend: number;
  /** Share of the mix placed on the critical tier. */
  critical: number;
  localShare: number;
  mediumThreshold: number;
}

/** What a set of thresholds costs on the dev set, with medium steering set for `localRatio`. */
export function routingCost(set: TuningSet, t: TierThresholds, localRatio = DEFAULT_LOCAL_RATIO, tiers = new Int8Array(set.n)): RoutingCost {
  railedTiers(set, t, tiers);
  const thr = splitShareThreshold(tiers, set.pHigh, set.weight, set.groups, localRatio);
  const shares = new Float64Array(set.groups.count);
  let loss = 0;
  let spend = 0;
  let critical = 0;
  let local = 0;
  for (let i = 0; i < set.n; i++) {
    const w = set.weight[i];
    const y = set.labels[i];
    const z = placementOf(tiers[i], set.pHigh[i], thr);
    spend += w * PLACEMENT_COST[z];
    loss += w * (PLACEMENT_COST[z] + MISPLACEMENT_COST[y][z] + TIER_DISTANCE_COST * Math.abs(y - tiers[i]));
    if (z === 3) critical += w;
    if (z === 0) {
      local += w;
      shares[set.groups.of[i]] += w * set.groups.count;
    }
  }
  // Per split (one split: the pooled share): see splitShareGap.
  let gap = 0;
  for (const share of shares) gap += Math.abs(share - localRatio);
  loss += (SHARE_GAP_COST * gap) / set.groups.count;
  return { loss, spend, critical, localShare: local, mediumThreshold: thr };
}

/** Fixed offsets for the smoothed score (xorshift32 from a constant seed: the same on every run). */
function jitters(): Float64Array[] {
  let x = 0x2545f491;
  const next = (): number => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
  return Array.from({ length: JITTER_SAMPLES }, () => Float64Array.from({ length: 5 }, () => (2 * next() - 1) * JITTER));
}

/**
 * Tier thresholds, the stakes veto and the unrailed guard that minimise the smoothed routing cost on the dev rows (out-of-fold
 * predictions), by coordinate descent over a grid from several starts; the lowest end point wins (the
 * earlier start on a tie). Deterministic. Dev rows only: held-out data is never an input here.
 */
export function tuneThresholds(set: TuningSet, localRatio = DEFAULT_LOCAL_RATIO): TierThresholds {
  const offsets = jitters();
  const scratch = new Int8Array(set.n);
  const jittered: TierThresholds = { atLeast: [0, 0, 0, 0] };
  const score = (t: TierThresholds): number => {
    let sum = 0;
    for (const o of offsets) {
      for (let k = 0; k < 4; k++) jittered.atLeast[k] = t.atLeast[k] + o[k];
      jittered.stakesVeto = t.stakesVeto === undefined ? undefined : Math.min(1, t.stakesVeto + o[4]);
      // The guard reuses the offsets of P(≥low) and P(≥medium), so the offsets of the rest stay what they were.
      const g = t.guard;
      jittered.guard = g && {
        critical: g.critical === undefined ? undefined : Math.min(1, g.critical + o[0]),
        high: g.high === undefined ? undefined : Math.min(1, g.high + o[1]),
      };
      sum += routingCost(set, jittered, localRatio, scratch).loss;
    }
    return sum / offsets.length;
  };
  let best: TierThresholds | undefined;
  let bestScore = Infinity;
  for (const start of STARTS) {
    const t: TierThresholds = {
      atLeast: [start[0], Math.min(start[1], MAX_AT_LEAST_MEDIUM), Math.min(start[2], MAX_AT_LEAST_HIGH), start[3]],
      stakesVeto: undefined,
    };
    let current = score(t);
    for (let pass = 0, moved = true; moved && pass < 8; pass++) {
      moved = false;
      // Each coordinate moves to its best grid value, and only when that beats where it is.
      for (let k = 0; k < 4; k++) {
        let bestG = t.atLeast[k];
        for (const g of GRID) {
          if (k === 1 && g > MAX_AT_LEAST_MEDIUM) continue;
          if (k === 2 && g > MAX_AT_LEAST_HIGH) continue;
          t.atLeast[k] = g;
          const s = score(t);
          if (s < current - 1e-12) {
            current = s;
            bestG = g;
            moved = true;
          }
        }
        t.atLeast[k] = bestG;
      }
      let bestV = t.stakesVeto;
      for (const v of VETO_GRID) {
        t.stakesVeto = v;
        const s = score(t);
        if (s < current - 1e-12) {
          current = s;
          bestV = v;
          moved = true;
        }
      }
      t.stakesVeto = bestV;
      for (const key of ['critical', 'high'] as const) {
        let bestU = t.guard?.[key];
        for (const u of GUARD_GRID) {
          t.guard = { ...t.guard, [key]: u };
          const s = score(t);
          if (s < current - 1e-12) {
            current = s;
            bestU = u;
            moved = true;
          }
        }
        t.guard = { ...t.guard, [key]: bestU };
      }
    }
    if (current < bestScore - 1e-12) {
      bestScore = current;
      const guard = t.guard?.critical === undefined && t.guard?.high === undefined ? undefined : { ...t.guard };
      best = { atLeast: [...t.atLeast], stakesVeto: t.stakesVeto, ...(guard ? { guard } : {}) };
    }
  }
  return best ?? { atLeast: [0.5, 0.5, 0.5, 0.5] };
}
