#!/usr/bin/env node
// `npm run train:prefs`: trains the preference classifier on the training files of data/preferences only
// (train.jsonl, train-2.jsonl and train-3.jsonl: PREFERENCE_TRAINING_FILES), picks its two thresholds by 5-fold
// cross-validation on those rows, prints the figures (also per file), and writes
// src/core/memory/preferences/preferenceModel.json. Deterministic: rerunning reproduces the committed file
// byte for byte (test/unit/memory/preferences/preferenceModel.test.ts fails when they disagree).
// The held-out splits are never read here; `npm run bench` reports it.
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
      export { parseCorpus, PREFERENCE_TRAINING_FILES } from './src/core/memory/preferences/preferenceCorpus';
      export { crossValidatePreferences, withThresholds } from './src/core/memory/preferences/crossValidatePreferences';
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

const modelFile = path.join(root, 'src', 'core', 'memory', 'preferences', 'preferenceModel.json');
// Every training file, in order; the model records the sha-256 of their concatenation.
const texts = lib.PREFERENCE_TRAINING_FILES.map((f) => [f, fs.readFileSync(path.join(root, 'data', 'preferences', f), 'utf8')]);
const rows = texts.flatMap(([f, t]) => lib.parseCorpus(t, `data/preferences/${f}`).map((r) => ({ ...r, file: f })));
const dataSha256 = createHash('sha256')
  .update(texts.map(([, t]) => t).join(''))
  .digest('hex');
const pct = (v) => `${(v * 100).toFixed(1)}%`;

// 5 folds, stratified; the fold models are trained once and read with each pair of thresholds of the grid.
const oof = lib.crossValidatePreferences(rows, { dataSha256 }, lib.PREFERENCE_THRESHOLDS);
function crossValidate(thresholds, subset = oof) {
  const cache = new Map();
  const byRow = new Map(subset.map(({ row, model }) => [row, model]));
  const pick = (row) => {
    const m = byRow.get(row);
    if (!cache.has(m)) cache.set(m, lib.withThresholds(m, thresholds));
    return cache.get(m);
  };
  return lib.evaluatePreferenceExtraction(
    subset.map((o) => o.row),
    pick,
  ).all;
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
const inSample = lib.evaluatePreferenceExtraction(rows, lib.TextClassifier.parse(serialized)).all;
const line = (f) => `found ${pct(f.found)}, right category ${pct(f.rightCategory)}, false ${pct(f.falseExtractions)}`;

console.log(`training files: ${lib.PREFERENCE_TRAINING_FILES.join(' + ')}: ${rows.length} rows (${rows.filter((r) => r.preference).length} preferences)`);
console.log(`thresholds (5-fold CV): threshold ${best.thresholds.threshold}, structured ${best.thresholds.structuredThreshold}`);
console.log(`5-fold CV, all rows: ${line(best.cv)}`);
for (const [f] of texts)
  console.log(
    `5-fold CV, rows of ${f}: ${line(
      crossValidate(
        best.thresholds,
        oof.filter((o) => o.row.file === f),
      ),
    )}`,
  );
console.log(`in-sample:          ${line(inSample)}`);

if (process.argv.includes('--check')) {
  const committed = fs.existsSync(modelFile) ? fs.readFileSync(modelFile, 'utf8') : '';
  if (committed !== serialized) {
    console.error('preferenceModel.json does not match the training files and script: run npm run train:prefs.');
    process.exit(1);
  }
  console.log('preferenceModel.json is up to date.');
} else {
  fs.writeFileSync(modelFile, serialized);
  console.log(`wrote ${path.relative(root, modelFile)} (${(serialized.length / 1024).toFixed(0)} KB)`);
}
