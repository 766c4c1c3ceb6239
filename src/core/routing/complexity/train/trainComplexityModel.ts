import { createHash } from 'node:crypto';
import { HashingFeaturizer, clipText } from '../../../ml/HashingFeaturizer';
import type { SparseVector } from '../../../ml/SparseVector';
import { TextClassifier } from '../../../ml/TextClassifier';
import type { SoftmaxModel } from '../../../ml/SoftmaxModel';
import { trainSoftmax, type TrainSoftmaxOptions } from '../../../ml/trainSoftmax';
import { applyRails } from '../applyRails';
import type { ComplexityModelMeta } from '../ComplexityClassifier';
import { FEATURIZER, complexitySignals, numericFeatures } from '../complexityFeatures';
import { ANALYSIS_FILES, ANALYSIS_LINES } from '../complexityRails';
import { TIER_NAMES } from '../TaskComplexity';
import { decideTier, mediumThreshold, type CalibrationPoint, type TierThresholds } from '../tierDecision';
import { DEV_FOLDS, devFold, tierIndex, type RouterRow } from './routerData';
import { formatConfusion, formatMetrics, tierMetrics, type TierMetrics } from './tierMetrics';
import { oneSplit, splitShareGap, type SplitGroups } from './splitShareThreshold';
import { TRAFFIC_MIX, mixWeights, routingCost, tuneThresholds, tuningSet } from './tuneThresholds';

/** Hyper-parameters, chosen on the dev folds of the training split (never on held-out). */
// l2 1e-5 (was 1e-6) since session 12: on the cross-validation rows + dev-2 it gave 14 costly placements where 1e-6 gave
// 21 (a short "sql over customers and orders" ask had P(critical) 0.99: single words weighed too much).
export const TRAINING: Omit<TrainSoftmaxOptions, 'classes' | 'dims'> = { epochs: 25, learningRate: 0.3, l2: 1e-5, seed: 11, classWeights: 'balanced' };

export { TRAFFIC_MIX } from './tuneThresholds';

export interface TrainResult {
  /** The model file's text, byte-stable. */
  text: string;
  validation: TierMetrics;
  report: string[];
  /**
   * The dev rows the routing gets costly-wrong (labelled high/critical and placed local, labelled
   * trivial/low and tiered high/critical), out-of-fold: what to write new training prompts for. Dev rows
   * only; held-out data is never an input here.
   */
  devErrors: string[];
}

function vectorize(featurizer: HashingFeaturizer, r: RouterRow): SparseVector {
  const s = complexitySignals(r.prompt, undefined, r.fileCount, r.codeLines);
  // What the shipped classifier featurizes: the start and end of the rails' folded window (or of its scoped ask).
  return featurizer.featurizeFolded(clipText(s.modelText, featurizer.options.maxChars), numericFeatures(s, ANALYSIS_LINES, ANALYSIS_FILES));
}

/** Tier after thresholds and rails, as the shipped classifier decides it (minus per-workspace lift). */
export function railedTier(r: RouterRow, p: ArrayLike<number>, t: TierThresholds): number {
  const s = complexitySignals(r.prompt, undefined, r.fileCount, r.codeLines);
  const veto = t.stakesVeto === undefined ? undefined : { pLow: p[0] + p[1], threshold: t.stakesVeto };
  const guard = t.guard && { pHigh: p[3] + p[4], pCritical: p[4], ...t.guard };
  return applyRails(decideTier(p, t), s, { closeReading: true, analysisLines: ANALYSIS_LINES, analysisFiles: ANALYSIS_FILES, veto, guard }).level - 1;
}

/** Local or cloud, as the hybrid strategy places it: medium by P(≥ high) against the calibrated threshold. */
export function placeLocal(tier: number, p: ArrayLike<number>, threshold: number): boolean {
  if (tier <= 1) return true;
  if (tier >= 3) return false;
  return p[3] + p[4] < threshold;
}

/**
 * For each wanted local share, the medium-steering threshold that reaches it on the traffic mix (rows weighted by
 * `weight`), per split when `groups` has several (splitShareGap); one split: the share of all rows.
 */
