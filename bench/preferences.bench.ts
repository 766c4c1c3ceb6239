/**
 * Preference extraction: quality on the labelled sentences of data/preferences (the newest blind
 * heldout-N when present, the first held-out split, and the training files by 5-fold cross-validation),
 * per language and false extractions per non-preference kind, and speed per message, against the classifier alone (featurize + softmax on the whole
 * message) as the baseline measured in the same run. Prints markdown; never passes or fails.
 *
 *   npx tsc -p tsconfig.test.json && node out/bench/preferences.bench.js
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { evaluatePreferenceExtraction, type ExtractionFigures } from '../src/core/memory/preferences/evaluatePreferenceExtraction';
import { extractPreferences } from '../src/core/memory/preferences/extractPreferences';
import { numericFeatures, preferenceModel } from '../src/core/memory/preferences/PreferenceClassifier';
import { crossValidatePreferences } from '../src/core/memory/preferences/crossValidatePreferences';
import { parseCorpus, PREFERENCE_TRAINING_FILES, type CorpusRow } from '../src/core/memory/preferences/preferenceCorpus';
import { percentileSorted } from '../test/harness/benchStats';

const ROOT = path.resolve(__dirname, '../..');
const DIR = path.join(ROOT, 'data', 'preferences');
const load = (name: string): CorpusRow[] => parseCorpus(fs.readFileSync(path.join(DIR, name), 'utf8'), name);
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

function table(title: string, rows: readonly CorpusRow[], model?: Parameters<typeof evaluatePreferenceExtraction>[1]): void {
  const { all, byLanguage, byKind, misses } = evaluatePreferenceExtraction(rows, model);
  console.log(`\n## ${title}\n`);
  console.log(
    '| language | preferences | found | right category | right key/value (structured) | at/above 0.7 (rest → review) | non-preferences | false extractions |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  const line = (lang: string, f: ExtractionFigures) =>
    console.log(
      `| ${lang} | ${f.positives} | ${pct(f.found)} | ${pct(f.rightCategory)} | ${pct(f.rightKeyValue)} of ${f.structured} | ${pct(f.aboveThreshold)} | ${f.negatives} | ${pct(f.falseExtractions)} |`,
    );
  for (const [lang, f] of Object.entries(byLanguage)) line(lang, f);
  line('**all**', all);
  console.log('\n| non-preference kind | sentences | false extractions |\n|---|---|---|');
  for (const [kind, k] of Object.entries(byKind))
    console.log(`| ${kind} | ${k.negatives} | ${pct(k.falseExtractions)} (${Math.round(k.falseExtractions * k.negatives)}) |`);
  if (process.env.PREFS_BENCH_MISSES)
    for (const m of misses) console.log(`- ${m.why} ${m.id}: ${JSON.stringify(m.text.slice(0, 100))}${m.got ? ` → ${m.got}` : ''}`);
  else console.log(`\n${misses.length} rows wrong (set PREFS_BENCH_MISSES=1 to list them).`);
}

/**
 * Per-message wall time, every sample (`raw`) and each message's best of `rounds` (`best`): on a shared
 * machine the raw tail is mostly the process being descheduled; the best-of figure is the extractor's own cost.
 */
function timePerMessage(texts: string[], fn: (t: string) => unknown, rounds: number): { raw: Float64Array; best: Float64Array } {
  for (const t of texts) fn(t); // warm-up
  const raw = new Float64Array(texts.length * rounds);
  const best = new Float64Array(texts.length).fill(Infinity);
  let k = 0;
  for (let r = 0; r < rounds; r++) {
    texts.forEach((t, i) => {
      const t0 = process.hrtime.bigint();
      fn(t);
      const us = Number(process.hrtime.bigint() - t0) / 1000;
      raw[k++] = us;
      if (us < best[i]) best[i] = us;
    });
  }
  return { raw: raw.sort(), best: best.sort() };
}

