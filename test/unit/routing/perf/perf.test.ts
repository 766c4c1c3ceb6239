import * as assert from 'node:assert/strict';
import { FakeClock } from '../../../fakes/FakeClock';
import { isJarvisError } from '../../../../src/common/errors';
import { LatencyRing } from '../../../../src/core/routing/perf/LatencyRing';
import { PerformanceTracker, type CallSample } from '../../../../src/core/routing/perf/PerformanceTracker';

const sample = (over: Partial<CallSample> = {}): CallSample => ({ provider: 'ollama', model: 'llama3', success: true, latencyMs: 100, ...over });

describe('PerformanceTracker', () => {
  it('computes nearest-rank p50/p95/p99 of latency and TTFT', () => {
    const t = new PerformanceTracker({ clock: new FakeClock() });
    for (let i = 1; i <= 100; i++) t.record(sample({ latencyMs: i * 10, ttftMs: i }));
    const s = t.statsFor('ollama', 'llama3');
    assert.deepEqual(s?.latencyMs, { p50: 500, p95: 950, p99: 990, samples: 100 });
    assert.deepEqual(s?.ttftMs, { p50: 50, p95: 95, p99: 99, samples: 100 });
  });

  it('keeps memory bounded: only the last ringSize samples per model', () => {
    const t = new PerformanceTracker({ clock: new FakeClock(), ringSize: 10 });
    for (let i = 1; i <= 1000; i++) t.record(sample({ latencyMs: i }));
    const s = t.statsFor('ollama', 'llama3');
    assert.equal(s?.requests, 1000);
    assert.deepEqual(s?.latencyMs, { p50: 995, p95: 1000, p99: 1000, samples: 10 });
    assert.equal(t.toJSON().models[0].latency.length, 10);
  });

  it('drops the least recently used model beyond maxModels', () => {
    const t = new PerformanceTracker({ clock: new FakeClock(), maxModels: 2 });
    t.record(sample({ model: 'a' }));
    t.record(sample({ model: 'b' }));
    t.record(sample({ model: 'a' }));
    t.record(sample({ model: 'c' }));
    assert.deepEqual(
      t
        .allStats()
        .map((s) => s.model)
        .sort(),
      ['a', 'c'],
    );
  });

  it('counts tokens, success rate, cost and calls of unknown price separately', () => {
    const t = new PerformanceTracker({ clock: new FakeClock() });
    t.record(sample({ provider: 'openai', model: 'gpt-4o', usage: { inputTokens: 100, outputTokens: 20 }, cost: { usd: 0.25 } }));
    t.record(sample({ provider: 'openai', model: 'gpt-4o', usage: { inputTokens: 50, outputTokens: 5 }, cost: { unknown: true } }));
    t.record(sample({ provider: 'openai', model: 'gpt-4o', success: false }));
    t.record(sample({ provider: 'openai', model: 'gpt-4o-mini', cost: { usd: 0.5 } }));
    t.record(sample({ cost: { usd: 0 } }));
    const s = t.statsFor('openai', 'gpt-4o');
    assert.equal(s?.tokensIn, 150);
    assert.equal(s?.tokensOut, 25);
    assert.equal(s?.costUsd, 0.25);
    assert.equal(s?.unknownCostCalls, 1);
    assert.equal(s?.successRate, 2 / 3);
    assert.equal(s?.failures, 1);
    assert.equal(s?.ttftMs.samples, 0);
    assert.deepEqual(t.costBreakdown(), {
      totalUsd: 0.75,
      unknownCostCalls: 1,
      byModel: {
        'openai:gpt-4o': { usd: 0.25, unknownCostCalls: 1, requests: 3 },
        'openai:gpt-4o-mini': { usd: 0.5, unknownCostCalls: 0, requests: 1 },
        'ollama:llama3': { usd: 0, unknownCostCalls: 0, requests: 1 },
      },
      byProvider: {
        openai: { usd: 0.75, unknownCostCalls: 1, requests: 4 },
        ollama: { usd: 0, unknownCostCalls: 0, requests: 1 },
      },
    });
  });

  it('measures requests per minute from the clock', () => {
    const clock = new FakeClock(1_700_000_000_000);
    const t = new PerformanceTracker({ clock });
    for (let i = 0; i < 5; i++) t.record(sample());
    clock.advance(30_000);
    for (let i = 0; i < 3; i++) t.record(sample());
    assert.equal(t.statsFor('ollama', 'llama3')?.requestsPerMinute, 8);
    clock.advance(31_000);
    assert.equal(t.statsFor('ollama', 'llama3')?.requestsPerMinute, 3);
    clock.advance(60_000);
    assert.equal(t.statsFor('ollama', 'llama3')?.requestsPerMinute, 0);
    clock.advance(3_600_000 + 500); // an hour later the same ring slots are reused, not double counted
    t.record(sample());
    assert.equal(t.statsFor('ollama', 'llama3')?.requestsPerMinute, 1);
  });

  it('exports CSV with a header and neutralised formula-like cells, and JSON', () => {
    const t = new PerformanceTracker({ clock: new FakeClock() });
    t.record(sample({ latencyMs: 42, ttftMs: 7, cost: { usd: 0 } }));
    t.record(sample({ model: '=HYPERLINK("x")' }));
    const [header, row1, row2] = t.exportCSV().trim().split('\n');
    assert.equal(
      header,
      'provider,model,requests,successes,failures,success_rate,ttft_p50_ms,ttft_p95_ms,ttft_p99_ms,latency_p50_ms,latency_p95_ms,latency_p99_ms,tokens_in,tokens_out,cost_usd,unknown_cost_calls,requests_per_minute',
    );
    assert.equal(row1, 'ollama,llama3,1,1,0,1,7,7,7,42,42,42,0,0,0,0,1');
    assert.ok(row2.startsWith('ollama,"\'=HYPERLINK(""x"")",'), row2);
    const json = JSON.parse(t.exportJSON());
    assert.equal(json.models.length, 2);
    assert.equal(json.costs.totalUsd, 0);
  });

  it('survives a restart through toJSON/fromJSON, and a smaller ring keeps the newest samples', () => {
    const clock = new FakeClock(5_000_000);
    const t = new PerformanceTracker({ clock });
    for (let i = 1; i <= 50; i++) t.record(sample({ latencyMs: i, ttftMs: i / 2, cost: { usd: 0.01 }, usage: { inputTokens: 1, outputTokens: 2 } }));
    const saved = JSON.parse(JSON.stringify(t.toJSON()));
    const back = PerformanceTracker.fromJSON(saved, { clock });
    assert.deepEqual(back.allStats(), t.allStats());
    const small = PerformanceTracker.fromJSON(saved, { clock, ringSize: 10 });
    assert.deepEqual(small.statsFor('ollama', 'llama3')?.latencyMs, { p50: 45, p95: 50, p99: 50, samples: 10 });
  });

  it('refuses malformed saved state and bad samples with clear messages', () => {
    const bad = (fn: () => unknown, msg: RegExp) => assert.throws(fn, (e) => isJarvisError(e, 'invalid-input') && msg.test(e.message));
    bad(() => PerformanceTracker.fromJSON({ version: 2, models: [] }), /not in a format this version understands/);
    bad(() => PerformanceTracker.fromJSON({ version: 1, models: [{ model: 'x', provider: 'ollama', requests: -1 }] }), /statistics for "x" are malformed/);
    const t = new PerformanceTracker();
    bad(() => t.record(sample({ latencyMs: -5 })), /Latencies must be non-negative milliseconds \(got latencyMs=-5/);
    bad(() => t.record(sample({ model: '' })), /needs a provider and a model name/);
    bad(() => t.record({ ...sample(), success: 'yes' } as never), /success: true or false/);
    bad(() => new PerformanceTracker({ ringSize: 0 }), /ringSize must be a whole number from 10 to 1000000 \(got 0\)/);
  });
});

describe('LatencyRing', () => {
  it('returns samples oldest first after wrapping', () => {
    const r = new LatencyRing(3);
    for (const v of [1, 2, 3, 4, 5]) r.push(v);
    assert.deepEqual(r.toArray(), [3, 4, 5]);
    assert.equal(r.percentile(0), 3);
    assert.equal(new LatencyRing(3).percentile(50), undefined);
  });
});
