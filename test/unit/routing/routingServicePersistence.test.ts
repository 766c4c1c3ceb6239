import { strict as assert } from 'node:assert';
import { FakeClock } from '../../fakes/FakeClock';
import { FakeTimer } from '../../fakes/FakeTimer';
import { BUDGET_STATE_KEY, SAVE_DEBOUNCE_MS, TRACKER_STATE_KEY } from '../../../src/core/routing/RoutingState';
import { FakeOllamaServer } from '../../fakes/FakeOllamaServer';
import { FakeOpenAIServer } from '../../fakes/FakeOpenAIServer';
import { collectChunks, makeService, MapStore, OPENAI_KEY, prepared, RecordingLogger, testSettings, TRIVIAL } from './routingServiceSetup';

describe('RoutingService: persisted statistics and spend', () => {
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
  const settings = () => testSettings({ ollama: { enabled: true, host: ollama.url, model: 'llama3' }, openai: { baseUrl: openai.url } });

  it('saves tracker and budget (debounced) and restores them in a new service', async () => {
    const clock = new FakeClock(Date.UTC(2025, 0, 15, 12));
    const timer = new FakeTimer(clock);
    const store = new MapStore();
    const first = makeService({ settings: settings(), keys: { openai: OPENAI_KEY }, store, clock, timer });
    let records = 0;
    first.service.onDidRecord(() => records++);
    await collectChunks(first.service.respond(prepared(TRIVIAL, { command: 'cloud' })));
    await collectChunks(first.service.respond(prepared('What is a monad?')));
    assert.ok(records >= 2);
    assert.equal(store.data.size, 0, 'nothing is written before the debounce delay');
    await timer.advanceAsync(SAVE_DEBOUNCE_MS);
    assert.ok(store.data.has(TRACKER_STATE_KEY) && store.data.has(BUDGET_STATE_KEY));
    const spent = first.service.spend();
    assert.ok(spent.todayUsd > 0);
    first.service.dispose();

    const second = makeService({ settings: settings(), store, clock, timer });
    assert.deepEqual({ ...second.service.spend(), localShare: 0 }, { ...spent, localShare: 0 });
    const metrics = JSON.parse(second.service.exportMetrics('json')) as { models: { provider: string; model: string; requests: number }[] };
    assert.deepEqual(metrics.models.map((m) => `${m.provider}:${m.model}:${m.requests}`).sort(), ['ollama:llama3:1', 'openai:gpt-4o-mini:1']);
    assert.match(second.service.exportMetrics('csv'), /^provider,model,requests/);
    second.service.dispose();
  });

  it('flushes pending state on dispose so nothing recorded is lost', async () => {
    const clock = new FakeClock(Date.UTC(2025, 0, 15, 12));
    const store = new MapStore();
    const { service } = makeService({ settings: settings(), store, clock, timer: new FakeTimer(clock) });
    await collectChunks(service.respond(prepared(TRIVIAL)));
    service.dispose();
    await new Promise((r) => setImmediate(r));
    assert.ok(store.data.has(TRACKER_STATE_KEY));
  });

  it('starts fresh with a logged warning when the saved state is corrupt', async () => {
    const store = new MapStore();
    store.data.set(TRACKER_STATE_KEY, { version: 99, models: 'nope' });
    store.data.set(BUDGET_STATE_KEY, 'garbage');
    const logger = new RecordingLogger();
    const { service } = makeService({ settings: settings(), store, logger });
    assert.equal(service.spend().todayUsd, 0);
    assert.ok(
      logger.lines.some((l) => /^warn Saved performance statistics could not be restored/.test(l)),
      logger.lines.join('\n'),
    );
    assert.ok(logger.lines.some((l) => /^warn Saved cloud spend could not be restored/.test(l)));
    const chunks = await collectChunks(service.respond(prepared(TRIVIAL)));
    assert.ok(chunks.some((c) => c.type === 'done'));
    service.dispose();
  });

  it('reports circuits and refuses an unknown export format', () => {
    const { service } = makeService({ settings: settings() });
    assert.deepEqual(service.circuits(), []);
    assert.throws(() => service.exportMetrics('xml' as never), /exported as "json" or "csv"/);
    service.dispose();
  });
});
