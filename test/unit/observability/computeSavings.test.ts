import { strict as assert } from 'node:assert';
import { FakeClock } from '../../fakes/FakeClock';
import { DEFAULT_SETTINGS } from '../../../src/core/config/settings';
import { PricingTable } from '../../../src/core/llm/pricing/PricingTable';
import { computeSavings } from '../../../src/core/observability/computeSavings';
import { costExtras, referenceCloudModel } from '../../../src/core/observability/costExtras';
import { RequestHistory, type RequestSummary } from '../../../src/core/observability/RequestHistory';

const PRICES = { 'ref-model': { input: 2.5, output: 10 }, cheap: { input: 0.15, output: 0.6 } };

describe('computeSavings', () => {
  const pricing = new PricingTable({}, PRICES);
  let n = 0;
  const req = (over: Partial<RequestSummary>): RequestSummary => ({
    requestId: `r${++n}`,
    at: 0,
    outcome: 'success',
    placement: 'local',
    kind: 'chat',
    tier: 'low',
    durationMs: 1,
    ...over,
  });

  it('per request: its real tokens at the reference list price minus what it cost', () => {
    const s = computeSavings(
      [
        req({ tokensIn: 1_000_000, tokensOut: 0, costUsd: 0 }), // local: $2.50 saved
        req({ placement: 'cloud', model: 'cheap', tokensIn: 1_000_000, tokensOut: 1_000_000, costUsd: 0.75 }), // $12.50 vs $0.75
        req({ outcome: 'cached', tokensIn: 0, tokensOut: 100_000, costUsd: undefined }), // cached: $1.00 saved
        req({ outcome: 'error', placement: 'none' }), // not answered: ignored
        req({ placement: 'cloud', model: 'mystery', tokensIn: 10, tokensOut: 10, costUsd: undefined }), // unknown price: skipped
      ],
      pricing,
      'ref-model',
    );
    assert.ok(s);
    assert.equal(s.requests, 3);
    assert.equal(s.skipped, 1);
    assert.ok(Math.abs(s.baselineUsd - 16) < 1e-9, String(s.baselineUsd));
    assert.ok(Math.abs(s.actualUsd - 0.75) < 1e-9);
    assert.ok(Math.abs(s.savedUsd - 15.25) < 1e-9);
  });

  it('is undefined when the reference model has no known price', () => {
    assert.equal(computeSavings([req({ tokensIn: 1, tokensOut: 1, costUsd: 0 })], pricing, 'unknown-model'), undefined);
  });

  it('the reference is the first cloud candidate of the high tier; extras break cloud cost down by model', () => {
    assert.equal(referenceCloudModel(DEFAULT_SETTINGS), 'gpt-4o');
    const history = new RequestHistory(new FakeClock(0));
    history.finish({
      requestId: 'a',
      outcome: 'success',
      placement: 'cloud',
      kind: 'chat',
      tier: 'high',
      durationMs: 1,
      model: 'gpt-4o',
      tokensIn: 100,
      tokensOut: 100,
      costUsd: 0.00125,
    });
    history.finish({
      requestId: 'b',
      outcome: 'success',
      placement: 'local',
      kind: 'chat',
      tier: 'low',
      durationMs: 1,
      model: 'llama3',
      tokensIn: 100,
      tokensOut: 100,
      costUsd: 0,
    });
    const x = costExtras(history, DEFAULT_SETTINGS, ['budget near']);
    assert.deepEqual(x.byModel, [{ model: 'gpt-4o', usd: 0.00125, requests: 1 }]);
    assert.equal(x.savings?.requests, 2);
    assert.ok(x.savings && x.savings.savedUsd > 0);
    assert.deepEqual(x.alerts, ['budget near']);
  });
});
