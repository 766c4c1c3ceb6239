/**
 * The status bar's breakdown and savings come from the usage ledger for this month — the dashboard's
 * period and source — so the two show the same figures, and a reload (empty request history) changes neither.
 */
import { strict as assert } from 'node:assert';
import { FakeClock } from '../../fakes/FakeClock';
import { MemoryKv } from '../../fakes/MemoryKv';
import { DEFAULT_SETTINGS, type JarvisSettings } from '../../../src/core/config/settings';
import { costExtras, pricingFor, referenceCloudModel, type CostExtrasInputs } from '../../../src/core/observability/costExtras';
import { buildDashboardSnapshot } from '../../../src/core/observability/dashboard/buildDashboardSnapshot';
import { UsageLedger } from '../../../src/core/observability/dashboard/UsageLedger';
import { RequestHistory, type RequestSummary } from '../../../src/core/observability/RequestHistory';
import { formatCostStatus } from '../../../src/core/presentation/formatCostStatus';

// Overrides win over the price database and the table: the figures below do not move with either.
const SETTINGS: JarvisSettings = {
  ...DEFAULT_SETTINGS,
  pricing: { overrides: { 'gpt-4o': { input: 2.5, output: 10 }, 'gpt-4o-mini': { input: 0.15, output: 0.6 } } },
};
const SPEND = { todayUsd: 0, monthUsd: 0, dailyBudgetUsd: 0, monthlyBudgetUsd: 0, unknownCostCalls: 0, localShare: 0.5 };

type Answer = Omit<RequestSummary, 'at' | 'requestId'>;
const answer = (over: Partial<Answer> = {}): Answer => ({
  outcome: 'success',
  placement: 'cloud',
  kind: 'chat',
  tier: 'high',
  durationMs: 1,
  model: 'gpt-4o',
  tokensIn: 1_000_000,
  tokensOut: 0,
  costUsd: 2.5,
  ...over,
});

/** Last month's answer, then this month's: through a RequestHistory on a fake clock, the ledger fed by its event. */
function scenario(store = new MemoryKv(), offsetMinutes = 0) {
  const clock = new FakeClock(Date.parse('2026-11-30T12:00:00Z'));
  const history = new RequestHistory(clock);
  const ledger = new UsageLedger({ store, timezoneOffsetMinutes: () => offsetMinutes });
  history.onDidFinish((r) => ledger.record(r));
  let n = 0;
  const finish = (iso: string, a: Answer) => {
    clock.advance(Date.parse(iso) - clock.now());
    history.finish({ ...a, requestId: `r${++n}` });
  };
  finish('2026-11-30T12:00:00Z', answer({ costUsd: 9 })); // November: in neither figure
  finish('2026-12-03T09:00:00Z', answer());
  finish('2026-12-03T09:05:00Z', answer({ model: 'gpt-4o-mini', tokensIn: 1_000_000, costUsd: 0.15 }));
  finish('2026-12-14T10:00:00Z', answer({ placement: 'local', model: 'llama3', costUsd: 0, tokensIn: 0, tokensOut: 100_000 }));
  finish('2026-12-15T10:00:00Z', answer({ model: 'mystery-model', costUsd: undefined }));
  const inputs = (over: Partial<CostExtrasInputs> = {}): CostExtrasInputs => ({
    usage: ledger.snapshot(),
    now: clock.now(),
    timezoneOffsetMinutes: offsetMinutes,
    settings: SETTINGS,
    alerts: [],
    ...over,
  });
  return { clock, history, ledger, inputs };
}

