#!/usr/bin/env node
// Label-consistency review of data/router (see data/router/README.md): schema, unique ids, exact and
// near duplicates across the splits, the same prompt labelled differently, near-twins two or more tiers
// apart, and counts per language and tier. Exits 1 on schema errors or cross-split duplicates (those
// would leak evaluation rows into training, or one evaluation split's rows into another's); label
// conflicts are printed for a human to settle.
//   node scripts/review-router-data.mjs [--quiet]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');
const TIERS = ['trivial', 'low', 'medium', 'high', 'critical'];
const LANGS = ['en', 'de', 'es', 'fr'];
const NEAR = 0.8;
const errors = [];
const warnings = [];

function load(file) {
  const rows = [];
  fs.readFileSync(path.join(root, 'data/router', file), 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let r;
      try {
        r = JSON.parse(line);
      } catch (e) {
        errors.push(`${file}:${i + 1}: not JSON (${e.message})`);
        return;
      }
      const where = `${file}:${i + 1} (${r.id})`;
      if (typeof r.id !== 'string' || !r.id) errors.push(`${where}: id missing`);
      if (!LANGS.includes(r.lang)) errors.push(`${where}: lang ${JSON.stringify(r.lang)}`);
      if (!TIERS.includes(r.tier)) errors.push(`${where}: tier ${JSON.stringify(r.tier)}`);
      if (typeof r.prompt !== 'string' || r.prompt.trim() === '') errors.push(`${where}: empty prompt`);
      for (const k of ['codeLines', 'fileCount']) if (!Number.isInteger(r[k]) || r[k] < 0) errors.push(`${where}: ${k} must be an integer ≥ 0`);
      rows.push({ ...r, file, where });
    });
  return rows;
}

const norm = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
function shingles(s) {
  const w = norm(s).split(' ');
  if (w.length < 3) return new Set(w);
  const out = new Set();
  for (let i = 0; i + 3 <= w.length; i++) out.add(w.slice(i, i + 3).join(' '));
  return out;
}
function jaccard(a, b) {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter || 1);
}

// Evaluation splits, each checked against training and against each other: a prompt (nearly) repeated
// across them would flatter one split's figures with another's rows. dev-2 is an independent dev set
// (never trained on); heldout-2 joins when it is copied in (the file is optional until then).
const EVAL = [
  'heldout.jsonl',
  'dev-2.jsonl',
  'heldout-2.jsonl',
  'dev-3.jsonl',
  'dev-4.jsonl',
  'heldout-3.jsonl',
  'heldout-4.jsonl',
  'heldout-5.jsonl',
  'heldout-6.jsonl',
  'heldout-7.jsonl',
  'heldout-8.jsonl',
  'heldout-9.jsonl',
  'heldout-10.jsonl',
  'heldout-11.jsonl',
  'heldout-12.jsonl',
  'heldout-13.jsonl',
  'heldout-14.jsonl',
  'heldout-15.jsonl',
  'heldout-16.jsonl',
  'heldout-17.jsonl',
  'heldout-18.jsonl',
].filter((f) => fs.existsSync(path.join(root, 'data/router', f)));
const evals = EVAL.map((f) => load(f));
const held = evals.flat();
const train = load('train.jsonl');
const ids = new Map();
for (const r of [...held, ...train]) {
  if (ids.has(r.id)) errors.push(`duplicate id ${r.id}: ${ids.get(r.id)} and ${r.where}`);
  ids.set(r.id, r.where);
}
for (const r of [...held, ...train]) {
  r.key = norm(r.prompt);
  r.sh = shingles(r.prompt);
}
const sizeBucket = (r) => `${r.codeLines === 0 ? 0 : r.codeLines < 100 ? 1 : 2}/${r.fileCount === 0 ? 0 : r.fileCount < 3 ? 1 : 2}`;

// 1. Cross-split duplicates: an evaluation prompt (nearly) repeated in training or in another evaluation split.
let cross = 0;
const crossPairs = [];
evals.forEach((rows, k) => {
  crossPairs.push([rows, train]);
  for (let j = k + 1; j < evals.length; j++) crossPairs.push([rows, evals[j]]);
});
for (const [as, bs] of crossPairs) {
  for (const h of as) {
    for (const t of bs) {
      if (h.lang !== t.lang) continue;
      const same = h.key === t.key;
      const sim = same ? 1 : jaccard(h.sh, t.sh);
      if (sim >= NEAR) {
        cross++;
        errors.push(`${h.file} ${h.id} and ${t.file} ${t.id} are ${same ? 'identical' : `near duplicates (${sim.toFixed(2)})`}: "${h.prompt}" / "${t.prompt}"`);
      }
    }
  }
}
// 2. Same prompt, same size, different labels (within or across splits).
const byKey = new Map();
for (const r of [...held, ...train]) {
  const k = `${r.lang}|${r.key}|${sizeBucket(r)}`;
  (byKey.get(k) ?? byKey.set(k, []).get(k)).push(r);
}
for (const group of byKey.values()) {
  const tiers = new Set(group.map((r) => r.tier));
  if (tiers.size > 1) warnings.push(`same prompt, different labels: ${group.map((r) => `${r.id}=${r.tier}`).join(', ')} "${group[0].prompt}"`);
}
// 3. Near-twins inside a split two or more tiers apart: usually a labelling slip.
for (const rows of [...evals, train]) {
  for (let i = 0; i < rows.length; i++) {
    for (let j = i + 1; j < rows.length; j++) {
      const a = rows[i];
      const b = rows[j];
      if (a.lang !== b.lang || a.source === 'template' || b.source === 'template') continue;
      if (Math.abs(TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier)) < 2 || sizeBucket(a) !== sizeBucket(b)) continue;
      const sim = jaccard(a.sh, b.sh);
      if (sim >= NEAR) warnings.push(`near-twins ${sim.toFixed(2)} labelled ${a.tier} vs ${b.tier}: ${a.id} "${a.prompt}" / ${b.id} "${b.prompt}"`);
    }
  }
}

function counts(rows) {
  const table = {};
  for (const r of rows) {
    table[r.lang] ??= Object.fromEntries(TIERS.map((t) => [t, 0]));
    table[r.lang][r.tier]++;
  }
  return table;
}
if (!quiet) {
  evals.forEach((rows, k) => {
    console.log(`${EVAL[k]} rows per language × tier:`);
    console.table(counts(rows));
  });
  console.log('train rows per language × tier:');
  console.table(counts(train));
  console.log(`train: ${train.filter((r) => r.source === 'hand').length} hand-written, ${train.filter((r) => r.source === 'template').length} from templates`);
}
for (const w of warnings) console.log(`warning: ${w}`);
for (const e of errors) console.error(`error: ${e}`);
console.log(
  `review: ${evals.map((rows, k) => `${rows.length} ${EVAL[k]}`).join(', ')}, ${train.length} train; ${cross} cross-split duplicates, ${errors.length} errors, ${warnings.length} warnings`,
);
process.exit(errors.length > 0 ? 1 : 0);
