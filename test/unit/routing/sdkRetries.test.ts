import { strict as assert } from 'node:assert';
import { FakeOpenAIServer } from '../../fakes/FakeOpenAIServer';
import { collectChunks, doneOf, makeService, OPENAI_KEY, prepared, testSettings } from './routingServiceSetup';

/** The workload benchmark's plain-SDK baseline needs the SDK's own retries; production keeps them off. */
describe('routing service: SDK retries (sdkMaxRetries)', () => {
  let openai: FakeOpenAIServer;
  beforeEach(async () => {
    openai = await FakeOpenAIServer.start({ apiKey: OPENAI_KEY, failNext: 2, failStatus: 503, retryAfterMs: '1' });
  });
  afterEach(() => openai.close());

  const settings = () =>
    testSettings({
      ollama: { enabled: false, host: 'http://127.0.0.1:9', model: 'llama3' },
      openai: { baseUrl: openai.url },
      resilience: { maxRetries: 0, breakerThreshold: 100, breakerCooldownSeconds: 1, firstTokenTimeoutSeconds: 5, idleTimeoutSeconds: 5 },
      routing: {
        ...testSettings().routing,
        tiers: { trivial: ['openai:gpt-4o'], low: ['openai:gpt-4o'], medium: ['openai:gpt-4o'], high: ['openai:gpt-4o'], critical: ['openai:gpt-4o'] },
      },
    });
  const chats = () => openai.requests.filter((r) => r.path === '/v1/chat/completions').length;

  it('with sdkMaxRetries 2 the SDK itself retries two 503s and the answer arrives', async () => {
    const { service } = makeService({ settings: settings(), keys: { openai: OPENAI_KEY }, sdkMaxRetries: 2 });
    const chunks = await collectChunks(service.respond(prepared('What is a closure?')));
    assert.equal(doneOf(chunks).model, 'gpt-4o');
    assert.equal(chats(), 3);
    service.dispose();
  });

  it('by default the SDK does not retry: with the service retries off too, the first 503 is final', async () => {
    const { service } = makeService({ settings: settings(), keys: { openai: OPENAI_KEY } });
    await assert.rejects(
      collectChunks(service.respond(prepared('What is a closure?'))),
      (e: { code?: string }) => e.code === 'provider-error' || e.code === 'no-model-available',
    );
    assert.equal(chats(), 1);
    service.dispose();
  });
});
