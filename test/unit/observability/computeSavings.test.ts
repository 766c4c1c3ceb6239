import { strict as assert } from 'node:assert';
import { DEFAULT_SETTINGS } from '../../../src/core/config/settings';
import { PricingTable } from '../../../src/core/llm/pricing/PricingTable';
import { computeSavings } from '../../../src/core/observability/computeSavings';
import { referenceCloudModel } from '../../../src/core/observability/costExtras';
import type { UsageDay, UsageEntry } from '../../../src/core/observability/dashboard/UsageLedger';

const PRICES = { 'ref-model': { input: 2.5, output: 10 }, cheap: { input: 0.15, output: 0.6 } };
const entry = (over: Partial<UsageEntry>): UsageEntry => ({
  model: 'llama3',
  placement: 'local',
  answers: 1,
  usd: 0,
  tokensIn: 0,
  tokensOut: 0,
  unpriced: 0,
  ...over,
});

describe('computeSavings', () => {
  const pricing = new PricingTable({}, PRICES);

  it('per ledger entry: its summed real tokens at the reference list price minus what it cost', () => {
    const days: UsageDay[] = [
      { day: '2026-12-01', entries: [entry({ tokensIn: 1_000_000 })] }, // local: $2.50 saved
      {
        day: '2026-12-02',
        entries: [
          entry({ placement: 'cloud', model: 'cheap', tokensIn: 1_000_000, tokensOut: 1_000_000, usd: 0.75 }), // $12.50 vs $0.75
          entry({ answers: 3, tokensOut: 100_000, unpriced: 1 }), // 2 priced answers ($1.00 saved), 1 without a price
        ],
      },
    ];
    const s = computeSavings(days, pricing, 'ref-model');
    assert.ok(s);
    assert.equal(s.requests, 4);
    assert.equal(s.skipped, 1);
    assert.ok(Math.abs(s.baselineUsd - 16) < 1e-9, String(s.baselineUsd));
    assert.ok(Math.abs(s.actualUsd - 0.75) < 1e-9);
    assert.ok(Math.abs(s.savedUsd - 15.25) < 1e-9);
  });

  it('no days: zero savings of zero answers (the dashboard card shows $0.00, not an invented figure)', () => {
    assert.deepEqual(computeSavings([], pricing, 'ref-model'), {
      referenceModel: 'ref-model',
      baselineUsd: 0,
      actualUsd: 0,
      savedUsd: 0,
      requests: 0,
      skipped: 0,
    });
  });

  it('is undefined when the reference model has no known price', () => {
    assert.equal(computeSavings([{ day: '2026-12-01', entries: [entry({ tokensIn: 1 })] }], pricing, 'unknown-model'), undefined);
  });

  it('the reference is the first cloud candidate of the high tier', () => {
    assert.equal(referenceCloudModel(DEFAULT_SETTINGS), 'gpt-4o');
    const tiers = { ...DEFAULT_SETTINGS.routing.tiers, high: ['ollama:llama3'], critical: ['anthropic:claude-opus-4-1'] };
    assert.equal(referenceCloudModel({ ...DEFAULT_SETTINGS, routing: { ...DEFAULT_SETTINGS.routing, tiers } }), 'claude-opus-4-1');
  });
});
