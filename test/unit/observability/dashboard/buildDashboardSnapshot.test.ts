import { strict as assert } from 'node:assert';
import { FakeClock } from '../../../fakes/FakeClock';
import { PricingTable } from '../../../../src/core/llm/pricing/PricingTable';
import { buildDashboardSnapshot, percentile, type DashboardInputs } from '../../../../src/core/observability/dashboard/buildDashboardSnapshot';
import { UsageLedger } from '../../../../src/core/observability/dashboard/UsageLedger';
import { RequestHistory, type RequestSummary } from '../../../../src/core/observability/RequestHistory';
import { SAVINGS_METHOD } from '../../../../src/core/observability/computeSavings';
import { PRICES_TAKEN_ON } from '../../../../src/core/llm/pricing/defaultPrices';
import { MemoryKv } from '../../../fakes/MemoryKv';

const MIN = 60_000;
const NOW = Date.parse('2026-12-15T10:05:00Z');
const PRICES = { 'gpt-4o': { input: 2.5, output: 10 } };
const near = (actual: number | undefined, expected: number, what: string) =>
  assert.ok(actual !== undefined && Math.abs(actual - expected) < 1e-9, `${what}: ${actual} ≠ ${expected}`);

type Req = Omit<RequestSummary, 'at'>;
const local = (id: string, over: Partial<Req> = {}): Req => ({
  requestId: id,
  outcome: 'success',
  placement: 'local',
  kind: 'chat',
  tier: 'low',
  durationMs: 800,
  model: 'llama3',
  tokensIn: 1000,
  tokensOut: 500,
  costUsd: 0,
  ...over,
});
const cloud = (id: string, over: Partial<Req> = {}): Req => local(id, { placement: 'cloud', tier: 'high', model: 'gpt-4o', ...over });

/** A known sequence: requests recorded through RequestHistory on a fake clock, the ledger fed by its event. */
function scenario(): { inputs: DashboardInputs; history: RequestHistory; ledger: UsageLedger } {
  const clock = new FakeClock(Date.parse('2026-11-30T12:00:00Z'));
  const history = new RequestHistory(clock);
  const ledger = new UsageLedger({ store: new MemoryKv(), timezoneOffsetMinutes: () => 0 });
  history.onDidFinish((r) => ledger.record(r));
  const at = (iso: string) => clock.advance(Date.parse(iso) - clock.now());
  // Last month (not in "this month") and earlier this month (in it, not "today").
  history.finish(cloud('nov', { tokensIn: 1_000_000, tokensOut: 0, costUsd: 2.5 }));
  at('2026-12-10T12:00:00Z');
  history.finish(cloud('dec10-cloud', { tokensIn: 1_000_000, tokensOut: 0, costUsd: 2.5 }));
  history.finish(local('dec10-local', { tokensIn: 1_000_000, tokensOut: 0 }));
  at('2026-12-15T08:10:00Z');
  history.finish(local('r7', { tokensIn: 100, tokensOut: 100, durationMs: 1200 }));
  at('2026-12-15T10:00:00Z');
  history.finish(local('r1', { ttftMs: 100, cache: 'miss', reason: 'low tier → local' }));
  clock.advance(MIN);
  history.finish(cloud('r2', { tokensIn: 2000, tokensOut: 1000, costUsd: 0.015, durationMs: 3000, ttftMs: 400, cache: 'miss', reason: 'high tier → cloud' }));
  clock.advance(MIN);
  history.finish(local('r3', { outcome: 'cached', durationMs: 5, cache: 'hit' }));
  clock.advance(MIN);
  history.finish({
    requestId: 'r4',
    outcome: 'error',
    placement: 'none',
    kind: 'chat',
    tier: 'medium',
    durationMs: 50,
    errorCategory: 'network',
    cache: 'miss',
  });
  clock.advance(MIN);
  const why = 'local answer scored 0.42 < 0.70 → escalated to gpt-4o';
  history.finish(cloud('r5', { tokensIn: 1000, tokensOut: 1000, costUsd: 0.0125, durationMs: 5000, ttftMs: 600, cache: 'miss', escalation: why }));
  history.finish({ requestId: 'r6', outcome: 'cancelled', placement: 'none', kind: 'chat', tier: 'low', durationMs: 10 });
  history.finish(cloud('r8', { model: 'mystery-model', tokensIn: 10, tokensOut: 10, costUsd: undefined, durationMs: 900 }));
  assert.equal(clock.now(), NOW - MIN);
  clock.advance(MIN);
  const inputs: DashboardInputs = {
    now: clock.now(),
    timezoneOffsetMinutes: 0,
    // The window opened today: the history holds today's requests only.
    requests: history.recent().filter((r) => r.at >= Date.parse('2026-12-15T00:00:00Z')),
    usage: ledger.snapshot(),
    spend: { todayUsd: 0.0275, monthUsd: 2.5275, dailyBudgetUsd: 1, monthlyBudgetUsd: 0, unknownCostCalls: 1, localShare: 0.6 },
    circuits: [{ key: 'openai', state: 'half-open' }],
    alerts: [
      { id: 'high-error-rate-1', rule: 'high-error-rate', severity: 'warning', message: 'Error rate 14% over 5 min', firedAt: NOW - MIN, acknowledged: false },
      { id: 'budget-2', rule: 'budget', severity: 'warning', message: 'acknowledged one', firedAt: NOW - 2 * MIN, acknowledged: true },
    ],
    pricing: new PricingTable({}, PRICES),
    priceOverrides: {},
    referenceModel: 'gpt-4o',
    localRatioTarget: 0.8,
    recentLimit: 3,
  };
  return { inputs, history, ledger };
}

