#!/usr/bin/env node
// `npm run train:router`: trains the complexity classifier on data/router/train.jsonl and writes
// media/router/complexity-model.json. Never trained on: the held-out splits, nor the tuning splits
// (TUNING below: written independently, their rows join the threshold tuning and the calibration and
// are reported one by one). Deterministic: rerunning on the same data and code reproduces the committed
// file byte for byte (a unit test checks that).
//   node scripts/train-router.mjs [--check] [--dev-errors] [--stability] [--calibration per-split|splits|pooled|cv]
//   --check: fail if the committed model differs, write nothing
//   --dev-errors: also list the tuning rows (out-of-fold and tuning splits) routed costly-wrong
//   --stability: also tune with each dev fold left out in turn and print the thresholds (how steady the tuner is)
//   --calibration: calibrate on another basis than the shipped one, to compare (writes nothing)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const review = spawnSync(process.execPath, [path.join(root, 'scripts/review-router-data.mjs'), '--quiet'], { stdio: 'inherit' });
if (review.status !== 0) {
  console.error('[train:router] the data review failed (see above); fix the data first.');
  process.exit(1);
}
if (spawnSync('npx', ['tsc', '-p', 'tsconfig.test.json'], { cwd: root, stdio: 'inherit' }).status !== 0)
  console.error('[train:router] tsc reported errors; using what was emitted.');
const require = createRequire(import.meta.url);
const { readRouterRows } = require(path.join(root, 'out/src/core/routing/complexity/train/routerData.js'));
const { trainComplexityModel } = require(path.join(root, 'out/src/core/routing/complexity/train/trainComplexityModel.js'));

const { TUNING_SPLITS } = require(path.join(root, 'out/src/core/routing/complexity/train/routerData.js'));
const trainFile = path.join(root, 'data/router/train.jsonl');
// The independently written splits, predicted by the final fit and tuned on, never trained on.
const tuning = TUNING_SPLITS.map((name) => path.join(root, 'data/router', name))
  .filter((f) => fs.existsSync(f))
  .map((f) => ({ name: path.basename(f), rows: readRouterRows(f), text: fs.readFileSync(f, 'utf8') }));
const at = process.argv.indexOf('--calibration');
const calibration = at > 0 ? process.argv[at + 1] : undefined;
const started = Date.now();
const result = trainComplexityModel(readRouterRows(trainFile), fs.readFileSync(trainFile, 'utf8'), {
  stability: process.argv.includes('--stability'),
  tuning,
  calibration,
});
console.log(result.report.join('\n'));
if (process.argv.includes('--dev-errors')) console.log(['dev rows routed costly-wrong:', ...result.devErrors.map((e) => `  ${e}`)].join('\n'));
const out = path.join(root, 'media/router/complexity-model.json');
const same = fs.existsSync(out) && fs.readFileSync(out, 'utf8') === result.text;
if (calibration) {
  console.log(`[train:router] calibrated on ${calibration} to compare: nothing written.`);
  process.exit(0);
}
if (check) {
  console.log(same ? '[train:router] committed model matches data and script.' : '[train:router] committed model DIFFERS from what data and script produce.');
  process.exit(same ? 0 : 1);
}
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, result.text);
console.log(
  `[train:router] ${same ? 'unchanged' : 'wrote'} ${path.relative(root, out)} (${(result.text.length / 1024).toFixed(0)} KB) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
