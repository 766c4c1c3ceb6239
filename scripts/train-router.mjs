#!/usr/bin/env node
// `npm run train:router`: trains the complexity classifier on data/router/train.jsonl (never on
// heldout.jsonl or dev-2.jsonl; dev-2's rows join the threshold tuning) and writes media/router/complexity-model.json. Deterministic: rerunning on the same data
// and code reproduces the committed file byte for byte (a unit test checks that).
//   node scripts/train-router.mjs [--check] [--dev-errors] [--stability]
//   --check: fail if the committed model differs, write nothing
//   --dev-errors: also list the dev (out-of-fold) rows routed costly-wrong, the ones to write prompts for
//   --stability: also tune with each dev fold left out in turn and print the thresholds (how steady the tuner is)
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

const trainFile = path.join(root, 'data/router/train.jsonl');
// dev-2: the independently written dev set, predicted by the final fit and tuned on, never trained on.
const dev2File = path.join(root, 'data/router/dev-2.jsonl');
const dev2 = fs.existsSync(dev2File) ? { rows: readRouterRows(dev2File), text: fs.readFileSync(dev2File, 'utf8') } : undefined;
const started = Date.now();
const result = trainComplexityModel(readRouterRows(trainFile), fs.readFileSync(trainFile, 'utf8'), { stability: process.argv.includes('--stability'), dev2 });
console.log(result.report.join('\n'));
if (process.argv.includes('--dev-errors')) console.log(['dev rows routed costly-wrong:', ...result.devErrors.map((e) => `  ${e}`)].join('\n'));
const out = path.join(root, 'media/router/complexity-model.json');
const same = fs.existsSync(out) && fs.readFileSync(out, 'utf8') === result.text;
if (check) {
  console.log(same ? '[train:router] committed model matches data and script.' : '[train:router] committed model DIFFERS from what data and script produce.');
  process.exit(same ? 0 : 1);
}
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, result.text);
console.log(
  `[train:router] ${same ? 'unchanged' : 'wrote'} ${path.relative(root, out)} (${(result.text.length / 1024).toFixed(0)} KB) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
