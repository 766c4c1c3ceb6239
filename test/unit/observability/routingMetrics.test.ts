/**
 * The metrics of a known sequence of requests through the real routing service (real SDKs against the
 * fake servers): the exposition passes `promtool check metrics` and every figure matches the sequence.
 */
import { strict as assert } from 'node:assert';
import { FakeClock } from '../../fakes/FakeClock';
import { FakeOllamaServer } from '../../fakes/FakeOllamaServer';
import { FakeOpenAIServer } from '../../fakes/FakeOpenAIServer';
import { collectChunks, doneOf, makeService, OPENAI_KEY, prepared, testSettings, TRIVIAL } from '../routing/routingServiceSetup';
import { promtoolCheck, sampleSum, sampleValue } from './promText';

describe('RoutingService metrics (Prometheus exposition)', () => {
  let ollama: FakeOllamaServer;
  let openai: FakeOpenAIServer;
  beforeEach(async () => {
    ollama = await FakeOllamaServer.start({ models: ['llama3'] });
    openai = await FakeOpenAIServer.start({ apiKey: OPENAI_KEY });
  });
  afterEach(async () => {
    await ollama.close();
    await openai.close();
  });

  it('after local, cached, cloud, agent and failed requests: promtool-clean and the figures match', async () => {
    const clock = new FakeClock(Date.UTC(2025, 0, 15, 12));
    const settings = testSettings({
      ollama: { enabled: true, host: ollama.url, model: 'llama3' },
      openai: { baseUrl: openai.url },
      budget: { dailyUsd: 5, monthlyUsd: 50 },
    });
    const { service } = makeService({ settings, keys: { openai: OPENAI_KEY }, clock });
    // 1. local answer (cache miss)  2. the same again (cache hit)  3. /cloud (miss, priced)
    const local = await collectChunks(service.respond(prepared(TRIVIAL)));
    const cached = await collectChunks(service.respond(prepared(TRIVIAL)));
    const cloud = await collectChunks(service.respond(prepared('What is a monad?', { command: 'cloud' })));
    // 4. an agent request (the language-model provider's path: never cached)
    await collectChunks(service.respond(prepared('What is a tuple?', { agent: { tools: [], toolMode: 'auto', conversationKey: 'c1' } })));
    assert.equal(doneOf(cached).cached, true);
    const cloudDone = doneOf(cloud);
    assert.equal(cloudDone.local, false);
    const cloudUsd = cloudDone.cost && 'usd' in cloudDone.cost ? cloudDone.cost.usd : NaN;
    // 5. Ollama goes away: /local fails with a network error.
    await ollama.close();
    await assert.rejects(collectChunks(service.respond(prepared('What is a list?', { command: 'local' }))));

    const text = await service.exportPrometheus();
    assert.deepEqual(promtoolCheck(text), { status: 0, output: '' }, text);

    assert.equal(sampleValue(text, 'tasks_total', { outcome: 'success', placement: 'local', kind: 'chat' }), 1);
    assert.equal(sampleValue(text, 'tasks_total', { outcome: 'success', placement: 'local', kind: 'agent' }), 1);
    assert.equal(sampleValue(text, 'tasks_total', { outcome: 'cached', placement: 'local' }), 1);
    assert.equal(sampleValue(text, 'tasks_total', { outcome: 'success', placement: 'cloud' }), 1);
    assert.equal(sampleValue(text, 'tasks_total', { outcome: 'error', placement: 'none' }), 1);
    assert.equal(sampleSum(text, 'tasks_total'), 5);
    assert.equal(sampleValue(text, 'errors_total', { category: 'network', kind: 'chat' }), 1);
    // The agent request skips the cache; the failed /local one missed it.
    assert.deepEqual([sampleValue(text, 'cache_hits_total'), sampleValue(text, 'cache_misses_total')], [1, 3]);

    assert.equal(sampleValue(text, 'llm_calls_total', { provider: 'ollama', model: 'llama3', placement: 'local', outcome: 'success' }), 2);
    assert.equal(sampleValue(text, 'llm_calls_total', { provider: 'openai', placement: 'cloud', outcome: 'success' }), 1);
    assert.ok((sampleSum(text, 'llm_calls_total', { provider: 'ollama', outcome: 'error' }) ?? 0) >= 1, 'the failed local call is counted');
    assert.equal(sampleValue(text, 'llm_tokens_total', { provider: 'openai', direction: 'input' }), cloudDone.usage.inputTokens);
    assert.equal(sampleValue(text, 'llm_tokens_total', { provider: 'openai', direction: 'output' }), cloudDone.usage.outputTokens);
    const localDone = doneOf(local);
    assert.equal(sampleSum(text, 'llm_tokens_total', { provider: 'ollama', direction: 'output' }), localDone.usage.outputTokens * 2);
    assert.ok(cloudUsd > 0);
    assert.equal(sampleValue(text, 'llm_cost_dollars_total', { provider: 'openai' }), cloudUsd);
    assert.equal(sampleValue(text, 'llm_cost_dollars_total', { provider: 'ollama' }), 0);
    assert.equal(sampleValue(text, 'budget_used_dollars', { period: 'day' }), service.spend().todayUsd);
    assert.equal(sampleValue(text, 'budget_limit_dollars', { period: 'day' }), 5);
    assert.equal(sampleValue(text, 'llm_request_duration_seconds_count', { provider: 'openai', outcome: 'success' }), 1);
    assert.equal(sampleValue(text, 'llm_time_to_first_token_seconds_count', { provider: 'openai' }), 1);
    assert.equal(sampleValue(text, 'tasks_duration_seconds_count', { outcome: 'success', placement: 'cloud' }), 1);
    assert.ok(sampleValue(text, 'routing_local_share_ratio') !== undefined);
    service.dispose();
  });
});
