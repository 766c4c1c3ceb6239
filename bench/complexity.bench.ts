/**
 * Complexity classifier on the HELD-OUT splits (data/router/heldout-6.jsonl or heldout-5.jsonl, the primary one, and heldout.jsonl: never trained or tuned on):
 * exact and ±1 agreement, Spearman, 5×5 confusion, high/critical routed local, trivial/low sent to
 * high/critical, per language and per hard-case tag, with the old rules analyzer measured in the same run;
 * then decision p50/p99 for a short and an 8 KB prompt. Prints markdown; never passes or fails.
 *
 *   npx tsc -p tsconfig.test.json && node out/bench/complexity.bench.js
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeComplexity, type ComplexityInput } from '../src/core/routing/complexity/analyzeComplexity';
import { clipText } from '../src/core/ml/HashingFeaturizer';
import { TextClassifier } from '../src/core/ml/TextClassifier';
import { ComplexityClassifier, type ComplexityModelMeta } from '../src/core/routing/complexity/ComplexityClassifier';
import { complexitySignals, numericFeatures } from '../src/core/routing/complexity/complexityFeatures';
import { ANALYSIS_FILES, ANALYSIS_LINES } from '../src/core/routing/complexity/complexityRails';
import { TaskComplexity } from '../src/core/routing/complexity/TaskComplexity';
import { TUNING_SPLITS, readRouterRows, type RouterRow } from '../src/core/routing/complexity/train/routerData';
import { formatConfusion, tierMetrics, type TierMetrics } from '../src/core/routing/complexity/train/tierMetrics';
import { TRAFFIC_MIX } from '../src/core/routing/complexity/train/trainComplexityModel';
import { LocalShareWindow } from '../src/core/routing/LocalShareWindow';
import { percentileSorted } from '../test/harness/benchStats';

const root = path.resolve(__dirname, '../..');
const LOCAL_RATIO = 0.8;
const filler = (n: number) => (n === 0 ? undefined : Array.from({ length: n }, (_, i) => `  const x${i} = f(${i});`).join('\n'));
const input = (r: RouterRow): ComplexityInput => ({ prompt: r.prompt, attachedCode: filler(r.codeLines), fileCount: r.fileCount });

interface Decided {
  tier: number;
  local: boolean;
}

function evaluate(rows: RouterRow[], decided: Decided[]): TierMetrics {
  return tierMetrics(
    rows.map((r) => ['trivial', 'low', 'medium', 'high', 'critical'].indexOf(r.tier)),
    decided.map((d) => d.tier - 1),
    decided.map((d) => d.local),
  );
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
function row(name: string, m: TierMetrics): string {
  return `| ${name} | ${m.n} | ${pct(m.exact)} | ${pct(m.within1)} | ${m.spearman.toFixed(3)} | ${m.highLocal}/${m.highCount} | ${m.lowToHigh}/${m.lowCount} |`;
}

function main(): void {
  const learned = new ComplexityClassifier({ loadModel: () => fs.readFileSync(path.join(root, 'media/router/complexity-model.json'), 'utf8') });
  // The newest blind held-out present is the primary one (heldout-18 … heldout-4: each written blind, copied in
  // after a freeze); once it has joined TUNING_SPLITS its title says so until the next one arrives. Earlier
  // primaries and dev-2/3/4 are tuning splits (their figures come from the model file below); the first
  // held-out has been measured in four sessions: it is kept for comparison.
  const primary =
    [
      'heldout-18.jsonl',
      'heldout-17.jsonl',
      'heldout-16.jsonl',
      'heldout-15.jsonl',
      'heldout-14.jsonl',
      'heldout-13.jsonl',
      'heldout-12.jsonl',
      'heldout-11.jsonl',
      'heldout-10.jsonl',
      'heldout-9.jsonl',
      'heldout-8.jsonl',
      'heldout-7.jsonl',
      'heldout-6.jsonl',
      'heldout-5.jsonl',
      'heldout-4.jsonl',
    ].find((f) => fs.existsSync(path.join(root, 'data/router', f))) ?? 'heldout-4.jsonl';
  for (const [file, title] of [
    [primary, `${primary.replace('.jsonl', '')} (primary${TUNING_SPLITS.includes(primary) ? '; a tuning split since, so tuned on' : ''})`],
    ['heldout.jsonl', 'held-out (session 9, measured before)'],
  ]) {
    if (fs.existsSync(path.join(root, 'data/router', file))) heldOut(learned, readRouterRows(path.join(root, 'data/router', file)), title);
  }
  const dev = JSON.parse(fs.readFileSync(path.join(root, 'media/router/complexity-model.json'), 'utf8')).meta?.validation as
    Record<string, unknown> | undefined;
  if (dev) {
    console.log(
      `\nDev figures recorded at training time (${String(dev.method)}, ${String(dev.rows)} rows): exact ${pct(Number(dev.exact))}, ±1 ${pct(Number(dev.within1))}, Spearman ${Number(dev.spearman).toFixed(3)}, high/critical routed local ${String(dev.highLocal)}, trivial/low → high/critical ${String(dev.lowToHigh)}.\n`,
    );
    const tuning = (dev.tuning ?? {}) as Record<string, Record<string, number>>;
    for (const [name, t] of Object.entries(tuning)) {
      console.log(
        `${name} (tuning split: written independently, not trained on, tuned on; ${t.rows} rows): exact ${pct(t.exact)}, ±1 ${pct(t.within1)}, Spearman ${t.spearman.toFixed(3)}, high/critical routed local ${t.highLocal}, trivial/low → high/critical ${t.lowToHigh}, local share on the mix ${pct(t.localShare)}.\n`,
      );
    }
  }

  latency(learned);
}

function heldOut(learned: ComplexityClassifier, rows: RouterRow[], title: string): void {
  const threshold = learned.mediumCloudThreshold(LOCAL_RATIO) ?? 0.5;

  // New: medium requests steered by P(≥ high) against the threshold calibrated for localRatio.
  const newDecided = rows.map((r): Decided => {
    const a = learned.assess(input(r));
    const local = a.level <= TaskComplexity.LOW || (a.level === TaskComplexity.MEDIUM && (a.cloudScore ?? 0) < threshold);
    return { tier: a.level, local };
  });
  // Old: the rules analyzer, medium requests placed by the local-share window (as HybridStrategy did).
  const window = new LocalShareWindow(100);
  const oldDecided = rows.map((r): Decided => {
    const level = analyzeComplexity(input(r)).level;
    let local = level <= TaskComplexity.LOW;
    if (level === TaskComplexity.MEDIUM) local = Math.abs(window.shareIf(true) - LOCAL_RATIO) <= Math.abs(window.shareIf(false) - LOCAL_RATIO);
    if (level >= TaskComplexity.HIGH) local = false;
    window.record(local);
    return { tier: level, local };
  });

  console.log(`## Complexity classifier — ${title}\n`);
  console.log(
    `${rows.length} hand-written prompts never trained or tuned on; medium steering at localRatio ${LOCAL_RATIO} (P(≥high) threshold ${threshold.toFixed(3)}).\n`,
  );
  console.log('| analyzer / slice | n | exact | ±1 | Spearman | high/critical routed local | trivial/low → high/critical |');
  console.log('|---|---|---|---|---|---|---|');
  console.log(row('**learned + rails**, all', evaluate(rows, newDecided)));
  console.log(row('old rules analyzer, all', evaluate(rows, oldDecided)));
  const slices: Array<[string, (r: RouterRow) => boolean]> = [
    ...(['en', 'de', 'es', 'fr'] as const).map((l): [string, (r: RouterRow) => boolean] => [l, (r) => r.lang === l]),
    ...['word-out-of-context', 'size-without-difficulty', 'high-stakes', 'mixed-language'].map((t): [string, (r: RouterRow) => boolean] => [
      t,
      (r) => (r.tags ?? []).includes(t),
    ]),
  ];
  for (const [name, keep] of slices) {
    const idx = rows.map((r, i) => (keep(r) ? i : -1)).filter((i) => i >= 0);
    const sub = idx.map((i) => rows[i]);
    console.log(
      row(
        `learned, ${name}`,
        evaluate(
          sub,
          idx.map((i) => newDecided[i]),
        ),
      ),
    );
    console.log(
      row(
        `old, ${name}`,
        evaluate(
          sub,
          idx.map((i) => oldDecided[i]),
        ),
      ),
    );
  }
  console.log('\nLearned + rails, confusion (rows: label, columns: decided):\n');
  console.log(formatConfusion(evaluate(rows, newDecided)).join('\n'));
  console.log('\nOld rules analyzer, confusion:\n');
  console.log(formatConfusion(evaluate(rows, oldDecided)).join('\n'));

  // Local share on the assumed traffic mix, per tier weight, for the learned router.
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.tier, (counts.get(r.tier) ?? 0) + 1);
  const share = rows.reduce((s, r, i) => s + (newDecided[i].local ? TRAFFIC_MIX[r.tier] / counts.get(r.tier)! : 0), 0);
  console.log(`\nLocal share on the traffic mix ${JSON.stringify(TRAFFIC_MIX)} at localRatio ${LOCAL_RATIO}: ${pct(share)} (before the window's feedback).\n`);

  // Calibration: for each jarvis.routing.localRatio, the medium threshold from the model file, the local
  // share it gives on the traffic mix (held-out rows weighted by tier), and the hard requests kept local.
  const assessed = rows.map((r) => learned.assess(input(r)));
  console.log('| jarvis.routing.localRatio | P(≥high) threshold | local share on the mix | high/critical routed local |');
  console.log('|---|---|---|---|');
  for (const ratio of [0.5, 0.6, 0.7, 0.8, 0.9]) {
    const thr = learned.mediumCloudThreshold(ratio) ?? 0.5;
    const local = assessed.map((a) => a.level <= TaskComplexity.LOW || (a.level === TaskComplexity.MEDIUM && (a.cloudScore ?? 0) < thr));
    const mix = rows.reduce((acc, r, i) => acc + (local[i] ? TRAFFIC_MIX[r.tier] / counts.get(r.tier)! : 0), 0);
    const hard = rows.filter((r, i) => local[i] && (r.tier === 'high' || r.tier === 'critical')).length;
    console.log(`| ${ratio} | ${thr.toFixed(3)} | ${pct(mix)} | ${hard} |`);
  }
}

function latency(learned: ComplexityClassifier): void {
  const src = fs.readFileSync(path.join(root, 'src/core/routing/Router.ts'), 'utf8');
  const head = 'Review this router for bugs in the fallback loop and explain the trade-offs:\n```ts\n';
  const code8k = head + src.slice(0, 8192 - head.length - 4) + '\n```';
  // Real prose (this repo's architecture notes, code blocks dropped), not a few sentences repeated: the
  // featurizer hashes each distinct word's character n-grams once, so repeated text would flatter it.
  const doc = fs
    .readFileSync(path.join(root, 'docs/ARCHITECTURE.md'), 'utf8')
    .split('```')
    .filter((_, i) => i % 2 === 0)
    .join(' ');
  const prose8k = `We keep getting complaints that routing feels random. ${doc}`.slice(0, 8192);
  const prompts: Array<[string, string]> = [
    ['short prompt', 'Write a function that debounces another function in TypeScript.'],
    ['8 KB prompt (code)', code8k],
    ['8 KB prompt (prose)', prose8k],
  ];
  const ROUNDS = 20;
  const PER_ROUND = 250;
  let sink = 0;
  // All samples, and each round's p99: on a machine shared with other work, the scheduler's time slices
  // land in some rounds; the least-disturbed round's p99 is what the code costs, the overall p99 is
  // what this machine gave it. Both are printed.
  const measure = (fn: () => void): { all: number[]; quietP99: number } => {
    for (let i = 0; i < 500; i++) fn();
    const all: number[] = [];
    let quietP99 = Infinity;
    for (let r = 0; r < ROUNDS; r++) {
      const round: number[] = [];
      for (let i = 0; i < PER_ROUND; i++) {
        const t0 = process.hrtime.bigint();
        fn();
        round.push(Number(process.hrtime.bigint() - t0) / 1000);
      }
      all.push(...round);
      quietP99 = Math.min(
        quietP99,
        percentileSorted(
          round.sort((a, b) => a - b),
          99,
        ),
      );
    }
    return { all: all.sort((a, b) => a - b), quietP99 };
  };
  console.log(
    `## Complexity decision latency\n\n${ROUNDS} rounds of ${PER_ROUND} decisions after 500 warm-up, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores. Target: p99 < 200 µs for 8 KB. "quiet p99": the p99 of the least-disturbed round.\n`,
  );
  console.log('| prompt | chars | old rules p50 / p99 / quiet p99 | learned + rails p50 / p99 / quiet p99 | ratio p50 |');
  console.log('|---|---|---|---|---|');
  const fmt = (m: { all: number[]; quietP99: number }) =>
    `${percentileSorted(m.all, 50).toFixed(1)} / ${percentileSorted(m.all, 99).toFixed(1)} / ${m.quietP99.toFixed(1)} µs`;
  for (const [name, prompt] of prompts) {
    const old = measure(() => {
      sink += analyzeComplexity({ prompt }).level;
    });
    const neu = measure(() => {
      sink += learned.assess({ prompt }).level;
    });
    console.log(`| ${name} | ${prompt.length} | ${fmt(old)} | ${fmt(neu)} | ${(percentileSorted(neu.all, 50) / percentileSorted(old.all, 50)).toFixed(1)}× |`);
  }
  // The model step alone on the 8 KB prose: the whole 512-character rails window (what the model read
  // until it was bounded) vs the start and end of it that it reads now, fused path, same process.
  const model = TextClassifier.parse<ComplexityModelMeta>(fs.readFileSync(path.join(root, 'media/router/complexity-model.json'), 'utf8'));
  const s = complexitySignals(prose8k, undefined, 0);
  const numeric = numericFeatures(s, ANALYSIS_LINES, ANALYSIS_FILES);
  const read = model.featurizer.options.maxChars;
  const whole = measure(() => {
    sink += model.predictFolded(s.window, numeric).index;
  });
  const bounded = measure(() => {
    sink += model.predictFolded(clipText(s.window, read), numeric).index;
  });
  console.log(
    `\nModel step on the 8 KB prose: all ${s.window.length} characters of the rails' window ${fmt(whole)}, the ${read} the model reads (shipped) ${fmt(bounded)}, ratio p50 ${(percentileSorted(bounded.all, 50) / percentileSorted(whole.all, 50)).toFixed(2)}×.`,
  );
  if (sink === -1) console.log('');
}

main();
