/**
 * Quality gate benchmark. On the HELD-OUT split (data/quality/heldout.jsonl, never used for tuning)
 * and, for comparison, on the training split: share of bad answers caught and of good answers
 * escalated, per failure kind, per natural language and per requested programming language, with
 * the committed weights. Then the gate's time on a 4 KB answer with its parsers warm, against the
 * original validateQuality heuristic on the same answer, measured in the same run. Prints markdown;
 * never passes or fails.
 *
 *   npx tsc -p tsconfig.test.json && node out/bench/quality.bench.js
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { QualityGate, type GateWeights } from '../src/core/routing/quality/QualityGate';
import { EldLanguageIdentifier } from '../src/core/routing/quality/EldLanguageIdentifier';
import { TreeSitterSyntax } from '../src/core/routing/quality/TreeSitterSyntax';
import { validateQuality } from '../src/core/routing/quality/validateQuality';
import { DATA_DIR, pct, rates, readSplit, severities, UNIT_WEIGHTS, type QualityRecord, type Severities } from './quality/qualityDataset';

// Read from data/ (not the compiled copy under out/, which may predate the last tuning run).
const TUNED_WEIGHTS = JSON.parse(fs.readFileSync(path.join(DATA_DIR, 'weights.json'), 'utf8')) as GateWeights;

const ITERATIONS = 400;

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

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function time(fn: () => void): { p50: number; p99: number } {
  for (let i = 0; i < 50; i++) fn();
  const ms = new Float64Array(ITERATIONS);
  for (let i = 0; i < ITERATIONS; i++) {
    const t = process.hrtime.bigint();
    fn();
    ms[i] = Number(process.hrtime.bigint() - t) / 1e6;
  }
  ms.sort();
  return { p50: percentile(ms, 0.5), p99: percentile(ms, 0.99) };
}

async function main(): Promise<void> {
  const syntax = new TreeSitterSyntax();
  const gate = new QualityGate({ weights: UNIT_WEIGHTS, syntax, naturalLanguage: () => EldLanguageIdentifier.load() });
  console.log(`Weights: ${JSON.stringify(TUNED_WEIGHTS.weights)}; threshold ${TUNED_WEIGHTS.threshold}.`);
  for (const split of ['heldout', 'train'] as const) {
    const records = readSplit(split);
    const sev = await severities(gate, records);
    const all = rates(records, sev, TUNED_WEIGHTS);
    console.log(`\n## ${split === 'heldout' ? 'Held-out split (never tuned on)' : 'Training split (tuned on)'}: ${records.length} records`);
    console.log(
      `\nBad answers caught: **${all.caught}/${all.bad} (${pct(all.caught, all.bad)})**; good answers escalated: **${all.escalated}/${all.good} (${pct(all.escalated, all.good)})**. Targets: ≥ 90% caught, ≤ 5% escalated.`,
    );
    if (split === 'train') continue;
    table('failure kind / good shape', records, sev, (r) => (r.label === 'bad' ? r.kind : `good: ${r.shape}`));
    table('natural language', records, sev, (r) => r.lang);
    table('requested language', records, sev, (r) => r.requested ?? '(none)');
  }

  // A 4 KB answer: prose and code in three languages, as a long local answer looks.
  const heldout = readSplit('heldout').filter((r) => r.shape === 'long');
  let answer = '';
  for (const r of heldout) if (answer.length < 4096) answer += `${r.answer}\n\n`;
  answer = answer.slice(0, answer.lastIndexOf('\n', 4096));
  const question = heldout[0].question;
  const warm = new QualityGate({ weights: TUNED_WEIGHTS, syntax, naturalLanguage: () => EldLanguageIdentifier.load() });
  await warm.assess({ question, answer }); // loads the grammars and the identifier
  const gateTime = time(() => warm.assessSync({ question, answer }));
  const noParser = new QualityGate({ weights: TUNED_WEIGHTS, naturalLanguage: () => EldLanguageIdentifier.load() });
  await noParser.assess({ question, answer });
  const noParserTime = time(() => noParser.assessSync({ question, answer }));
  const baseTime = time(() => validateQuality(answer));
  console.log(`\n## Time on a ${(answer.length / 1024).toFixed(1)} KB answer (${ITERATIONS} runs, parsers warm)\n`);
  console.log('| check | p50 ms | p99 ms |\n| --- | ---: | ---: |');
  console.log(`| quality gate, all rules | ${gateTime.p50.toFixed(3)} | ${gateTime.p99.toFixed(3)} |`);
  console.log(`| quality gate without tree-sitter | ${noParserTime.p50.toFixed(3)} | ${noParserTime.p99.toFixed(3)} |`);
  console.log(`| validateQuality alone (baseline) | ${baseTime.p50.toFixed(3)} | ${baseTime.p99.toFixed(3)} |`);
  console.log(`\nGate p50 is ${(gateTime.p50 / baseTime.p50).toFixed(1)}× the baseline; target: rules < 2 ms with parsers warm.`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
