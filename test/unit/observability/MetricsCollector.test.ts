import { strict as assert } from 'node:assert';
import { register as globalRegistry } from 'prom-client';
import { MetricsCollector } from '../../../src/core/observability/MetricsCollector';
import { promtoolCheck, sampleValue } from './promText';

describe('MetricsCollector', () => {
  const gauges = {
    localShare: () => 0.75,
    circuits: () => [
      { key: 'openai', state: 'open' as const },
      { key: 'ollama:llama3', state: 'closed' as const },
    ],
    budget: () => ({ dayUsd: 0.42, monthUsd: 3.5, dailyCapUsd: 5, monthlyCapUsd: 50 }),
  };

  it('records calls, tasks, cache and escalations into its own registry', async () => {
    const m = new MetricsCollector(gauges);
    m.recordCall({
      provider: 'ollama',
      model: 'llama3',
      local: true,
      success: true,
      latencyMs: 1500,
      ttftMs: 200,
      usage: { inputTokens: 10, outputTokens: 20 },
      costUsd: 0,
    });
    m.recordCall({
      provider: 'openai',
      model: 'gpt-4o',
      local: false,
      success: true,
      latencyMs: 800,
      ttftMs: 300,
      usage: { inputTokens: 100, outputTokens: 50 },
      costUsd: 0.00075,
    });
    m.recordCall({ provider: 'openai', model: 'gpt-4o', local: false, success: false, latencyMs: 50 });
    m.recordTask({ outcome: 'success', placement: 'local', kind: 'chat', durationMs: 1600 });
    m.recordTask({ outcome: 'error', placement: 'none', kind: 'agent', durationMs: 60, errorCategory: 'authentication' });
    m.recordCache(true);
    m.recordCache(false);
    m.recordCache(false);
    m.recordEscalation();
    const text = await m.prometheus();
    assert.equal(sampleValue(text, 'llm_calls_total', { provider: 'openai', model: 'gpt-4o', outcome: 'error' }), 1);
    assert.equal(sampleValue(text, 'llm_calls_total', { provider: 'ollama', placement: 'local' }), 1);
    assert.equal(sampleValue(text, 'llm_tokens_total', { model: 'gpt-4o', direction: 'input' }), 100);
    assert.equal(sampleValue(text, 'llm_cost_dollars_total', { model: 'gpt-4o' }), 0.00075);
    assert.equal(sampleValue(text, 'llm_cost_dollars_total', { model: 'llama3' }), 0, 'a free local model is $0, present');
    assert.equal(sampleValue(text, 'llm_time_to_first_token_seconds_sum', { model: 'llama3' }), 0.2);
    assert.equal(sampleValue(text, 'llm_request_duration_seconds_bucket', { model: 'llama3', le: '2' }), 1);
    assert.equal(sampleValue(text, 'llm_request_duration_seconds_bucket', { model: 'llama3', le: '1' }), 0);
    assert.equal(sampleValue(text, 'errors_total', { category: 'authentication', kind: 'agent' }), 1);
    assert.equal(sampleValue(text, 'tasks_total', { outcome: 'success', placement: 'local' }), 1);
    assert.deepEqual([sampleValue(text, 'cache_hits_total'), sampleValue(text, 'cache_misses_total'), sampleValue(text, 'llm_escalations_total')], [1, 2, 1]);
    assert.equal(sampleValue(text, 'routing_local_share_ratio'), 0.75);
    assert.equal(sampleValue(text, 'circuit_breaker_state', { breaker: 'openai' }), 2);
    assert.equal(sampleValue(text, 'budget_used_dollars', { period: 'day' }), 0.42);
    assert.equal(sampleValue(text, 'budget_limit_dollars', { period: 'month' }), 50);
    assert.deepEqual(promtoolCheck(text), { status: 0, output: '' });
  });

  it('makes its series on first use (a request, a scrape), not when constructed', async () => {
    const idle = new MetricsCollector(gauges);
    assert.equal(idle.created, false);
    const recorded = new MetricsCollector(gauges);
    recorded.recordCache(true);
    assert.equal(recorded.created, true);
    assert.equal(sampleValue(await recorded.prometheus(), 'cache_hits_total'), 1);
    // A scrape of an idle collector still shows every series (zeros) and the gauges.
    const text = await idle.prometheus();
    assert.equal(idle.created, true);
    assert.equal(sampleValue(text, 'cache_hits_total'), 0);
    assert.equal(sampleValue(text, 'routing_local_share_ratio'), 0.75);
    assert.equal(promtoolCheck(text).status, 0);
  });

  it('registers nothing in prom-client global registry and no default Node metrics', async () => {
    const before = (await globalRegistry.getMetricsAsJSON()).length;
    const text = await new MetricsCollector(gauges).prometheus();
    assert.equal((await globalRegistry.getMetricsAsJSON()).length, before);
    assert.doesNotMatch(text, /process_|nodejs_/);
  });

  it('two collectors do not share series (one per routing service)', async () => {
    const a = new MetricsCollector();
    const b = new MetricsCollector();
    a.recordCache(true);
    assert.equal(sampleValue(await a.prometheus(), 'cache_hits_total'), 1);
    assert.equal(sampleValue(await b.prometheus(), 'cache_hits_total'), 0);
  });

  it('a gauge source that throws keeps the exposition whole', async () => {
    const m = new MetricsCollector({
      ...gauges,
      circuits: () => {
        throw new Error('breakers gone');
      },
    });
    const text = await m.prometheus();
    assert.equal(sampleValue(text, 'routing_local_share_ratio'), 0.75);
    assert.equal(promtoolCheck(text).status, 0);
  });

  it('promtool itself rejects a broken exposition (the check can fail)', () => {
    const r = promtoolCheck('# HELP x_total A counter.\n# TYPE x_total counter\nx_total{a="1"} 1\nx_total{a="1"} 2\nbad line here\n');
    assert.notEqual(r.status, 0);
  });
});
