#!/usr/bin/env node
// Fits the quality gate's weights on data/quality/train.jsonl (never the held-out split) and writes
// data/quality/weights.json. Deterministic: the same data gives the same file.
//   node scripts/tune-quality.mjs
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const step = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
step('npx', ['tsc', '-p', 'tsconfig.test.json']);
step(process.execPath, [path.join(root, 'out', 'bench', 'quality', 'tuneWeights.js')]);
