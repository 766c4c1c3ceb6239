/**
 * Fits the quality gate's rule weights on the TRAINING files only (data/quality/train.jsonl and
 * train-2.jsonl, each minus its dev quarter, see isDev), reports each dev quarter, and writes
 * data/quality/weights.json. Deterministic: fixed start, fixed rule order, fixed grid, ties broken
 * towards the smaller weight. No held-out file is read here.
 *
 * The threshold stays at 0.7 (the default of jarvis.routing.qualityThreshold): a score is
 * 1 − Σ weight × severity, so scaling every weight is the same as moving the threshold; fitting both
 * would fit one degree of freedom twice.
 *
 *   node scripts/tune-quality.mjs
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { QualityGate, type GateWeights } from '../../src/core/routing/quality/QualityGate';
import { EldLanguageIdentifier } from '../../src/core/routing/quality/EldLanguageIdentifier';
import { TreeSitterSyntax } from '../../src/core/routing/quality/TreeSitterSyntax';
import { KnownApis } from '../../src/core/routing/quality/KnownApis';
import { RULE_NAMES, type RuleName } from '../../src/core/routing/quality/QualityRule';
import {
  DATA_DIR,
  UNIT_WEIGHTS,
  pct,
  rates,
  severities,
  trainSplits,
  allTrainSplits,
  TRAINING_FILES,
  type QualityRecord,
  type Severities,
} from './qualityDataset';

const GRID = Array.from({ length: 25 }, (_, i) => i * 0.05); // 0 … 1.2
/** A wrongly escalated good answer costs money and time: it weighs as much as three missed bad ones. */
const GOOD_COST = 3;
const PASSES = 6;
/**
 * Rules the training split has no example for keep a fixed weight instead of being fitted to 0:
 * binary junk is bad input, not a model failure mode worth labelling, and is always escalated.
 */
const FIXED: Partial<Record<RuleName, number>> = { junk: 1 };

function objective(records: QualityRecord[], sev: Severities[], w: GateWeights): number {
  const r = rates(records, sev, w);
  // Margin term (tiny) prefers weights that push bad answers well below and good ones well above.
  let margin = 0;
  records.forEach((rec, i) => {
    const s = 1 - RULE_NAMES.reduce((sum, n) => sum + w.weights[n] * sev[i][n], 0);
    margin += rec.label === 'bad' ? Math.min(0.3, w.threshold - s) : Math.min(0.3, s - w.threshold);
  });
  return r.caught - GOOD_COST * r.escalated + 1e-3 * margin;
}

export async function tune(): Promise<GateWeights> {
  const { fit: records } = allTrainSplits();
  const gate = new QualityGate({
    weights: UNIT_WEIGHTS,
    syntax: new TreeSitterSyntax(),
    naturalLanguage: () => EldLanguageIdentifier.load(),
    knownApis: () => KnownApis.load(),
  });
  const sev = await severities(gate, records);
  const w: GateWeights = {
    threshold: 0.7,
    unsureMargin: 0.1,
    weights: Object.fromEntries(RULE_NAMES.map((n) => [n, FIXED[n] ?? 0.5])) as Record<RuleName, number>,
  };
  let best = objective(records, sev, w);
  for (let pass = 0; pass < PASSES; pass++) {
    let improved = false;
    for (const name of RULE_NAMES) {
      if (FIXED[name] !== undefined) continue;
      let bestValue = w.weights[name];
      for (const v of GRID) {
        const trial = { ...w, weights: { ...w.weights, [name]: v } };
        const o = objective(records, sev, trial);
        if (o > best + 1e-9 || (Math.abs(o - best) <= 1e-9 && v < bestValue)) {
          best = o;
          bestValue = v;
        }
      }
      if (bestValue !== w.weights[name]) improved = true;
      w.weights[name] = Math.round(bestValue * 100) / 100;
    }
    if (!improved) break;
  }
  const line = (name: string, recs: QualityRecord[], s: Severities[]) => {
    const r = rates(recs, s, w);
    console.log(
      `${name}: ${recs.length} records; bad caught ${r.caught}/${r.bad} (${pct(r.caught, r.bad)}), good escalated ${r.escalated}/${r.good} (${pct(r.escalated, r.good)})`,
    );
  };
  line('train + train-2 (fitted on)', records, sev);
  for (const file of TRAINING_FILES) {
    const { dev } = trainSplits(file);
    line(`${file} dev quarter (not fitted on)`, dev, await severities(gate, dev));
  }
  return w;
}

async function main(): Promise<void> {
  const w = await tune();
  const file = path.join(DATA_DIR, 'weights.json');
  fs.writeFileSync(
    file,
    `${JSON.stringify({ ...w, tunedOn: 'train.jsonl and train-2.jsonl without their dev quarters (ids divisible by 4)', goodCost: GOOD_COST, fixed: Object.keys(FIXED) }, null, 2)}\n`,
  );
  console.log(`wrote ${file}`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
