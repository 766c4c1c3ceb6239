#!/usr/bin/env node
// `npm run bench`: compiles if needed, then runs every out/bench/*.bench.js in sequence. Benches print
// markdown figures; nothing here passes or fails on time. Exits non-zero only if a bench crashed.
//   node scripts/bench.mjs [name-filter]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchSrc = path.join(repoRoot, 'bench');
const benchOut = path.join(repoRoot, 'out', 'bench');
const filter = process.argv[2];

function newest(dir, suffix) {
  if (!fs.existsSync(dir)) return 0;
  return Math.max(
    0,
    ...fs
      .readdirSync(dir, { recursive: true })
      .filter((f) => f.endsWith(suffix))
      .map((f) => fs.statSync(path.join(dir, f)).mtimeMs),
  );
}

function run(cmd, args) {
  console.error(`[bench] $ ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit' }).status;
}

const compiled = newest(benchOut, '.bench.js');
// The benches import src/ through out/: a source edit after the last compile must recompile, or the figures
// describe code that is no longer there (seen once: a blind split measured on the previous round's rules).
const srcNewest = newest(path.join(repoRoot, 'src'), '.ts');
const sources = Math.max(newest(benchSrc, '.ts'), newest(path.join(repoRoot, 'test', 'harness'), '.ts'), srcNewest);
if (compiled === 0 || sources > compiled) {
  // tsc emits even when some file has a type error; the benches that compiled still run.
  if (run('npx', ['tsc', '-p', 'tsconfig.test.json']) !== 0) console.error('[bench] tsc reported errors (see above); running what was emitted.');
}
const bundle = path.join(repoRoot, 'dist', 'extension.js');
const bundleStale = !fs.existsSync(bundle) || srcNewest > fs.statSync(bundle).mtimeMs;
if (bundleStale && run('npm', ['run', 'build']) !== 0) {
  console.error('[bench] npm run build failed.');
  process.exit(1);
}

const benches = fs.existsSync(benchOut)
  ? fs
      .readdirSync(benchOut)
      .filter((f) => f.endsWith('.bench.js') && (!filter || f.includes(filter)))
      .sort()
  : [];
if (benches.length === 0) {
  console.error(`[bench] no out/bench/*.bench.js${filter ? ` matching "${filter}"` : ''}.`);
  process.exit(1);
}
const crashed = [];
for (const b of benches) {
  console.log(`\n# ${b.replace(/\.bench\.js$/, '')}`);
  const started = Date.now();
  const status = run(process.execPath, ['--enable-source-maps', path.join(benchOut, b)]);
  console.error(`[bench] ${b}: ${((Date.now() - started) / 1000).toFixed(1)} s${status === 0 ? '' : ` (exit ${status})`}`);
  if (status !== 0) crashed.push(b);
}
if (crashed.length > 0) {
  console.error(`[bench] crashed: ${crashed.join(', ')}`);
  process.exit(1);
}
