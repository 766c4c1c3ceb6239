#!/usr/bin/env node
// `npm run train:prefs`: trains the preference classifier on data/preferences/train.jsonl only, picks its
// two thresholds by 5-fold cross-validation on that same training split, prints the figures, and writes
// src/core/memory/preferences/preferenceModel.json. Deterministic: rerunning reproduces the committed file
// byte for byte (test/unit/memory/preferences/preferenceModel.test.ts fails when they disagree).
// The held-out split is never read here; `npm run bench` reports it.
//   node scripts/train-prefs.mjs [--check]   (--check: exit 1 if the committed model differs, write nothing)
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as os from 'node:os';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(os.tmpdir(), `jarvis-train-prefs-${process.pid}.mjs`);
await esbuild.build({
  stdin: {
    contents: `
      export { parseCorpus } from './src/core/memory/preferences/preferenceCorpus';
      export { trainPreferenceClassifier, PREFERENCE_THRESHOLDS } from './src/core/memory/preferences/trainPreferenceClassifier';
      export { evaluatePreferenceExtraction } from './src/core/memory/preferences/evaluatePreferenceExtraction';
      export { TextClassifier } from './src/core/ml/TextClassifier';
    `,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: out,
  logLevel: 'warning',
});
const lib = await import(pathToFileURL(out).href);
fs.rmSync(out, { force: true });

const dataFile = path.join(root, 'data', 'preferences', 'train.jsonl');
const modelFile = path.join(root, 'src', 'core', 'memory', 'preferences', 'preferenceModel.json');
const text = fs.readFileSync(dataFile, 'utf8');
const rows = lib.parseCorpus(text, 'data/preferences/train.jsonl');
const dataSha256 = createHash('sha256').update(text).digest('hex');

// 5 folds, stratified: rows sorted by (label, id) and dealt round-robin.
const label = (r) => (r.preference ? r.category : 'none');
const sorted = [...rows].sort((a, b) => label(a).localeCompare(label(b)) || a.id.localeCompare(b.id));
const fold = new Map(sorted.map((r, i) => [r.id, i % 5]));
const pct = (v) => `${(v * 100).toFixed(1)}%`;

function crossValidate(thresholds) {
  const all = [];
  for (let k = 0; k < 5; k++) {
    const model = lib.trainPreferenceClassifier(
      rows.filter((r) => fold.get(r.id) !== k),
      { dataSha256 },
      { thresholds },
    );
    all.push(...rows.filter((r) => fold.get(r.id) === k).map((r) => ({ r, model })));
  }
  // Evaluate each row with the model that did not see it.
  const byModel = new Map();
  for (const { r, model } of all) byModel.set(model, [...(byModel.get(model) ?? []), r]);
  const parts = [...byModel].map(([model, rs]) => lib.evaluatePreferenceExtraction(rs, model));
  const sum = (f) => parts.reduce((s, p) => s + f(p), 0);
  const pos = sum((p) => p.all.positives);
  const neg = sum((p) => p.all.negatives);
  return {
    found: sum((p) => p.all.found * p.all.positives) / pos,
    rightCategory: sum((p) => p.all.rightCategory * p.all.positives) / pos,
    falseExtractions: sum((p) => p.all.falseExtractions * p.all.negatives) / neg,
  };
}

// Threshold grid, scored on cross-validation only: a false extraction costs twice a miss.
let best;
for (const threshold of [0.4, 0.45, 0.5, 0.55, 0.6, 0.65]) {
  for (const structuredThreshold of [0.2, 0.3, 0.4]) {
    const cv = crossValidate({ threshold, structuredThreshold });
    const score = cv.found + cv.rightCategory - 2 * cv.falseExtractions;
    if (!best || score > best.score + 1e-9) best = { score, cv, thresholds: { threshold, structuredThreshold } };
  }
}
const model = lib.trainPreferenceClassifier(rows, { dataSha256 }, { thresholds: best.thresholds });
const serialized = model.serialize();
const inSample = lib.evaluatePreferenceExtraction(rows, lib.TextClassifier.parse(serialized));

console.log(`training split: ${rows.length} rows (${rows.filter((r) => r.preference).length} preferences)`);
console.log(`thresholds (5-fold CV on train): threshold ${best.thresholds.threshold}, structured ${best.thresholds.structuredThreshold}`);
console.log(`5-fold CV on train: found ${pct(best.cv.found)}, right category ${pct(best.cv.rightCategory)}, false ${pct(best.cv.falseExtractions)}`);
console.log(
  `in-sample (train):  found ${pct(inSample.all.found)}, right category ${pct(inSample.all.rightCategory)}, false ${pct(inSample.all.falseExtractions)}`,
);

if (process.argv.includes('--check')) {
  const committed = fs.existsSync(modelFile) ? fs.readFileSync(modelFile, 'utf8') : '';
  if (committed !== serialized) {
    console.error('preferenceModel.json does not match data/preferences/train.jsonl and the training script: run npm run train:prefs.');
    process.exit(1);
  }
  console.log('preferenceModel.json is up to date.');
} else {
  fs.writeFileSync(modelFile, serialized);
  console.log(`wrote ${path.relative(root, modelFile)} (${(serialized.length / 1024).toFixed(0)} KB)`);
}
