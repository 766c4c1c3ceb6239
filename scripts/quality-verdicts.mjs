#!/usr/bin/env node
// The quality gate's verdict-identity check, for speed work that must not change a verdict (issue 17):
//   node scripts/quality-verdicts.mjs --out before.json --src <old checkout>/src   (e.g. a `git worktree` of main)
//   node scripts/quality-verdicts.mjs --out after.json                              (this tree's src/)
//   node scripts/quality-verdicts.mjs --compare before.json after.json
// It bundles the given source tree's gate, so two trees run the same labelled data, and dumps every verdict on
// every labelled record (train + held-out) with its own question and another record's, with and without
// context, sync and async, plus the validateQuality baseline. Two dumps must be byte-identical.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

if (args[0] === '--compare') {
  const [a, b] = [readFileSync(args[1], 'utf8'), readFileSync(args[2], 'utf8')];
  if (a === b) {
    console.log(`identical: ${JSON.parse(a).length} verdicts`);
    process.exit(0);
  }
  const [x, y] = [JSON.parse(a), JSON.parse(b)];
  const diffs = x.filter((v, i) => JSON.stringify(v) !== JSON.stringify(y[i]));
  console.error(`${diffs.length} of ${x.length} verdicts differ; first: ${JSON.stringify(diffs[0]).slice(0, 400)}`);
  process.exit(1);
}

const out = flag('--out');
if (!out) {
  console.error('usage: quality-verdicts.mjs --out <file.json> [--src <dir>] | --compare <a.json> <b.json>');
  process.exit(2);
}
const src = path.resolve(flag('--src') ?? path.join(root, 'src'));
const data = path.join(root, 'data/quality');
// Inside the repo's out/ so the externals (WASM grammars, eld, acorn) resolve from its node_modules.
const work = path.join(root, 'out/quality-verdicts');
mkdirSync(work, { recursive: true });
const bundle = path.join(work, `gate-${process.pid}.cjs`);
const q = (f) => JSON.stringify(path.join(src, 'core/routing/quality', f));
await build({
  stdin: {
    contents: [
      `export { QualityGate } from ${q('QualityGate')};`,
      `export { TreeSitterSyntax } from ${q('TreeSitterSyntax')};`,
      `export { EldLanguageIdentifier } from ${q('EldLanguageIdentifier')};`,
      `export { KnownApis } from ${q('KnownApis')};`,
      `export { validateQuality } from ${q('validateQuality')};`,
    ].join('\n'),
    resolveDir: src,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: bundle,
  nodePaths: [path.join(root, 'node_modules')],
  external: ['@vscode/tree-sitter-wasm', '@cursorless/tree-sitter-wasms', '@guanmingchiu/sqlparser-ts', 'dockerfile-utils', 'eld', 'acorn'],
  logLevel: 'warning',
});
const m = createRequire(import.meta.url)(bundle);

const records = ['train', 'heldout'].flatMap((split) =>
  readFileSync(path.join(data, `${split}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line)),
);
const gate = new m.QualityGate({
  syntax: new m.TreeSitterSyntax(),
  naturalLanguage: () => m.EldLanguageIdentifier.load(),
  knownApis: () => m.KnownApis.load(path.join(data, 'known-apis.json')),
});
const verdicts = [];
for (let i = 0; i < records.length; i++) {
  const r = records[i];
  const other = records[(i * 7 + 3) % records.length];
  const cases = [
    ['own', r.question, r.context],
    ['own-noctx', r.question, undefined],
    ['other', other.question, other.context],
    ['other-noctx', other.question, undefined],
    ['own-otherctx', r.question, other.context],
  ];
  for (const [name, question, context] of cases) {
    const input = { question, answer: r.answer, finishReason: r.finishReason, context };
    const v = await gate.assess(input);
    const sync = JSON.stringify(gate.assessSync(input)) === JSON.stringify(v);
    verdicts.push({ id: r.id, case: name, v, sync });
  }
}
for (const r of records) verdicts.push({ id: r.id, validateQuality: m.validateQuality(r.answer, { finishReason: r.finishReason }) });
writeFileSync(out, JSON.stringify(verdicts, null, 1));
const mismatches = verdicts.filter((v) => v.sync === false).length;
console.log(`${verdicts.length} verdicts from ${path.relative(root, src) || src} → ${out}; sync/async mismatches: ${mismatches}`);
process.exit(mismatches ? 1 : 0);
