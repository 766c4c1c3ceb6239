/**
 * No API key and no text the privacy guard flagged reaches a log record (channel or file) or a metric
 * label: requests carrying a secret in the prompt and a credentials file as an attachment go through
 * the real routing service with the structured logger, then every record and the exposition are searched.
 */
import { strict as assert } from 'node:assert';
import { FakeClock } from '../../fakes/FakeClock';
import { OllamaModels } from '../../../src/core/llm/ollama/OllamaModels';
import { StructuredLogger, type LogRecord } from '../../../src/core/observability/StructuredLogger';
import { RoutingService } from '../../../src/core/routing/RoutingService';
import { PrivacyGuard } from '../../../src/core/security/PrivacyGuard';
import { FakeOllamaServer } from '../../fakes/FakeOllamaServer';
import { FakeOpenAIServer } from '../../fakes/FakeOpenAIServer';
import { MemoryKv } from '../../fakes/MemoryKv';
import { collectChunks, modelOf, prepared, testSettings } from '../routing/routingServiceSetup';

const CONFIGURED_KEY = 'sk-proj-ConfiguredKey0123456789abcdefXYZ';
const KEY_IN_PROMPT = 'sk-proj-PastedKeyInPrompt9876543210zyxw';
const ENV_SECRET = 'hunter2-Qx7!vR9#mK2$';
const FLAGGED_WORDS = 'purple-elephant-migration';

describe('no secrets or flagged text in logs and metric labels', () => {
  let ollama: FakeOllamaServer;
  let openai: FakeOpenAIServer;
  beforeEach(async () => {
    ollama = await FakeOllamaServer.start({ models: ['llama3'] });
    openai = await FakeOpenAIServer.start({ apiKey: CONFIGURED_KEY });
  });
  afterEach(async () => {
    await ollama.close();
    await openai.close();
  });

  it('routes the flagged requests locally and logs their outcome without their text', async () => {
    const records: LogRecord[] = [];
    const guard = new PrivacyGuard();
    const clock = new FakeClock(Date.UTC(2026, 11, 1, 12));
    const logger = new StructuredLogger({ name: 'jarvis', sinks: () => [{ write: (r) => records.push(r) }], clock, redact: (t) => guard.redact(t) });
    const settings = testSettings({ ollama: { enabled: true, host: ollama.url, model: 'llama3' }, openai: { baseUrl: openai.url } });
    const models = new OllamaModels(() => ({ host: settings.ollama.host }));
    const service = new RoutingService({
      settings: () => settings,
      keys: { get: async (p) => (p === 'openai' ? CONFIGURED_KEY : undefined) },
      ollamaModels: () => models.list(),
      store: new MemoryKv(),
      clock,
      logger: logger.child({}, 'routing'),
      random: () => 0,
    });
    const withKey = await collectChunks(service.respond(prepared(`Why does ${KEY_IN_PROMPT} fail for ${FLAGGED_WORDS}?`, { command: 'cloud' })));
    const withEnv = await collectChunks(
      service.respond(prepared(`Explain this config for ${FLAGGED_WORDS}`, { attachments: [{ name: '.env', content: `DB_PASSWORD=${ENV_SECRET}\n` }] })),
    );
    // Both stayed on this machine (the privacy guard flagged them), even the /cloud one.
    assert.deepEqual([modelOf(withKey).local, modelOf(withEnv).local], [true, true]);
    // A normal cloud request, so the configured key is really used.
    await collectChunks(service.respond(prepared('What is a monad?', { command: 'cloud' })));
    assert.ok(openai.requests.length >= 1, 'the cloud call was made with the configured key');

    if (process.env.JARVIS_PRINT_LOGS) console.log(records.map((r) => JSON.stringify(r)).join('\n'));
    const text = `${JSON.stringify(records)}\n${await service.exportPrometheus()}`;
    assert.ok(records.filter((r) => r.logger === 'jarvis.routing.request').length === 3, JSON.stringify(records, null, 1));
    for (const needle of [CONFIGURED_KEY, KEY_IN_PROMPT, ENV_SECRET, FLAGGED_WORDS, 'DB_PASSWORD', 'PastedKey', 'ConfiguredKey']) {
      assert.ok(!text.includes(needle), `"${needle}" reached a log record or the metrics:\n${text.slice(0, 3000)}`);
    }
    service.dispose();
  });
});