function longMessage(): string {
  const log = Array.from({ length: 120 }, (_, i) => `2026-11-30T10:${String(i % 60).padStart(2, '0')}:01Z WARN retry: always use backoff (attempt ${i})`).join(
    '\n',
  );
  return `We use pnpm, never suggest npm install.\n\`\`\`\n${log}\n\`\`\`\n${'This is a long explanation of what happened in production last night. '.repeat(60)}`;
}

const heldout = load('heldout.jsonl');
const trainFiles = PREFERENCE_TRAINING_FILES.map((f) => ({ f, rows: load(f) }));
const train = trainFiles.flatMap((t) => t.rows);
console.log(`Preference extraction (rules + classifier); the classifier was trained on ${PREFERENCE_TRAINING_FILES.join(' + ')} only.`);
// The newest blind split (heldout-3, heldout-4, …): written by a session that saw only data/preferences/README.md
// and the issue, copied in after the extractor was frozen, measured once (its statement: heldout-N.md).
const blind = fs
  .readdirSync(DIR)
  .map((f) => /^heldout-(\d+)\.jsonl$/.exec(f))
  .filter((m): m is RegExpExecArray => m !== null)
  .sort((a, b) => Number(b[1]) - Number(a[1]))[0];
if (blind) table(`Blind ${blind[0]} (written apart from the rules, measured once)`, load(blind[0]));
else console.log('\n(No blind heldout-N.jsonl present: the next one is being written.)');
table('Held-out split heldout.jsonl (never trained on; written by the session that wrote the rules)', heldout);
// Cross-validation on the training files, with the committed thresholds: each row read by the fold model that
// did not see it. The rules were written against these rows, so this is a dev figure, not a blind one.
const meta = preferenceModel().meta!;
const oof = new Map(
  crossValidatePreferences(train, meta, { threshold: meta.threshold, structuredThreshold: meta.structuredThreshold }).map((o) => [o.row, o.model]),
);
table('Training files, 5-fold cross-validation (rules tuned on them)', train, (r) => oof.get(r)!);
for (const t of trainFiles) table(`${t.f}, 5-fold cross-validation (its rows only)`, t.rows, (r) => oof.get(r)!);

const texts = [...heldout, ...train].map((r) => r.text);
const model = preferenceModel();
const ours = timePerMessage(texts, (t) => extractPreferences(t), 20);
const base = timePerMessage(texts, (t) => model.predict(t, numericFeatures(t)), 20);
const long = longMessage();
const longUs = timePerMessage([long], (t) => extractPreferences(t), 20);
console.log(`\n## Speed per message (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)\n`);
console.log("| what | median | p95 | p99 | p99 of each message's best of 20 |");
console.log('|---|---|---|---|---|');
const us = (v: number) => `${v.toFixed(1)} µs`;
const row = (what: string, s: { raw: Float64Array; best: Float64Array }) =>
  console.log(
    `| ${what} | ${us(percentileSorted(s.raw, 50))} | ${us(percentileSorted(s.raw, 95))} | ${us(percentileSorted(s.raw, 99))} | ${us(percentileSorted(s.best, 99))} |`,
  );
row(`extractPreferences, corpus messages (${texts.length})`, ours);
row('baseline: classifier alone on the whole message', base);
row(`extractPreferences, one ${(long.length / 1024).toFixed(1)} KB message with a pasted log`, longUs);
const rawP99 = Math.max(percentileSorted(ours.raw, 99), percentileSorted(longUs.raw, 99));
console.log(`\nRatio extractor / classifier-alone (median): ${(percentileSorted(ours.raw, 50) / percentileSorted(base.raw, 50)).toFixed(2)}×.`);
// The raw p99 (every sample, descheduling included) is what the target is judged on, not the best-of figure.
console.log(`Target p99 < 1000 µs per message (raw samples): ${rawP99 < 1000 ? 'met' : 'NOT met'} (${us(rawP99)}).`);
