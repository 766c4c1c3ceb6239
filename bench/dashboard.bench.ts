/**
 * Dashboard snapshot build time at 10,000 recorded requests, against two baselines measured
 * interleaved in the same run: copying the history (the least any snapshot must do) and the status
 * bar's breakdown + savings over this month of the same usage ledger (costExtras, which runs after every
 * recorded call).
 * Twice: with the history's default capacity (the last 1,000 kept; the usage ledger has all 10,000)
 * and with all 10,000 kept. Also the size of the posted message. Prints markdown; never fails on time.
 *   node out/bench/dashboard.bench.js      (npm run bench dashboard)
 */
import { FakeClock } from '../test/fakes/FakeClock';
import { DEFAULT_SETTINGS } from '../src/core/config/settings';
import { PricingTable } from '../src/core/llm/pricing/PricingTable';
import { costExtras, referenceCloudModel } from '../src/core/observability/costExtras';
import { buildDashboardSnapshot } from '../src/core/observability/dashboard/buildDashboardSnapshot';
import { UsageLedger } from '../src/core/observability/dashboard/UsageLedger';
import { RequestHistory } from '../src/core/observability/RequestHistory';
import type { KeyValueStore } from '../src/core/ports';
import { percentileSorted } from '../test/harness/benchStats';

const REQUESTS = 10_000;
const ROUNDS = 200;
const MODELS = [
  ['llama3', 'local'],
  ['phi3', 'local'],
  ['gpt-4o-mini', 'cloud'],
  ['gpt-4o', 'cloud'],
  ['claude-sonnet-4-0', 'cloud'],
] as const;

const nullStore: KeyValueStore = { get: () => undefined, update: async () => undefined };
const msText = (ns: number) => `${(ns / 1e6).toFixed(3)} ms`;

function measure(capacity: number | undefined): void {
  // 10,000 requests spread over 30 days, newest now: every chart bucket and ledger day has data.
  const start = Date.UTC(2026, 10, 15);
  const clock = new FakeClock(start);
  const history = new RequestHistory(clock, capacity);
  const ledger = new UsageLedger({ store: nullStore, timezoneOffsetMinutes: () => 0 });
  history.onDidFinish((r) => ledger.record(r));
  const step = Math.floor((30 * 86_400_000) / REQUESTS);
  for (let i = 0; i < REQUESTS; i++) {
    clock.advance(step);
    const [model, placement] = MODELS[i % MODELS.length];
    const failed = i % 25 === 0;
    history.finish({
      requestId: `r${i.toString(16).padStart(8, '0')}`,
      outcome: failed ? 'error' : i % 11 === 0 ? 'cached' : 'success',
      placement: failed ? 'none' : placement,
      kind: 'chat',
      tier: ['trivial', 'low', 'medium', 'high', 'critical'][i % 5],
      durationMs: 200 + ((i * 37) % 5000),
      ...(failed
        ? { errorCategory: ['network', 'timeout', 'rate_limit'][i % 3] }
        : {
            model,
            tokensIn: 100 + (i % 900),
            tokensOut: 50 + (i % 400),
            costUsd: placement === 'local' ? 0 : 0.001 + (i % 7) / 1000,
            ttftMs: 50 + (i % 700),
            reason: `${placement} because of tier and share`,
          }),
      cache: i % 11 === 0 ? 'hit' : 'miss',
      ...(i % 40 === 1 ? { escalation: 'local answer scored 0.42 < 0.70 → escalated to gpt-4o' } : {}),
    });
  }
  const settings = DEFAULT_SETTINGS;
  const pricing = new PricingTable(settings.pricing.overrides);
  const inputs = () => ({
    now: clock.now(),
    timezoneOffsetMinutes: 0,
    requests: history.recent(),
    usage: ledger.snapshot(),
    spend: { todayUsd: 0.42, monthUsd: 12.3, dailyBudgetUsd: 5, monthlyBudgetUsd: 50, unknownCostCalls: 0, localShare: 0.8 },
    circuits: [{ key: 'openai', state: 'closed' as const }],
    alerts: [],
    pricing,
    priceOverrides: settings.pricing.overrides,
    referenceModel: referenceCloudModel(settings),
    localRatioTarget: settings.routing.localRatio,
  });
  const build: number[] = [];
  const copy: number[] = [];
  const status: number[] = [];
  const serialise: number[] = [];
  let bytes = 0;
  let sink = 0;
  for (let i = 0; i < 20; i++) sink += buildDashboardSnapshot(inputs()).recent.length; // warm-up
  for (let i = 0; i < ROUNDS; i++) {
    let t = process.hrtime.bigint();
    const s = buildDashboardSnapshot(inputs());
    build.push(Number(process.hrtime.bigint() - t));
    t = process.hrtime.bigint();
    const json = JSON.stringify({ type: 'snapshot', snapshot: s });
    serialise.push(Number(process.hrtime.bigint() - t));
    bytes = json.length;
    t = process.hrtime.bigint();
    sink += history.recent().length;
    copy.push(Number(process.hrtime.bigint() - t));
    t = process.hrtime.bigint();
    // As the status bar reads it after every recorded call: this month of the ledger (a copy of its days).
    sink += costExtras({ usage: ledger.snapshot(), now: clock.now(), timezoneOffsetMinutes: 0, settings, alerts: [] }).byModel?.length ?? 0;
    status.push(Number(process.hrtime.bigint() - t));
  }
  for (const xs of [build, copy, status, serialise]) xs.sort((a, b) => a - b);
  const row = (name: string, xs: number[]) =>
    `| ${name} | ${msText(percentileSorted(xs, 50))} | ${msText(percentileSorted(xs, 95))} | ${msText(percentileSorted(xs, 99))} | ${(percentileSorted(xs, 50) / percentileSorted(status, 50)).toFixed(2)}× |`;
  console.log(
    `## Dashboard snapshot: ${REQUESTS.toLocaleString('en')} recorded, ${history.recent().length.toLocaleString('en')} kept in the history${capacity ? '' : ' (default capacity)'}, ${ledger.snapshot().length} ledger days, ${ROUNDS} rounds interleaved\n`,
  );
  console.log('| operation | p50 | p95 | p99 | p50 vs status bar |');
  console.log('| --- | --- | --- | --- | --- |');
  console.log(row('buildDashboardSnapshot', build));
  console.log(row('JSON of the posted message', serialise));
  console.log(row('baseline: copy the history (history.recent())', copy));
  console.log(row('baseline: status bar breakdown + savings, this month of the ledger (costExtras)', status));
  console.log(`\nPosted message: ${(bytes / 1024).toFixed(1)} KB (50 last requests, 24 hourly buckets, ${ledger.snapshot().length} days).`);
  if (sink < 0) console.log(sink);
}

measure(undefined);
console.log('');
measure(REQUESTS);
