import { strict as assert } from 'node:assert';
import { FakeClock } from '../../fakes/FakeClock';
import { Emitter } from '../../../src/common/Emitter';
import type { JarvisSettings } from '../../../src/core/config/settings';
import { OllamaModels } from '../../../src/core/llm/ollama/OllamaModels';
import { HybridStrategy } from '../../../src/core/routing/HybridStrategy';
import { RoutingService } from '../../../src/core/routing/RoutingService';
import { MemoryKv } from '../../fakes/MemoryKv';
import { useFakeServers } from '../helpers/fakeServers';
import { ScriptedProvider } from './routerFakeProviders';
import { collectChunks, modelOf, OPENAI_KEY, prepared, RecordingLogger, testSettings, textOf, TRIVIAL } from './routingServiceSetup';

describe('RoutingService: one decision per request, objects rebuilt on settings events', () => {
  const fakes = useFakeServers();

  function service(settings: { current: JarvisSettings }, changes?: Emitter<JarvisSettings>): RoutingService {
    const models = new OllamaModels(() => ({ host: settings.current.ollama.host }));
    return new RoutingService({
      settings: () => settings.current,
      ...(changes ? { onDidChangeSettings: changes.event } : {}),
      keys: { get: async (p) => (p === 'openai' ? OPENAI_KEY : undefined) },
      ollamaModels: () => models.list(),
      store: new MemoryKv(),
      clock: new FakeClock(Date.UTC(2025, 0, 15, 12)),
      logger: new RecordingLogger(),
      random: () => 0,
    });
  }

  const base = () => testSettings({ ollama: { enabled: true, host: fakes.ollama.url, model: 'llama3' }, openai: { baseUrl: fakes.openai.url } });
  const withTrivialRoute = (s: JarvisSettings, routes: string[]): JarvisSettings => ({
    ...s,
    routing: { ...s.routing, tiers: { ...s.routing.tiers, trivial: routes } },
  });

  it('decides once per request (the decision the cache key used is the one that runs)', async () => {
    const settings = { current: base() };
    const svc = service(settings);
    const original = HybridStrategy.prototype.decide;
    let calls = 0;
    HybridStrategy.prototype.decide = function counted(this: HybridStrategy, ...args: Parameters<HybridStrategy['decide']>) {
      calls++;
      return original.apply(this, args);
    };
    try {
      await collectChunks(svc.respond(prepared(TRIVIAL)));
      await collectChunks(svc.respond(prepared(TRIVIAL, { command: 'cloud' })));
    } finally {
      HybridStrategy.prototype.decide = original;
      svc.dispose();
    }
    assert.equal(calls, 2);
  });

  it('uses new routes after the settings-change event, and not before it', async () => {
    const settings = { current: withTrivialRoute(base(), ['ollama:llama3']) };
    const changes = new Emitter<JarvisSettings>();
    const svc = service(settings, changes);
    const reason = async (prompt: string) => modelOf(await collectChunks(svc.respond(prepared(prompt)))).reason ?? '';
    try {
      assert.doesNotMatch(await reason(TRIVIAL), /phi3/);
      // A new value without an event is not looked at per request...
      settings.current = withTrivialRoute(settings.current, ['ollama:phi3', 'ollama:llama3']);
      assert.doesNotMatch(await reason(`${TRIVIAL} (again)`), /phi3/);
      // ...the event rebuilds the router from it (phi3 is now tried first, and is not installed).
      changes.fire(settings.current);
      assert.match(await reason(`${TRIVIAL} (third)`), /skipped ollama:phi3: not installed/);
    } finally {
      svc.dispose();
    }
  });

  it('keeps its circuit breakers through a change that does not touch resilience', async () => {
    const settings = { current: base() };
    const changes = new Emitter<JarvisSettings>();
    const svc = service(settings, changes);
    try {
      await collectChunks(svc.respond(prepared(TRIVIAL)));
      const before = svc.circuits();
      settings.current = { ...settings.current, chat: { ...settings.current.chat, historyTurns: 3 } };
      changes.fire(settings.current);
      assert.deepEqual(svc.circuits(), before);
    } finally {
      svc.dispose();
    }
  });

  it('stops answering from the cache after a change event disables it, and not before', async () => {
    const settings = { current: base() };
    const changes = new Emitter<JarvisSettings>();
    const svc = service(settings, changes);
    const cached = async () =>
      (await collectChunks(svc.respond(prepared(TRIVIAL)))).some((c) => c.type === 'model' && /answered from cache/.test(c.reason ?? ''));
    try {
      assert.equal(await cached(), false);
      assert.equal(await cached(), true);
      settings.current = { ...settings.current, cache: { ...settings.current.cache, enabled: false } };
      assert.equal(await cached(), true, 'a request alone does not rebuild the cache');
      changes.fire(settings.current);
      assert.equal(await cached(), false);
      assert.equal(await cached(), false);
    } finally {
      svc.dispose();
    }
  });

  it('answers local requests through the Ollama provider the composition root passes in', async () => {
    const settings = { current: withTrivialRoute(base(), ['ollama:llama3']) };
    const injected = new ScriptedProvider('ollama', true, () => ({ text: ['from the shared provider'] }));
    const models = new OllamaModels(() => ({ host: settings.current.ollama.host }));
    const svc = new RoutingService({
      settings: () => settings.current,
      ollama: injected,
      keys: { get: async () => undefined },
      ollamaModels: () => models.list(),
      store: new MemoryKv(),
      clock: new FakeClock(Date.UTC(2025, 0, 15, 12)),
      logger: new RecordingLogger(),
      random: () => 0,
    });
    try {
      assert.equal(textOf(await collectChunks(svc.respond(prepared(TRIVIAL, { command: 'local' })))), 'from the shared provider');
      assert.deepEqual(injected.models, ['llama3']);
    } finally {
      svc.dispose();
    }
  });
});
