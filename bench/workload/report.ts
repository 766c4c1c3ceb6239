/** Markdown tables for the workload bench: the seed's rows, side by side for every run. */
import type { RunSummary } from './metrics';

export interface LabelledRun {
  label: string;
  summary: RunSummary;
}

const SEED = {
  cost: ['$1.00', '$0.25'],
  mean: ['5.2 s', '2.1 s'],
  p95: ['—', '< 1 s (with caching)'],
  cache: ['0%', '78%'],
  errors: ['12%', '2%'],
  throughput: ['10/min', '45/min'],
  local: ['—', '80%'],
  escalations: ['—', '—'],
  good: ['—', '—'],
  localVsCloud: ['—', '1.8 s vs 3.5 s'],
};

const s = (ms: number | undefined) => (ms === undefined || Number.isNaN(ms) ? '—' : `${(ms / 1000).toFixed(1)} s`);
const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

export function seedTable(runs: LabelledRun[]): string {
  const rows: [string, keyof typeof SEED, (r: RunSummary) => string][] = [
    ['Cost per workload run', 'cost', (r) => `$${r.costUsd.toFixed(2)}`],
    ['Response time, mean', 'mean', (r) => s(r.meanMs)],
    ['Response time, p95', 'p95', (r) => s(r.p95Ms)],
    ['Cache hit rate', 'cache', (r) => pct(r.cacheHitRate)],
    ['Error rate the user sees', 'errors', (r) => pct(r.errorRate)],
    ['Throughput (fixed concurrency)', 'throughput', (r) => `${r.throughputPerMin.toFixed(1)}/min`],
    ['Local share (of model answers)', 'local', (r) => pct(r.localShare)],
    ['Escalations', 'escalations', (r) => String(r.escalations)],
    ['Answers good enough (of all requests)', 'good', (r) => pct(r.goodShare)],
    ['Mean time, local vs cloud answers', 'localVsCloud', (r) => `${s(r.localMeanMs)} vs ${s(r.cloudMeanMs)}`],
  ];
  const head = `| Metric | Seed before | Seed after | ${runs.map((r) => r.label).join(' | ')} |`;
  const sep = `|${' --- |'.repeat(3 + runs.length)}`;
  const body = rows.map(([name, key, f]) => `| ${name} | ${SEED[key][0]} | ${SEED[key][1]} | ${runs.map((r) => f(r.summary)).join(' | ')} |`);
  return [head, sep, ...body].join('\n');
}
