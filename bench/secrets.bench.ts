/**
 * Secret detection benchmark. On the labelled corpus (test/fixtures/secrets/labelled/: the training
 * splits, which the rules were tuned on, and the held-out split, never used for tuning): catch rate
 * per kind of secret, false-positive rate per kind of look-alike, and whether redaction removed the
 * secret, for the guard's own rules, secretlint's recommended preset alone, and the two combined (what
 * ships). Then the repository's own sources as clean text: every file flagged is a false positive.
 * Prints markdown; never passes or fails.
 *
 *   npx tsc -p tsconfig.test.json && node out/bench/secrets.bench.js
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PrivacyGuard } from '../src/core/security/PrivacyGuard';
import { SecretlintScanner } from '../src/core/security/SecretlintScanner';
import {
  evaluate,
  pct,
  readCorpus,
  totals,
  HELDOUT_SPLITS,
  TRAINING_SPLITS,
  type CorpusSample,
  type CorpusSplit,
  type Detector,
  type KindFigures,
} from './secrets/secretCorpus';

const REPO = path.resolve(__dirname, '../..');
const guard = new PrivacyGuard();

const parts = (s: CorpusSample) => [{ path: undefined as string | undefined, content: s.text }, ...(s.attachments ?? [])];

const rulesOnly: Detector = async (s) => ({
  flagged: guard.scan({ prompt: s.text, attachments: s.attachments }).localOnly,
  redacted: parts(s).map((p) => guard.redact(p.content)),
});

const secretlintOnly: Detector = async (s) => {
  let flagged = false;
  const redacted: string[] = [];
  for (const p of parts(s)) {
    const spans = (await SecretlintScanner.scan(p.content, p.path)).sort((a, b) => b.start - a.start);
    if (spans.length) flagged = true;
    let t = p.content;
    for (const sp of spans) t = `${t.slice(0, sp.start)}[REDACTED:${sp.kind}]${t.slice(sp.end)}`;
    redacted.push(t);
  }
  return { flagged, redacted };
};

const combined: Detector = async (s) => {
  const verdict = await guard.scanDeep({ prompt: s.text, attachments: s.attachments });
  const redacted = await Promise.all(parts(s).map(async (p) => (await guard.redactDeep(p.content, p.path)).text));
  return { flagged: verdict.localOnly, redacted };
};

function printTable(title: string, runs: Array<[string, KindFigures[]]>): void {
  console.log(`\n#### ${title}\n`);
  console.log(`| kind | n | ${runs.map(([n]) => n).join(' | ')} |`);
  console.log(`| --- | ---: | ${runs.map(() => '---:').join(' | ')} |`);
  const [, first] = runs[0];
  for (const [i, row] of first.entries()) {
    const cells = runs.map(([, figs]) => {
      const f = figs[i];
      return f.label === 'secret' ? `${f.flagged}/${f.n}${f.redactedFully < f.flagged ? ` (${f.redactedFully} redacted fully)` : ''}` : `${f.flagged} flagged`;
    });
    console.log(`| ${row.label === 'secret' ? row.kind : `clean: ${row.kind}`} | ${row.n} | ${cells.join(' | ')} |`);
  }
  for (const label of ['secret', 'clean'] as const) {
    const cells = runs.map(([, figs]) => {
      const t = totals(figs, label);
      return label === 'secret'
        ? `**${t.flagged}/${t.n} caught (${pct(t.flagged, t.n)})**, redacted fully ${t.redactedFully}`
        : `**${t.flagged}/${t.n} flagged (${pct(t.flagged, t.n)})**`;
    });
    console.log(`| all ${label === 'secret' ? 'secrets' : 'clean'} | ${totals(first, label).n} | ${cells.join(' | ')} |`);
  }
  const [, shipped] = runs[runs.length - 1];
  const misses = shipped.flatMap((f) => f.missedIds);
  if (misses.length) console.log(`\n${runs[runs.length - 1][0]} wrong on: ${misses.join(', ')}`);
}

function repoFiles(): string[] {
  const roots = ['src', 'bench', 'scripts', 'docs', 'test', 'data', 'media', 'README.md', 'package.json', 'esbuild.mjs', 'esbuild.shared.mjs'];
  // The fake secrets are there on purpose: the corpus, its generator, and the guard's own tests.
  const skip = [/^test\/fixtures\/secrets\//, /^scripts\/secret-corpus\//, /^test\/unit\/security\//, /\.(png|wasm|vsix|gz|jpg|ico)$/];
  const out: string[] = [];
  const walk = (rel: string) => {
    const abs = path.join(REPO, rel);
    if (!fs.existsSync(abs)) return;
    if (fs.statSync(abs).isDirectory()) {
      for (const e of fs.readdirSync(abs)) walk(path.posix.join(rel, e));
    } else if (!skip.some((r) => r.test(rel)) && fs.statSync(abs).size < 2_000_000) out.push(rel);
  };
  for (const r of roots) walk(r);
  return out;
}

async function main(): Promise<void> {
  console.log('### Secret detection (`npm run bench secrets`)');
  const t0 = process.hrtime.bigint();
  await SecretlintScanner.scan('warm up');
  const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const titles: Record<CorpusSplit, string> = {
    train: 'Training: `train` (rules tuned on it)',
    'train-2': 'Training: `train-2` (written blind as the second held-out split, measured once, then seen and tuned on)',
    'train-3': 'Training: `train-3` (written blind as the third held-out split, measured once, then seen and tuned on in session 12)',
    'train-gaps': 'Training: `train-gaps` (records for the families added in sessions 11 and 12)',
    heldout: "FIRST HELD-OUT split (never tuned on; written by the rules' author, figures read in earlier sessions)",
    'heldout-4': 'FOURTH HELD-OUT split (written blind by a session that never saw the rules; measured once after the rules were frozen, never tuned on)',
  };
  // `node out/bench/secrets.bench.js heldout-4`: only the splits named (and no repository scan), so a
  // held-out split can be measured once without re-running everything else.
  const only = process.argv.slice(2);
  const seen: Array<[string, KindFigures[]]> = [];
  for (const split of [...TRAINING_SPLITS, ...HELDOUT_SPLITS].filter((x) => only.length === 0 || only.includes(x))) {
    const samples = readCorpus(split);
    const runs: Array<[string, KindFigures[]]> = [
      ['guard rules', await evaluate(samples, rulesOnly)],
      ['secretlint preset', await evaluate(samples, secretlintOnly)],
      ['combined (shipped)', await evaluate(samples, combined)],
    ];
    printTable(titles[split], runs);
    if (!(HELDOUT_SPLITS as readonly string[]).includes(split)) seen.push([split, runs[2][1]]);
  }
  if (only.length > 0) return;
  console.log('\n#### All training (seen) data, combined detector\n');
  for (const label of ['secret', 'clean'] as const) {
    const t = seen
      .map(([, f]) => totals(f, label))
      .reduce((a, b) => ({ n: a.n + b.n, flagged: a.flagged + b.flagged, redactedFully: a.redactedFully + b.redactedFully }));
    console.log(`- ${label === 'secret' ? 'secrets caught' : 'clean flagged'}: ${t.flagged}/${t.n} (${pct(t.flagged, t.n)})`);
  }
  const files = repoFiles();
  const flagged: string[] = [];
  const started = process.hrtime.bigint();
  let bytes = 0;
  for (const f of files) {
    const content = fs.readFileSync(path.join(REPO, f), 'utf8');
    bytes += content.length;
    const v = await guard.scanDeep({ prompt: '', attachments: [{ path: f, content }] });
    if (v.localOnly) flagged.push(`${f} (${v.reasons.slice(0, 3).join('; ')})`);
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`\n#### The repository's own files as clean text\n`);
  console.log(
    `${files.length} files (${(bytes / 1e6).toFixed(1)} MB, excluding the corpus and the guard's tests), ${flagged.length} flagged (${pct(flagged.length, files.length)}); ${ms.toFixed(0)} ms in all, secretlint loaded in ${loadMs.toFixed(0)} ms.`,
  );
  for (const f of flagged) console.log(`- ${f}`);
}

void main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