describe('buildDashboardSnapshot', () => {
  it('cost today and this month by model, from the usage ledger (last month left out)', () => {
    const s = buildDashboardSnapshot(scenario().inputs);
    assert.equal(s.empty, false);
    assert.equal(s.cost.todayUsd, 0.0275);
    assert.equal(s.cost.monthUsd, 2.5275);
    assert.deepEqual(
      s.cost.today.map((m) => [m.model, m.requests, m.unknownCost]),
      [
        ['gpt-4o', 2, 0],
        ['mystery-model', 1, 1],
      ],
    );
    near(s.cost.today[0].usd, 0.0275, 'gpt-4o today');
    assert.equal(s.cost.month[0].model, 'gpt-4o');
    assert.equal(s.cost.month[0].requests, 3, 'Dec 10 + two today; Nov 30 is last month');
    near(s.cost.month[0].usd, 2.5275, 'gpt-4o this month');
  });

  it('savings this month: each answer’s real tokens at the reference list price, minus what it cost', () => {
    const sv = buildDashboardSnapshot(scenario().inputs).savings;
    assert.ok(sv);
    // Baselines: r1 0.0075, r2 0.015, r3 (cached) 0.0075, r5 0.0125, r7 0.00125, Dec 10 cloud 2.5 and local 2.5.
    near(sv.baselineUsd, 5.04375, 'baseline');
    near(sv.actualUsd, 2.5275, 'actual');
    near(sv.savedUsd, 2.51625, 'saved');
    assert.equal(sv.requests, 7);
    assert.equal(sv.skipped, 1, 'the unknown-price answer is left out of both sums');
    assert.equal(sv.referenceModel, 'gpt-4o');
    assert.equal(sv.method, SAVINGS_METHOD);
  });

  it('no savings figure when the reference model has no known price', () => {
    const { inputs } = scenario();
    assert.equal(buildDashboardSnapshot({ ...inputs, referenceModel: 'unpriced-model' }).savings, undefined);
    assert.equal(buildDashboardSnapshot({ ...inputs, referenceModel: undefined }).savings, undefined);
  });

  it('local share per hour over 24 hours against the target, and per day from the ledger', () => {
    const s = buildDashboardSnapshot(scenario().inputs);
    assert.equal(s.share.hourly.length, 24);
    assert.equal(s.share.hourly[23].at, Date.parse('2026-12-15T10:00:00Z'));
    assert.deepEqual(s.share.hourly[23], { at: Date.parse('2026-12-15T10:00:00Z'), local: 2, cloud: 3, share: 0.4 });
    assert.deepEqual(s.share.hourly[21], { at: Date.parse('2026-12-15T08:00:00Z'), local: 1, cloud: 0, share: 1 });
    assert.equal(s.share.hourly[22].share, undefined, 'an hour without answers has no share');
    assert.equal(s.share.target, 0.8);
    assert.equal(s.share.current, 0.6);
    assert.deepEqual(
      s.share.daily.map((d) => [d.day, d.local, d.cloud]),
      [
        ['2026-11-30', 0, 1],
        ['2026-12-10', 1, 1],
        ['2026-12-15', 3, 3],
      ],
    );
    near(s.share.daily[2].cloudUsd, 0.0275, 'cloud $ today');
  });

  it('latency p50/p95/p99 and TTFT per model, from successful answers only (cached ones would hide the model)', () => {
    const s = buildDashboardSnapshot(scenario().inputs);
    assert.deepEqual(
      s.latency.map((l) => [l.model, l.placement, l.requests, l.p50Ms, l.p95Ms, l.p99Ms, l.ttftP50Ms, l.ttftP95Ms]),
      [
        ['gpt-4o', 'cloud', 2, 3000, 5000, 5000, 400, 600],
        ['llama3', 'local', 2, 800, 1200, 1200, 100, 100],
        ['mystery-model', 'cloud', 1, 900, 900, 900, undefined, undefined],
      ],
    );
  });

  it('cache hit rate, error rate by category (cancelled requests not counted), escalations and why', () => {
    const s = buildDashboardSnapshot(scenario().inputs);
    assert.deepEqual(s.cache, { hits: 1, misses: 4, hitRate: 0.2 });
    assert.equal(s.errors.total, 1);
    near(s.errors.rate, 1 / 7, 'error rate');
    assert.deepEqual(s.errors.byCategory, [{ category: 'network', count: 1 }]);
    assert.equal(s.escalations.count, 1);
    assert.deepEqual(s.escalations.recent, [{ at: NOW - MIN, requestId: 'r5', model: 'gpt-4o', why: 'local answer scored 0.42 < 0.70 → escalated to gpt-4o' }]);
  });

  it('circuits, budget left, unacknowledged alerts only', () => {
    const s = buildDashboardSnapshot(scenario().inputs);
    assert.deepEqual(s.circuits, [{ key: 'openai', state: 'half-open' }]);
    assert.deepEqual(s.budget, { daily: { capUsd: 1, spentUsd: 0.0275, leftUsd: 0.9725 } });
    assert.deepEqual(
      s.alerts.map((a) => a.id),
      ['high-error-rate-1'],
    );
  });

  it('the last N requests, newest first; cloud answers carry the egress-ledger link, others not', () => {
    const s = buildDashboardSnapshot(scenario().inputs);
    assert.deepEqual(
      s.recent.map((r) => [r.requestId, r.placement, r.outcome, r.audited]),
      [
        ['r8', 'cloud', 'success', true],
        ['r6', 'none', 'cancelled', false],
        ['r5', 'cloud', 'success', true],
      ],
    );
    assert.equal(s.recent[0].costUsd, undefined, 'an unknown price stays unknown');
    assert.equal(s.recent[2].escalation, 'local answer scored 0.42 < 0.70 → escalated to gpt-4o');
    assert.equal(s.recent[2].tokensIn, 1000);
    assert.equal(s.requestsInHistory, 8);
    const all = buildDashboardSnapshot({ ...scenario().inputs, recentLimit: 50 });
    const r2 = all.recent.find((r) => r.requestId === 'r2');
    assert.equal(r2?.reason, 'high tier → cloud');
    assert.equal(all.recent.find((r) => r.requestId === 'r3')?.audited, false, 'a cached answer sent nothing');
  });

  it('names where each price came from: overrides, the price database, the dated table', () => {
    const { inputs } = scenario();
    const table = buildDashboardSnapshot(inputs).pricing;
    assert.deepEqual(table, {
      takenOn: PRICES_TAKEN_ON,
      overridden: [],
      reference: { model: 'gpt-4o', input: 2.5, output: 10, from: 'table', source: `built-in table (${PRICES_TAKEN_ON})` },
      models: [
        { model: 'gpt-4o', input: 2.5, output: 10, from: 'table', source: `built-in table (${PRICES_TAKEN_ON})` },
        { model: 'mystery-model', from: 'unknown', source: 'no known price (add it in jarvis.pricing.overrides)' },
      ],
    });
    const catalog = {
      source: 'price-db 2 (published 2026-11-01)',
      priceOf: (m: string) => (m === 'gpt-4o' ? { id: 'gpt-4o-2024-11-20', input: 2.4, output: 9.6 } : undefined),
    };
    const fromDb = buildDashboardSnapshot({ ...inputs, pricing: new PricingTable({}, PRICES, catalog) }).pricing;
    assert.equal(fromDb.catalog, 'price-db 2 (published 2026-11-01)');
    assert.deepEqual(fromDb.reference, {
      model: 'gpt-4o',
      input: 2.4,
      output: 9.6,
      from: 'catalog',
      source: 'price-db 2 (published 2026-11-01) as gpt-4o-2024-11-20',
    });
    const overrides = { 'gpt-4o': { input: 3, output: 12 } };
    const over = buildDashboardSnapshot({ ...inputs, pricing: new PricingTable(overrides, PRICES, catalog), priceOverrides: overrides }).pricing;
    assert.deepEqual(over.reference, { model: 'gpt-4o', input: 3, output: 12, from: 'override', source: 'jarvis.pricing.overrides' });
    assert.deepEqual(over.overridden, ['gpt-4o']);
  });

  it('carries the model lists and the unlisted-model warnings as worded for the status page (absent when not given)', () => {
    const { inputs } = scenario();
    assert.equal(buildDashboardSnapshot(inputs).cloudModels, undefined);
    const cloudModels = {
      lists: ['OpenAI: 2 chat models, fetched 1 Dec 2026, 12:00 (just now)'],
      unlisted: ['OpenAI no longer lists gpt-4o (used in the high tier; …).'],
    };
    assert.deepEqual(buildDashboardSnapshot({ ...inputs, cloudModels }).cloudModels, cloudModels);
    assert.equal(JSON.parse(JSON.stringify(buildDashboardSnapshot({ ...inputs, cloudModels }))).cloudModels.unlisted.length, 1);
  });

  it('empty: nothing recorded and no ledger → the page shows how to start; no rate is invented', () => {
    const { inputs } = scenario();
    const s = buildDashboardSnapshot({ ...inputs, requests: [], usage: [], alerts: [] });
    assert.equal(s.empty, true);
    assert.equal(s.cache.hitRate, undefined);
    assert.equal(s.errors.rate, undefined);
    assert.deepEqual(s.recent, []);
    assert.deepEqual(s.latency, []);
    assert.ok(s.share.hourly.every((h) => h.share === undefined));
    assert.equal(s.savings?.requests, 0);
    // Still JSON-safe: it is posted to the page as it is.
    assert.deepEqual(JSON.parse(JSON.stringify(s)), s);
  });

  it('is a pure function: same inputs, same snapshot; JSON round-trips unchanged', () => {
    const { inputs } = scenario();
    const a = buildDashboardSnapshot(inputs);
    assert.deepEqual(buildDashboardSnapshot(inputs), a);
    assert.deepEqual(JSON.parse(JSON.stringify(a)), a);
  });

  it('nearest-rank percentiles are values that happened', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    assert.equal(percentile(xs, 0.5), 50);
    assert.equal(percentile(xs, 0.95), 95);
    assert.equal(percentile(xs, 0.99), 99);
    assert.equal(percentile([7], 0.99), 7);
    assert.equal(percentile([], 0.5), 0);
  });
});
