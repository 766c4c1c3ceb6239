/**
 * Quality gate benchmark. On the first held-out split (data/quality/heldout.jsonl: not fitted on, but
 * seen — rules were revised after reading its misses), on the BLIND split when one is present (the
 * newest data/quality/heldout-N.jsonl with N ≥ 2, or JARVIS_QUALITY_BLIND=<name>) and, for comparison, on
 * the training files (train.jsonl; train-2.jsonl, the spent heldout-2), each as its dev quarter and its
 * fitted part: share of bad answers caught and of good answers
 * escalated, per failure kind, per natural language and per requested programming language, with
 * the committed weights. Then the gate's time on a 4 KB answer with its parsers warm, against the
 * original validateQuality heuristic on the same answer, measured in the same run. Prints markdown;
 * never passes or fails.
 *
 *   npx tsc -p tsconfig.test.json && node out/bench/quality.bench.js
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { QualityGate, type GateWeights } from '../src/core/routing/quality/QualityGate';
import { EldLanguageIdentifier } from '../src/core/routing/quality/EldLanguageIdentifier';
import { TreeSitterSyntax } from '../src/core/routing/quality/TreeSitterSyntax';
import { KnownApis } from '../src/core/routing/quality/KnownApis';
import { validateQuality } from '../src/core/routing/quality/validateQuality';
import { canonicalLanguage } from '../src/core/languages';
import { splitAnswer } from '../src/core/routing/quality/splitAnswer';
import { timeChecks } from './quality/timeChecks';
import {
  DATA_DIR,
  pct,
  rates,
  readSplit,
  severities,
  trainSplits,
  blindSplitName,
  UNIT_WEIGHTS,
  type QualityRecord,
  type Severities,
} from './quality/qualityDataset';

// Read from data/ (not the compiled copy under out/, which may predate the last tuning run).
const TUNED_WEIGHTS = JSON.parse(fs.readFileSync(path.join(DATA_DIR, 'weights.json'), 'utf8')) as GateWeights;

const ITERATIONS = Number(process.env.JARVIS_BENCH_ITERATIONS ?? 300);

function table(title: string, records: QualityRecord[], sev: Severities[], key: (r: QualityRecord) => string | undefined): void {
  const groups = [...new Set(records.map(key).filter((k): k is string => k !== undefined))].sort();
  console.log(`\n| ${title} | bad | caught | good | escalated |\n| --- | ---: | ---: | ---: | ---: |`);
  for (const g of groups) {
    const r = rates(records, sev, TUNED_WEIGHTS, (x) => key(x) === g);
    console.log(
      `| ${g} | ${r.bad} | ${r.bad ? `${r.caught} (${pct(r.caught, r.bad)})` : '—'} | ${r.good} | ${r.good ? `${r.escalated} (${pct(r.escalated, r.good)})` : '—'} |`,
    );
  }
}

async function main(): Promise<void> {
  const syntax = new TreeSitterSyntax();
  const gate = new QualityGate({ weights: UNIT_WEIGHTS, syntax, naturalLanguage: () => EldLanguageIdentifier.load(), knownApis: () => KnownApis.load() });
  console.log(`Weights: ${JSON.stringify(TUNED_WEIGHTS.weights)}; threshold ${TUNED_WEIGHTS.threshold}.`);
  const train = trainSplits('train');
  const train2 = trainSplits('train-2');
  // Written by others after the rules were fixed, and measured once: its misses are not read to revise them.
  const blindName = blindSplitName();
  const blind = blindName && fs.existsSync(path.join(DATA_DIR, `${blindName}.jsonl`)) ? readSplit(blindName) : undefined;
  if (!blind) console.log('(No blind held-out file data/quality/heldout-N.jsonl (N ≥ 2): only the seen splits are measured.)');
  // [title, records, print the per-kind and per-language tables]
  const splits: Array<[string, QualityRecord[], boolean]> = [
    ['First held-out split (seen: not fitted on, but rules were revised after reading its misses)', readSplit('heldout'), true],
    ...(blind
      ? [[`BLIND held-out split (data/quality/${blindName}.jsonl, never seen while building the rules)`, blind, true] as [string, QualityRecord[], boolean]]
      : []),
    ['Dev split (a quarter of train.jsonl, not fitted on)', train.dev, false],
    ['train-2 dev split (a quarter of train-2.jsonl, the spent heldout-2: not fitted on, but its misses were read)', train2.dev, false],
    ['train-2 (all of it: the spent heldout-2, blind until session 20, tuned on since)', readSplit('train-2'), true],
    ['Training split (train.jsonl, fitted on)', train.fit, false],
    ['train-2 fitted part (three quarters of train-2.jsonl, fitted on)', train2.fit, false],
  ];
  for (const [title, records, detailed] of splits) {
    const sev = await severities(gate, records);
    const all = rates(records, sev, TUNED_WEIGHTS);
    console.log(`\n## ${title}: ${records.length} records`);
    console.log(
      `\nBad answers caught: **${all.caught}/${all.bad} (${pct(all.caught, all.bad)})**; good answers escalated: **${all.escalated}/${all.good} (${pct(all.escalated, all.good)})**. Targets: ≥ 90% caught, ≤ 5% escalated.`,
    );
    if (!detailed) continue;
    table('failure kind / good shape', records, sev, (r) => (r.label === 'bad' ? r.kind : `good: ${r.shape}`));
    table('natural language', records, sev, (r) => r.lang);
    table('requested language', records, sev, (r) => r.requested ?? '(none)');
  }

  // A 4 KB answer: prose and code in several languages, as a long local answer looks. Built from the
  // TRAINING split's long good answers (timing needs no held-out text).
  const longOnes = readSplit('train').filter((r) => r.shape === 'long');
  let answer = '';
  for (const r of longOnes) if (answer.length < 4096) answer += `${r.answer}\n\n`;
  answer = answer.slice(0, answer.lastIndexOf('\n', 4096));
  const question = longOnes[0].question;
  const warm = new QualityGate({ weights: TUNED_WEIGHTS, syntax, naturalLanguage: () => EldLanguageIdentifier.load(), knownApis: () => KnownApis.load() });
  await warm.assess({ question, answer }); // loads the grammars and the identifier
  const noParser = new QualityGate({ weights: TUNED_WEIGHTS, naturalLanguage: () => EldLanguageIdentifier.load(), knownApis: () => KnownApis.load() });
  await noParser.assess({ question, answer });
  // The blocks the syntax rule parses: not an unclosed last block (the basics rule reports the cut-off).
  const split = splitAnswer(answer);
  const blocks = split.blocks
    .slice(0, split.unclosed ? -1 : undefined)
    .map((b) => ({ language: canonicalLanguage(b.label), code: b.code }))
    .filter((b): b is { language: string; code: string } => b.language !== undefined && TreeSitterSyntax.supports(b.language));
  const timings = timeChecks(
    [
      { name: 'quality gate, all rules (tree-sitter warm)', run: () => warm.assessSync({ question, answer }) },
      { name: 'rules without the tree-sitter parse', run: () => noParser.assessSync({ question, answer }) },
      { name: `tree-sitter parse alone (${blocks.length} blocks)`, run: () => blocks.forEach((b) => syntax.check(b.language, b.code)) },
      { name: 'validateQuality alone (baseline: the original gate)', run: () => validateQuality(answer) },
    ],
    ITERATIONS,
  );
  const f = (ms: number) => ms.toFixed(3);
  console.log(`\n## Time on a ${(answer.length / 1024).toFixed(1)} KB answer (${ITERATIONS} interleaved runs each, parsers warm)\n`);
  console.log('| check | p50 ms | p95 ms | p99 ms | CPU p50 ms |\n| --- | ---: | ---: | ---: | ---: |');
  for (const t of timings) console.log(`| ${t.name} | ${f(t.p50)} | ${f(t.p95)} | ${f(t.p99)} | ${f(t.cpuP50)} |`);
  const [all, rules, , base] = timings;
  console.log(
    `\nGate p50 is ${(all.p50 / base.p50).toFixed(0)}× the baseline measured in this run (rules without the parse: ${(rules.p50 / base.p50).toFixed(0)}×). ` +
      `Target: rules < 2 ms with parsers warm — all rules p50 ${f(all.p50)} ms, p99 ${f(all.p99)} ms, CPU p50 ${f(all.cpuP50)} ms ` +
      `(wall time; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores during the run: on a loaded machine p99 is mostly waiting for a core).`,
  );
  const met = (ms: number) => (ms < 2 ? 'met' : 'NOT met');
  console.log(`
Rules-under-2 ms target (4 KB answer, parsers warm): p50 ${f(all.p50)} ms — ${met(all.p50)}; p99 ${f(all.p99)} ms — ${met(all.p99)}.`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
