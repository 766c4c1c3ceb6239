import { strict as assert } from 'node:assert';
import { FakeClock } from '../../fakes/FakeClock';
import { JarvisError } from '../../../src/common/errors';
import { ChatEngine } from '../../../src/core/chat/ChatEngine';
import { errorToChunk } from '../../../src/core/chat/errorToChunk';
import { DEFAULT_SETTINGS } from '../../../src/core/config/settings';
import { nullLogger } from '../../../src/core/ports';
import { FakeOllamaServer } from '../../fakes/FakeOllamaServer';
import { assertJarvisError } from '../helpers/assertJarvisError';
import { closedPort } from '../helpers/closedPort';
import { useFakeServers } from '../helpers/fakeServers';
import {
  collectChunks,
  CRITICAL,
  doneOf,
  makeService,
  MEDIUM,
  modelOf,
  notices,
  OPENAI_KEY,
  prepared,
  testSettings,
  textOf,
  TRIVIAL,
} from './routingServiceSetup';

describe('RoutingService: hybrid routing over the real fakes', () => {
  const fakes = useFakeServers();
  const chats = () => fakes.ollama.requests.filter((r) => r.path === '/api/chat').length;
  const cloudChats = () => fakes.openai.requests.filter((r) => r.path === '/v1/chat/completions').length;

  const settings = (over: Parameters<typeof testSettings>[0] = {}) =>
    testSettings({ ollama: { enabled: true, host: fakes.ollama.url, model: 'llama3' }, openai: { baseUrl: fakes.openai.url }, ...over });

  it('answers a trivial question locally, saying why, and never calls the cloud', async () => {
    const { service } = makeService({ settings: settings(), keys: { openai: OPENAI_KEY } });
    const chunks = await collectChunks(service.respond(prepared(TRIVIAL)));
    const model = modelOf(chunks);
    assert.deepEqual([model.provider, model.model, model.local], ['ollama', 'llama3', true]);
    assert.match(model.reason ?? '', /^trivial tier \(definition ask → trivial\).*→ ollama:llama3; skipped ollama:phi3: not installed in Ollama/);
    assert.match(textOf(chunks), /Hello from fake Ollama/);
    const done = doneOf(chunks);
    assert.deepEqual([done.local, done.cost, done.cached], [true, { usd: 0 }, undefined]);
    assert.equal(cloudChats(), 0);
  });

  it('sends a critical request to the cloud and prices it', async () => {
    const { service } = makeService({ settings: settings(), keys: { openai: OPENAI_KEY } });
    const chunks = await collectChunks(service.respond(prepared(CRITICAL)));
    const model = modelOf(chunks);
    assert.deepEqual([model.provider, model.model, model.local], ['openai', 'gpt-4o', false]);
    assert.match(model.reason ?? '', /critical tier.*skipped anthropic:claude-opus-4-0: no Anthropic API key/);
    const done = doneOf(chunks);
    assert.equal(done.local, false);
    assert.ok('usd' in done.cost! && done.cost.usd > 0, JSON.stringify(done.cost));
    assert.equal(chats(), 0);
    assert.ok(service.spend().todayUsd > 0);
  });

  it('escalates a weak local answer to the cloud with a notice and shows the cloud answer', async () => {
    fakes.ollama.configure({ reply: "I'm sorry, but I can't help with that." });
    const { service } = makeService({ settings: settings(), keys: { openai: OPENAI_KEY } });
    const chunks = await collectChunks(service.respond(prepared(MEDIUM)));
    assert.ok(
      notices(chunks).some((n) => /^local answer scored 0\.\d\d < 0\.70: .*refuses to answer.* → escalated to gpt-4o-mini$/.test(n)),
      notices(chunks).join('\n'),
    );
    assert.match(textOf(chunks), /Hello from fake OpenAI/);
    const done = doneOf(chunks);
    assert.deepEqual([done.model, done.local], ['gpt-4o-mini', false]);
    assert.equal(cloudChats(), 1);
  });

  it('falls back to the next candidate when Ollama is down (closed port)', async () => {
    const s = settings({ ollama: { enabled: true, host: `http://127.0.0.1:${await closedPort()}`, model: 'llama3' } });
    const { service } = makeService({ settings: s, keys: { openai: OPENAI_KEY } });
    const chunks = await collectChunks(service.respond(prepared(TRIVIAL)));
    const model = modelOf(chunks);
    assert.equal(model.provider, 'openai');
    assert.match(model.reason ?? '', /skipped ollama:llama3: Ollama is not reachable/);
  });

  it('with Ollama down and no key, fails with provider-unreachable (Retry Connection), not a generic error', async () => {
    const s = settings({ ollama: { enabled: true, host: `http://127.0.0.1:${await closedPort()}`, model: 'llama3' } });
    const { service } = makeService({ settings: s });
    const e = await assertJarvisError(collectChunks(service.respond(prepared(TRIVIAL))), 'provider-unreachable');
    assert.match(e.message, /Ollama is not reachable/);
    assert.deepEqual(
      errorToChunk(e, s).actions.map((a) => a.command),
      ['jarvis.checkOllama', 'jarvis.openSettings'],
    );
  });

  it('keeps a request with a secret local even with an OpenAI key set: the cloud receives nothing', async () => {
    const { service } = makeService({ settings: settings(), keys: { openai: OPENAI_KEY } });
    const secret = `${CRITICAL} Use sk-proj-abcdefghijklmnopqrstuvwxyz0123456789 for it.`;
    const history = prepared(secret, {
      messages: [
        { role: 'system', content: 'You are Jarvis.' },
        { role: 'user', content: secret },
      ],
    });
    const chunks = await collectChunks(service.respond(history));
    assert.equal(modelOf(chunks).provider, 'ollama');
    assert.ok(
      notices(chunks).some((n) => /Kept on this machine.*OpenAI API key in prompt line 1/.test(n)),
      notices(chunks).join('\n'),
    );
    assert.equal(fakes.openai.requests.length, 0);
  });

  it('scans earlier messages too: a key in message 2 keeps the request local', async () => {
    const { service } = makeService({ settings: settings(), keys: { openai: OPENAI_KEY } });
    const req = prepared(CRITICAL, {
      messages: [
        { role: 'system', content: 'You are Jarvis.' },
        { role: 'user', content: 'my key is sk-proj-abcdefghijklmnopqrstuvwxyz0123456789' },
        { role: 'assistant', content: 'ok' },
        { role: 'user', content: CRITICAL },
      ],
    });
    const chunks = await collectChunks(service.respond(req));
    assert.equal(modelOf(chunks).local, true);
    assert.ok(notices(chunks).some((n) => /OpenAI API key in message 2/.test(n)));
    assert.equal(fakes.openai.requests.length, 0);
  });

  describe('modifier commands', () => {
    it('/local answers a critical request locally', async () => {
      const { service } = makeService({ settings: settings(), keys: { openai: OPENAI_KEY } });
      const chunks = await collectChunks(service.respond(prepared(CRITICAL, { command: 'local' })));
      assert.equal(modelOf(chunks).provider, 'ollama');
      assert.match(modelOf(chunks).reason ?? '', /you asked for a local answer \(\/local\)/);
      assert.equal(fakes.openai.requests.length, 0);
    });

    it('/cloud sends a trivial request to the cloud', async () => {
      const { service } = makeService({ settings: settings(), keys: { openai: OPENAI_KEY } });
      const chunks = await collectChunks(service.respond(prepared(TRIVIAL, { command: 'cloud' })));
      assert.equal(modelOf(chunks).provider, 'openai');
      assert.equal(chats(), 0);
    });

    it('/cloud still keeps a secret local and says why', async () => {
      const { service } = makeService({ settings: settings(), keys: { openai: OPENAI_KEY } });
      const chunks = await collectChunks(service.respond(prepared('What is sk-proj-abcdefghijklmnopqrstuvwxyz0123456789?', { command: 'cloud' })));
      assert.equal(modelOf(chunks).provider, 'ollama');
      assert.ok(notices(chunks).some((n) => /although you asked for the cloud \(\/cloud\): OpenAI API key/.test(n)));
      assert.equal(fakes.openai.requests.length, 0);
    });

    it('/tier high routes a trivial question to the high tier', async () => {
      const { service } = makeService({ settings: settings(), keys: { openai: OPENAI_KEY } });
      const chunks = await collectChunks(service.respond(prepared(TRIVIAL, { command: 'tier', commandArg: 'high' })));
      assert.deepEqual([modelOf(chunks).provider, modelOf(chunks).model], ['openai', 'gpt-4o']);
      assert.match(modelOf(chunks).reason ?? '', /^high tier \(override\)/);
    });

    it('/tier with an unknown tier is refused with the list of tiers, through the engine', async () => {
      const s = settings();
      const { service } = makeService({ settings: s, keys: { openai: OPENAI_KEY } });
      const engine = new ChatEngine({ settings: () => s, responder: service, clock: new FakeClock(), logger: nullLogger });
      const chunks = await collectChunks(engine.run({ prompt: '/tier huge what is x', history: [], signal: new AbortController().signal }));
      assert.deepEqual(
        chunks.map((c) => c.type),
        ['error'],
      );
      assert.match((chunks[0] as { message: string }).message, /Unknown tier "huge". Use one of trivial, low, medium, high, critical/);
      assert.equal(chats() + cloudChats(), 0);
    });

    it('jarvis.routing.complexity other than auto forces a tier', async () => {
      const s = settings({ routing: { ...DEFAULT_SETTINGS.routing, complexity: 'critical' } });
      const { service } = makeService({ settings: s, keys: { openai: OPENAI_KEY } });
      const chunks = await collectChunks(service.respond(prepared(TRIVIAL)));
      assert.equal(modelOf(chunks).provider, 'openai');
    });
  });

  it('budget cap: /cloud is refused with an override action, the override lets exactly one call through', async () => {
    const s = settings({ budget: { dailyUsd: 0.0000001, monthlyUsd: 0 } });
    const { service } = makeService({ settings: s, keys: { openai: OPENAI_KEY } });
    await collectChunks(service.respond(prepared(TRIVIAL, { command: 'cloud' })));
    assert.equal(cloudChats(), 1);
    const e = await assertJarvisError(collectChunks(service.respond(prepared('What is a monad?', { command: 'cloud' }))), 'budget-exceeded');
    assert.match(e.message, /Daily cloud budget reached/);
    assert.deepEqual(
      errorToChunk(e, s).actions.map((a) => a.command),
      ['jarvis.allowOverBudgetOnce', 'jarvis.openSettings'],
    );
    assert.equal(cloudChats(), 1);
    service.allowOverBudgetOnce();
    const over = await collectChunks(service.respond(prepared('What is a monad?', { command: 'cloud' })));
    assert.equal(modelOf(over).provider, 'openai');
    assert.equal(cloudChats(), 2);
    await assertJarvisError(collectChunks(service.respond(prepared('What is a functor?', { command: 'cloud' }))), 'budget-exceeded');
    // An automatic critical request is answered locally instead, with a warning.
    const auto = await collectChunks(service.respond(prepared(CRITICAL)));
    assert.equal(modelOf(auto).provider, 'ollama');
    assert.ok(
      notices(auto).some((n) => /Critical request answered by the local model llama3.*Daily cloud budget reached/.test(n)),
      notices(auto).join('\n'),
    );
  });

  it('auth-failed offers the key command of its provider', () => {
    const chunk = errorToChunk(new JarvisError('auth-failed', 'bad key', { provider: 'anthropic' }), DEFAULT_SETTINGS);
    assert.deepEqual(
      chunk.actions.map((a) => a.command),
      ['jarvis.setAnthropicKey'],
    );
    const any = errorToChunk(new JarvisError('auth-failed', 'bad key'), DEFAULT_SETTINGS);
    assert.deepEqual(
      any.actions.map((a) => a.command),
      ['jarvis.setOpenAIKey', 'jarvis.setAnthropicKey'],
    );
  });

  describe('response cache', () => {
    it('answers a repeated request from the cache without any HTTP request', async () => {
      const { service } = makeService({ settings: settings() });
      const first = await collectChunks(service.respond(prepared(TRIVIAL)));
      const before = fakes.ollama.requests.length;
      const second = await collectChunks(service.respond(prepared(TRIVIAL)));
      assert.equal(fakes.ollama.requests.length, before);
      assert.equal(textOf(second), textOf(first));
      assert.equal(doneOf(second).cached, true);
      assert.deepEqual(notices(second), ['answered from cache']);
    });

    it('shares one computation between identical concurrent requests', async () => {
      fakes.ollama.configure({ chunkDelayMs: 20 });
      const { service } = makeService({ settings: settings() });
      const [a, b] = await Promise.all([collectChunks(service.respond(prepared(TRIVIAL))), collectChunks(service.respond(prepared(TRIVIAL)))]);
      assert.equal(chats(), 1);
      assert.equal(textOf(a), textOf(b));
      assert.deepEqual([doneOf(a).cached, doneOf(b).cached], [undefined, true]);
      assert.match(notices(b)[0], /identical request that was already running/);
    });

    it('does not cache when disabled', async () => {
      const { service } = makeService({ settings: settings({ cache: { enabled: false, memorySize: 10, defaultTtl: 60, redisUrl: '' } }) });
      await collectChunks(service.respond(prepared(TRIVIAL)));
      await collectChunks(service.respond(prepared(TRIVIAL)));
      assert.equal(chats(), 2);
    });

    it('serves an earlier cached answer when every provider is down', async () => {
      const s = settings();
      const { service } = makeService({ settings: s });
      const first = await collectChunks(service.respond(prepared(TRIVIAL)));
      await fakes.ollama.close();
      s.ollama.host = `http://127.0.0.1:${await closedPort()}`;
      (service as unknown as { availability: { invalidateOllama(): void } }).availability.invalidateOllama();
      const degraded = await collectChunks(service.respond(prepared(TRIVIAL, { command: 'cloud' })));
      assert.equal(textOf(degraded), textOf(first));
      assert.equal(doneOf(degraded).cached, true);
      assert.ok(notices(degraded).some((n) => /No model could answer right now/.test(n)));
      fakes.ollama = await FakeOllamaServer.start();
    });
  });
});
