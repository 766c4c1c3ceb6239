/**
 * What the benches that time a request through Jarvis to a local model share: a fake Ollama with one
 * model and a fixed reply, settings pointing at it, and the real RoutingService over it, wired as
 * extension.ts wires them (model list and `/api/show` details from one OllamaModels; no API keys, so
 * every request stays local).
 */
import { systemClock } from '../src/common/Clock';
import { DEFAULT_SETTINGS, type JarvisSettings } from '../src/core/config/settings';
import { OllamaModels } from '../src/core/llm/ollama/OllamaModels';
import { nullLogger } from '../src/core/ports';
import { RoutingService } from '../src/core/routing/RoutingService';
import { FakeOllamaServer } from '../test/fakes/FakeOllamaServer';
import { MemoryKv } from '../test/fakes/MemoryKv';

export interface RoutingOverFakeOllama {
  fake: FakeOllamaServer;
  settings: JarvisSettings;
  models: OllamaModels;
  service: RoutingService;
  /** Disposes the service, then stops the fake. */
  close(): Promise<void>;
}

export async function startRoutingOverFakeOllama(reply: string): Promise<RoutingOverFakeOllama> {
  const fake = await FakeOllamaServer.start({ models: ['llama3'], reply });
  const settings: JarvisSettings = { ...DEFAULT_SETTINGS, ollama: { ...DEFAULT_SETTINGS.ollama, host: fake.url, model: 'llama3' } };
  const models = new OllamaModels(() => ({ host: fake.url }));
  const service = new RoutingService({
    settings: () => settings,
    keys: { get: async () => undefined },
    ollamaModels: () => models.list(),
    ollamaDetails: (m) => models.show(m),
    store: new MemoryKv(),
    clock: systemClock,
    logger: nullLogger,
  });
  return {
    fake,
    settings,
    models,
    service,
    close: async () => {
      service.dispose();
      await fake.close();
    },
  };
}
