/**
 * Cost of recording one request into the metrics (two model-call records' worth of labels: the
 * call, the task, the request history) against a bare prom-client counter increment and a plain
 * number increment, interleaved in the same run; then the Prometheus exposition after 10,000 recorded
 * requests and the status bar's breakdown/savings over a usage ledger of 10,000 answers this month. Prints markdown; never fails on time.
 *   node out/bench/metrics.bench.js
 */
import { Counter, Registry } from 'prom-client';
import { FakeClock } from '../test/fakes/FakeClock';
import { DEFAULT_SETTINGS } from '../src/core/config/settings';
import { costExtras } from '../src/core/observability/costExtras';
import { UsageLedger } from '../src/core/observability/dashboard/UsageLedger';
import { MetricsCollector } from '../src/core/observability/MetricsCollector';
import { RequestHistory } from '../src/core/observability/RequestHistory';
import { percentileSorted } from '../test/harness/benchStats';

const N = 100_000;
const MODELS = [
  ['ollama', 'llama3', true],
  ['ollama', 'phi3', true],
  ['openai', 'gpt-4o-mini', false],
  ['openai', 'gpt-4o', false],
  ['anthropic', 'claude-sonnet-4-0', false],
] as const;

const us = (ns: number) => `${(ns / 1000).toFixed(2)} µs`;

async function main(): Promise<void> {
  const clock = new FakeClock(Date.UTC(2026, 11, 1));
  const metrics = new MetricsCollector({
    localShare: () => 0.8,
    circuits: () => [],
    budget: () => ({ dayUsd: 0.42, monthUsd: 3, dailyCapUsd: 5, monthlyCapUsd: 50 }),
  });
  const history = new RequestHistory(clock);
  const bareRegistry = new Registry();
  const bare = new Counter({ name: 'bare_total', help: 'bare', registers: [bareRegistry] });
  let plain = 0;
  const record = (i: number) => {
    const [provider, model, local] = MODELS[i % MODELS.length];
    const usage = { inputTokens: 100 + (i % 50), outputTokens: 200 + (i % 70) };
    const costUsd = local ? 0 : 0.001;
    metrics.recordCall({ provider, model, local, success: i % 20 !== 0, latencyMs: 300 + (i % 900), ttftMs: 50 + (i % 200), usage, costUsd });
    metrics.recordTask({
      outcome: i % 20 === 0 ? 'error' : 'success',
      placement: local ? 'local' : 'cloud',
      kind: 'chat',
      durationMs: 350 + (i % 900),
      errorCategory: 'network',
    });
    history.finish({
      requestId: `r${i}`,
      outcome: 'success',
      placement: local ? 'local' : 'cloud',
      kind: 'chat',
      tier: 'medium',
      durationMs: 350,
      model,
      provider,
      tokensIn: usage.inputTokens,
      tokensOut: usage.outputTokens,
      costUsd,
    });
  };
  // Warm-up, then interleave the three so load on the machine hits them alike.
  for (let i = 0; i < 5000; i++) record(i);
  const a: number[] = [];
  const b: number[] = [];
  const c: number[] = [];
  for (let i = 0; i < N; i++) {
    let t = process.hrtime.bigint();
    record(i);
    a.push(Number(process.hrtime.bigint() - t));
    t = process.hrtime.bigint();
    bare.inc();
    b.push(Number(process.hrtime.bigint() - t));
    t = process.hrtime.bigint();
    plain++;
    c.push(Number(process.hrtime.bigint() - t));
  }
  for (const xs of [a, b, c]) xs.sort((x, y) => x - y);
  console.log(`## Metrics (${N.toLocaleString('en')} requests, interleaved)\n`);
  console.log('| operation | p50 | p99 |');
  console.log('| --- | --- | --- |');
  console.log(`| record one request (call + task + history) | ${us(percentileSorted(a, 50))} | ${us(percentileSorted(a, 99))} |`);
  console.log(`| bare prom-client counter inc() | ${us(percentileSorted(b, 50))} | ${us(percentileSorted(b, 99))} |`);
  console.log(`| plain number ++ (timer floor) | ${us(percentileSorted(c, 50))} | ${us(percentileSorted(c, 99))} |`);

  const fresh = new MetricsCollector({
    localShare: () => 0.8,
    circuits: () => [],
    budget: () => ({ dayUsd: 0, monthUsd: 0, dailyCapUsd: 5, monthlyCapUsd: 50 }),
  });
  for (let i = 0; i < 10_000; i++) {
    const [provider, model, local] = MODELS[i % MODELS.length];
    fresh.recordCall({
      provider,
      model,
      local,
      success: true,
      latencyMs: 400,
      ttftMs: 80,
      usage: { inputTokens: 100, outputTokens: 200 },
      costUsd: local ? 0 : 0.001,
    });
    fresh.recordTask({ outcome: 'success', placement: local ? 'local' : 'cloud', kind: 'chat', durationMs: 450 });
  }
  // The status bar reads this month of the usage ledger: 10,000 answers over December's 31 days.
  const ledger = new UsageLedger({ store: { get: () => undefined, update: async () => undefined }, timezoneOffsetMinutes: () => 0 });
  const december = Date.UTC(2026, 11, 1);
  const step = Math.floor((31 * 86_400_000) / 10_000);
  for (let i = 0; i < 10_000; i++) {
    const [provider, model, local] = MODELS[i % MODELS.length];
    ledger.record({
      requestId: `l${i}`,
      at: december + i * step,
      outcome: 'success',
      placement: local ? 'local' : 'cloud',
      kind: 'chat',
      tier: 'medium',
      durationMs: 350,
      model,
      provider,
      tokensIn: 100,
      tokensOut: 200,
      costUsd: local ? 0 : 0.001,
    });
  }
  const now = Date.UTC(2026, 11, 31, 23);
  const expo: number[] = [];
  const extras: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 50; i++) {
    let t = process.hrtime.bigint();
    bytes = (await fresh.prometheus()).length;
    expo.push(Number(process.hrtime.bigint() - t));
    t = process.hrtime.bigint();
    costExtras({ usage: ledger.snapshot(), now, timezoneOffsetMinutes: 0, settings: DEFAULT_SETTINGS, alerts: [] });
    extras.push(Number(process.hrtime.bigint() - t));
  }
  expo.sort((x, y) => x - y);
  extras.sort((x, y) => x - y);
  console.log(`\n## After 10,000 recorded requests\n`);
  console.log('| operation | p50 | p99 |');
  console.log('| --- | --- | --- |');
  console.log(`| Prometheus exposition (${(bytes / 1024).toFixed(1)} KB) | ${us(percentileSorted(expo, 50))} | ${us(percentileSorted(expo, 99))} |`);
  console.log(
    `| status bar breakdown + savings (this month: ${ledger.snapshot().length} ledger days, 10,000 answers) | ${us(percentileSorted(extras, 50))} | ${us(percentileSorted(extras, 99))} |`,
  );
  if (plain < 0) console.log(plain);
}

void main();