function calibrate(
  rows: readonly RouterRow[],
  probs: readonly Float64Array[],
  t: TierThresholds,
  weight: readonly number[],
  groups: SplitGroups = oneSplit(rows.length),
): CalibrationPoint[] {
  const tiers = rows.map((r, i) => railedTier(r, probs[i], t));
  const candidates = [0, ...new Set(probs.map((p) => Math.round((p[3] + p[4]) * 1000) / 1000))].sort((a, b) => a - b);
  candidates.push(1.001);
  const points: CalibrationPoint[] = [];
  for (let r = 0; r <= 20; r++) {
    const want = r / 20;
    let best = candidates[0];
    let bestGap = Infinity;
    for (const c of candidates) {
      const gap = splitShareGap((i) => placeLocal(tiers[i], probs[i], c), weight, groups, want);
      if (gap < bestGap - 1e-12) {
        bestGap = gap;
        best = c;
      }
    }
    points.push({ localRatio: want, threshold: best });
  }
  return points;
}

/** The dev split's out-of-fold predictions, and what the final fit needs. */
export interface DevPredictions {
  vectors: SparseVector[];
  fit: (idx: readonly number[]) => SoftmaxModel;
  featurizer: HashingFeaturizer;
  devRows: RouterRow[];
  devProbs: Float64Array[];
  /** Each dev row's fold. */
  devFolds: number[];
}

/**
 * Each fold of the hand-written rows predicted by a model fit without it (templates always fit): the
 * only predictions thresholds, veto and calibration are tuned on.
 */
export function devPredictions(train: readonly RouterRow[]): DevPredictions {
  const featurizer = new HashingFeaturizer(FEATURIZER);
  const vectors = train.map((r) => vectorize(featurizer, r));
  const fit = (idx: readonly number[]): SoftmaxModel =>
    trainSoftmax(
      idx.map((i) => ({ x: vectors[i], y: tierIndex(train[i]) })),
      { ...TRAINING, classes: 5, dims: featurizer.dims },
    );
  const folds = train.map(devFold);
  const devRows: RouterRow[] = [];
  const devProbs: Float64Array[] = [];
  const devFolds: number[] = [];
  for (let k = 0; k < DEV_FOLDS; k++) {
    const probe = fit(train.map((_, i) => i).filter((i) => folds[i] !== k));
    for (let i = 0; i < train.length; i++) {
      if (folds[i] !== k) continue;
      devRows.push(train[i]);
      devProbs.push(probe.predictProba(vectors[i]));
      devFolds.push(k);
    }
  }
  return { vectors, fit, featurizer, devRows, devProbs, devFolds };
}

/**
 * How steady the tuner is: the thresholds it picks with each dev fold left out (three quarters of the
 * dev rows each). A tuner that one or two rows can swing gives four different answers here.
 */
export function tunerStability(d: DevPredictions): string[] {
  return Array.from({ length: DEV_FOLDS }, (_, k) => {
    const keep = d.devRows.map((_, i) => i).filter((i) => d.devFolds[i] !== k);
    const t = tuneThresholds(
      tuningSet(
        keep.map((i) => d.devRows[i]),
        keep.map((i) => d.devProbs[i]),
      ),
    );
    return `  without dev fold ${k}: P(≥low,≥medium,≥high,=critical) ${t.atLeast.join(', ')}; veto ${t.stakesVeto ?? 'off'}`;
  });
}

/** An independently written split whose rows join the tuning (never trained on): dev-2, heldout-2, dev-3. */
export interface TuningSplit {
  /** File name under data/router, e.g. `dev-2.jsonl`. */
  name: string;
  rows: readonly RouterRow[];
  text: string;
}

/**
 * Where the medium steering is calibrated: `per-split` (since session 21) weights each split (the
 * cross-validation rows and every tuning split) to the traffic mix on its own and puts the threshold (and
 * the tuner's share term) where the splits' distances from the target add up least (splitShareGap);
 * `splits` weights them so too but aims the splits' mean share at the target (one split far off moves
 * it); `pooled` weights all rows together (the cross-validation rows then decide it by their number);
 * `cv` uses the cross-validation rows alone.
 */
export type CalibrationBasis = 'per-split' | 'splits' | 'pooled' | 'cv';
export const CALIBRATION_BASIS: CalibrationBasis = 'per-split';