describe('costExtras (the status bar tooltip)', () => {
  it('covers this month from the usage ledger: last month is out, local answers cost nothing, unpriced ones are counted', () => {
    const x = costExtras(scenario().inputs());
    assert.equal(x.period, 'this month');
    assert.deepEqual(x.byModel, [
      { model: 'gpt-4o', usd: 2.5, requests: 1, unknownCost: 0 },
      { model: 'gpt-4o-mini', usd: 0.15, requests: 1, unknownCost: 0 },
      { model: 'mystery-model', usd: 0, requests: 1, unknownCost: 1 },
    ]);
    // gpt-4o: $2.50 on gpt-4o; mini: $2.50 vs $0.15; llama3: $1.00 vs $0; mystery: no price, skipped.
    assert.ok(x.savings);
    assert.equal(x.savings.referenceModel, 'gpt-4o');
    assert.equal(x.savings.requests, 3);
    assert.equal(x.savings.skipped, 1);
    assert.ok(Math.abs(x.savings.baselineUsd - 6) < 1e-9, String(x.savings.baselineUsd));
    assert.ok(Math.abs(x.savings.savedUsd - 3.35) < 1e-9, String(x.savings.savedUsd));
  });

  it('agrees with the dashboard: the same models, dollars and savings for the same ledger and moment', () => {
    const { inputs, history } = scenario();
    const i = inputs();
    const x = costExtras(i);
    const d = buildDashboardSnapshot({
      now: i.now,
      timezoneOffsetMinutes: i.timezoneOffsetMinutes,
      requests: history.recent(),
      usage: i.usage,
      spend: SPEND,
      circuits: [],
      alerts: [],
      pricing: pricingFor(SETTINGS.pricing.overrides),
      priceOverrides: SETTINGS.pricing.overrides,
      referenceModel: referenceCloudModel(SETTINGS),
      localRatioTarget: 0.7,
    });
    assert.deepEqual(x.byModel, d.cost.month);
    assert.ok(d.savings);
    const { method, ...dashboardSavings } = d.savings;
    assert.ok(method.length > 0);
    assert.deepEqual(x.savings, dashboardSavings);
  });

  it('a window reload empties the request history but not the figures: a new ledger over the same store gives the same', async () => {
    const store = new MemoryKv();
    const before = scenario(store);
    const x = costExtras(before.inputs());
    await before.ledger.flushed();
    const reloaded = new UsageLedger({ store, timezoneOffsetMinutes: () => 0 });
    const fresh = new RequestHistory(new FakeClock(before.clock.now()));
    assert.equal(fresh.recent().length, 0);
    assert.deepEqual(costExtras(before.inputs({ usage: reloaded.snapshot() })), x);
  });

  it('the month turns over in the user’s time zone: at 23:30 UTC on 31 December it is already January at UTC+1', () => {
    const { inputs } = scenario();
    const late = Date.parse('2026-12-31T23:30:00Z');
    assert.equal(costExtras(inputs({ now: late, timezoneOffsetMinutes: 0 })).byModel?.length, 3);
    const january = costExtras(inputs({ now: late, timezoneOffsetMinutes: 60 }));
    assert.deepEqual(january.byModel, []);
    assert.equal(january.savings, undefined, 'nothing answered this month: no savings line (and no price is looked up)');
  });

  it('an empty ledger (a first activation): no breakdown, no savings, the alerts passed through', () => {
    const x = costExtras({ usage: [], now: Date.parse('2026-12-15T10:00:00Z'), timezoneOffsetMinutes: 0, settings: SETTINGS, alerts: ['Budget near'] });
    assert.deepEqual(x, { byModel: [], period: 'this month', alerts: ['Budget near'] });
  });

  it('the tooltip names the period on both figures, as the dashboard does ("Saved this month")', () => {
    const tooltip = formatCostStatus(SPEND, costExtras(scenario().inputs())).tooltip;
    assert.match(tooltip, /\*\*Cloud cost by model this month\*\*\n\n- gpt-4o: \$2\.50 \(1 answer\)\n- gpt-4o-mini: \$0\.15 \(1 answer\)\n/);
    assert.match(tooltip, /- mystery-model: \$0\.00 \(1 answer, 1 without a known price\)/);
    assert.match(tooltip, /\*\*Saved \$3\.35 this month\*\* against sending all 3 answers to gpt-4o \(\$6\.00 at its list price; they cost \$2\.65\)/);
    assert.doesNotMatch(tooltip, /since this window opened/);
  });
});
