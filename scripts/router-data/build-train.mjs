#!/usr/bin/env node
// Builds data/router/train.jsonl from the hand-written training rows (data/router/train-hand.jsonl) plus
// seeded template variation (templates.mjs). Deterministic: run it twice, get the same file.
//   node scripts/router-data/build-train.mjs
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FILL, LANGS, SERVICES, TABLES, TECH, TEMPLATES, TERMS } from './templates.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TIERS = ['trivial', 'low', 'medium', 'high', 'critical'];
const PER_TIER = { en: 120, de: 90, es: 90, fr: 90 };
const VARS = ['tmp', 'data', 'res', 'val', 'item', 'cb', 'ctx', 'buf', 'cfg', 'obj'];
const VARS2 = ['buffer', 'payload', 'response', 'value', 'entry', 'onDone', 'context', 'chunk', 'settings', 'record'];

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(20261201);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const between = ([lo, hi]) => Math.round(Math.exp(Math.log(lo) + rand() * (Math.log(hi) - Math.log(lo))));

function fill(text, lang) {
  const f = FILL[lang];
  const two = (xs) => {
    const a = pick(xs);
    let b = pick(xs);
    while (b === a) b = pick(xs);
    return [a, b];
  };
  const [tech, tech2] = two(TECH);
  const [service, service2] = two(SERVICES);
  const [term, term2] = two(TERMS);
  const vi = Math.floor(rand() * VARS.length);
  const slots = {
    tech,
    tech2,
    service,
    service2,
    term,
    term2,
    lang: pick(LANGS),
    table: pick(TABLES),
    v: VARS[vi],
    v2: VARS2[vi],
    line: String(50 + Math.floor(rand() * 1500)),
  };
  return text.replace(/\{(\w+)\}/g, (_, k) => slots[k] ?? pick(f[k] ?? [`{${k}}`]));
}

const hand = fs
  .readFileSync(path.join(root, 'data/router/train-hand.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));
const norm = (p) =>
  p
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
// Held-out prompts are read only to keep a template from reproducing one (the review would reject it).
const heldout = fs
  .readFileSync(path.join(root, 'data/router/heldout.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));
const seen = new Set([...hand, ...heldout].map((r) => `${r.lang}|${norm(r.prompt)}`));
const rows = hand.map((r) => ({ ...r, source: 'hand' }));
for (const lang of Object.keys(PER_TIER)) {
  for (let tier = 1; tier <= 5; tier++) {
    const templates = TEMPLATES[lang][tier];
    let made = 0;
    for (let attempt = 0; made < PER_TIER[lang] && attempt < PER_TIER[lang] * 20; attempt++) {
      const tpl = templates[attempt % templates.length];
      const t = typeof tpl === 'string' ? { t: tpl } : tpl;
      const prompt = fill(t.t, lang);
      const key = `${lang}|${norm(prompt)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const row = {
        id: '',
        lang,
        tier: TIERS[tier - 1],
        prompt,
        codeLines: t.code ? between(t.code) : 0,
        fileCount: Array.isArray(t.files) ? between(t.files) : (t.files ?? (t.code ? 1 : 0)),
        source: 'template',
      };
      if (t.tags) row.tags = t.tags;
      rows.push(row);
      made++;
    }
  }
}
const counters = {};
for (const r of rows) {
  counters[r.lang] = (counters[r.lang] ?? 0) + 1;
  r.id = `t-${r.lang}-${String(counters[r.lang]).padStart(4, '0')}`;
}
const ordered = rows.map(({ id, lang, tier, prompt, codeLines, fileCount, tags, source }) =>
  tags ? { id, lang, tier, prompt, codeLines, fileCount, tags, source } : { id, lang, tier, prompt, codeLines, fileCount, source },
);
fs.writeFileSync(path.join(root, 'data/router/train.jsonl'), `${ordered.map((r) => JSON.stringify(r)).join('\n')}\n`);
console.log(`train.jsonl: ${rows.length} rows (${hand.length} hand-written)`, counters);