/**
 * The whole training run, deterministic. Development figures come from cross-validation on the training
 * split only: each fold of the hand-written rows is predicted by a model fit without it (templates always
 * fit), the tier thresholds and the local-share calibration are tuned on those out-of-fold predictions
 * and on the tuning splits' predictions by the final fit, which is refit on the whole training split with
 * the same settings. Tuning splits are never trained on; the primary held-out is not an input.
 */
export function trainComplexityModel(
  train: readonly RouterRow[],
  trainFileText: string,
  options: { stability?: boolean; tuning?: readonly TuningSplit[]; calibration?: CalibrationBasis } = {},
): TrainResult {
  const d = devPredictions(train);
  const { vectors, fit, featurizer, devRows, devProbs } = d;
  const model = fit(train.map((_, i) => i));
  const splits = options.tuning ?? [];
  const splitProbs = splits.map((sp) => sp.rows.map((r) => model.predictProba(vectorize(featurizer, r))));
  const tuneRows = [...devRows, ...splits.flatMap((sp) => sp.rows)];
  const tuneProbs = [...devProbs, ...splitProbs.flat()];
  const groups = [...devRows.map(() => 0), ...splits.flatMap((sp, k) => sp.rows.map(() => k + 1))];
  const basis = options.calibration ?? CALIBRATION_BASIS;
  const weights = basis === 'splits' || basis === 'per-split' ? mixWeights(tuneRows, groups) : mixWeights(tuneRows);
  const perSplit: SplitGroups = basis === 'per-split' ? { of: groups, count: splits.length + 1 } : oneSplit(tuneRows.length);
  const devSet = tuningSet(tuneRows, tuneProbs, weights, perSplit);
  const thresholds = tuneThresholds(devSet);
  const cvOnly = splits.length > 0 ? tuneThresholds(tuningSet(devRows, devProbs)) : thresholds;
  const devCost = routingCost(devSet, thresholds);
  const points = basis === 'cv' ? calibrate(devRows, devProbs, thresholds, mixWeights(devRows)) : calibrate(tuneRows, tuneProbs, thresholds, weights, perSplit);
  const thr80 = mediumThreshold(points, 0.8);
  const decide = (rows: readonly RouterRow[], probs: readonly Float64Array[], t: TierThresholds, thr: number) => {
    const tiers = rows.map((r, i) => railedTier(r, probs[i], t));
    return { tiers, local: tiers.map((tier, i) => placeLocal(tier, probs[i], thr)) };
  };
  const judge = (rows: readonly RouterRow[], probs: readonly Float64Array[], t = thresholds, thr = thr80): TierMetrics => {
    const { tiers, local } = decide(rows, probs, t, thr);
    return tierMetrics(rows.map(tierIndex), tiers, local);
  };
  /** Local share on the traffic mix (the split's rows weighted by tier). */
  const share = (rows: readonly RouterRow[], probs: readonly Float64Array[], t = thresholds, thr = thr80): number => {
    const w = mixWeights(rows);
    return decide(rows, probs, t, thr).local.reduce((sum, l, i) => sum + (l ? w[i] : 0), 0);
  };
  const dev = judge(devRows, devProbs);
  const cvOnlyThr = mediumThreshold(calibrate(devRows, devProbs, cvOnly, mixWeights(devRows)), 0.8);
  const devErrors = tuneRows.flatMap((r, i) => {
    const p = tuneProbs[i];
    const tier = railedTier(r, p, thresholds);
    const label = tierIndex(r);
    const local = placeLocal(tier, p, thr80);
    if (!((label >= 3 && local) || (label <= 1 && tier >= 3))) return [];
    const probs = Array.from(p, (v) => v.toFixed(2)).join(' ');
    return [
      `${r.id} ${r.tier} → ${TIER_NAMES[tier]}${local ? ' (local)' : ''} [${probs}] ${JSON.stringify(r.prompt)} (${r.codeLines} lines, ${r.fileCount} files)`,
    ];
  });

  const trainFigures = judge(
    train,
    vectors.map((v) => model.predictProba(v)),
  );
  const figures = (m: TierMetrics, localShare: number) => ({
    rows: m.n,
    exact: round(m.exact),
    within1: round(m.within1),
    spearman: round(m.spearman),
    highLocal: m.highLocal,
    lowToHigh: m.lowToHigh,
    localShare: round(localShare),
  });
  const meta: ComplexityModelMeta = {
    thresholds,
    calibration: { mix: TRAFFIC_MIX, points, basis },
    analysisLines: ANALYSIS_LINES,
    analysisFiles: ANALYSIS_FILES,
    trainedOn: { rows: train.length, sha256: createHash('sha256').update(trainFileText).digest('hex') },
    ...(splits.length > 0
      ? { tunedOn: splits.map((sp) => ({ file: sp.name, rows: sp.rows.length, sha256: createHash('sha256').update(sp.text).digest('hex') })) }
      : {}),
    validation: {
      method: `${DEV_FOLDS}-fold cross-validation over the hand-written training rows`,
      ...figures(dev, share(devRows, devProbs)),
      ...(splits.length > 0
        ? { tuning: Object.fromEntries(splits.map((sp, k) => [sp.name, figures(judge(sp.rows, splitProbs[k]), share(sp.rows, splitProbs[k]))])) }
        : {}),
    },
  };
  const text = new TextClassifier([...TIER_NAMES], featurizer, model, meta).serialize();
  const perLanguage = (name: string, rows: readonly RouterRow[], probs: readonly Float64Array[]): string[] =>
    (['en', 'de', 'es', 'fr'] as const).flatMap((lang) => {
      const keep = rows.map((r, i) => (r.lang === lang ? i : -1)).filter((i) => i >= 0);
      return formatMetrics(
        `  ${name}, ${lang}`,
        judge(
          keep.map((i) => rows[i]),
          keep.map((i) => probs[i]),
        ),
      );
    });
  const report = [
    `trained on ${train.length} rows; dev = ${DEV_FOLDS}-fold cross-validation over the ${devRows.length} hand-written rows (templates always fit), then refit on all; tuned on those + ${splits.map((sp) => `${sp.name} (${sp.rows.length})`).join(', ') || 'nothing else'}`,
    `thresholds P(≥low,≥medium,≥high,=critical): ${thresholds.atLeast.join(', ')}; stakes veto at P(≤low) ${thresholds.stakesVeto ?? 'off'}; unrailed guard P(=critical) ${thresholds.guard?.critical ?? 'off'}, P(≥high) ${thresholds.guard?.high ?? 'off'}; medium→cloud above P(≥high) ${thr80.toFixed(3)} at localRatio 0.8 (calibrated on: ${basis})`,
    ...formatMetrics('train (refit model on its own training rows)', trainFigures),
    ...formatMetrics('dev (out-of-fold)', dev),
    `  dev local share on the traffic mix at localRatio 0.8: ${(share(devRows, devProbs) * 100).toFixed(1)}%`,
    `  tuning rows on the traffic mix: spend ${devCost.spend.toFixed(3)} gpt-4o answers per request, ${(devCost.critical * 100).toFixed(1)}% placed critical (labelled critical: ${(TRAFFIC_MIX.critical * 100).toFixed(0)}%), tuner loss ${devCost.loss.toFixed(4)}`,
    ...perLanguage('dev', devRows, devProbs),
    ...formatConfusion(dev),
    ...splits.flatMap((sp, k) => [
      ...formatMetrics(`${sp.name} (independent, predicted by the final fit; its rows join the tuning)`, judge(sp.rows, splitProbs[k])),
      `  ${sp.name} local share on the traffic mix at localRatio 0.8: ${(share(sp.rows, splitProbs[k]) * 100).toFixed(1)}%`,
      ...formatMetrics(`  ${sp.name} with thresholds and calibration from the cross-validation rows alone`, judge(sp.rows, splitProbs[k], cvOnly, cvOnlyThr)),
      ...perLanguage(sp.name, sp.rows, splitProbs[k]),
      ...formatConfusion(judge(sp.rows, splitProbs[k])),
    ]),
    ...(options.stability ? ['tuner stability (dev folds left out in turn):', ...tunerStability(d)] : []),
  ];
  return { text, validation: dev, report, devErrors };
}

const round = (v: number): number => Math.round(v * 1e4) / 1e4;
