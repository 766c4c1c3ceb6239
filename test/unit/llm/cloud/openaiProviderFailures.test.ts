/** OpenAIProvider's failures against the fake OpenAI server: HTTP errors, connection and timeouts, cancellation, broken streams. */
import * as assert from 'node:assert/strict';
import { FakeClock } from '../../../fakes/FakeClock';
import { closedPort, collect, expectJarvisError, textOf } from '../../../fakes/providerAssertions';
import { useOpenAIProvider } from './openaiProviderSetup';

describe('OpenAIProvider', () => {
  const env = useOpenAIProvider();
  const { provider, ask } = env;

  describe('HTTP errors', () => {
    it('429 with retry-after seconds → rate-limited with retryAfterMs', async () => {
      env.fake.configure({ failNext: 1, failStatus: 429, retryAfter: '7' });
      const e = await expectJarvisError(collect(provider().chat(ask('hi'))), 'rate-limited');
      assert.equal(e.details.retryAfterMs, 7000);
      assert.equal(e.details.status, 429);
      assert.match(e.message, /Retry in 7 s/);
    });

    it('429 prefers retry-after-ms', async () => {
      env.fake.configure({ failNext: 1, failStatus: 429, retryAfter: '7', retryAfterMs: '1500' });
      const e = await expectJarvisError(collect(provider().chat(ask('hi'))), 'rate-limited');
      assert.equal(e.details.retryAfterMs, 1500);
    });

    it('429 with retry-after as an HTTP date is measured against the injected clock', async () => {
      const clock = new FakeClock(Date.parse('2025-01-01T00:00:00Z'));
      env.fake.configure({ failNext: 1, failStatus: 429, retryAfter: 'Wed, 01 Jan 2025 00:00:30 GMT' });
      const e = await expectJarvisError(collect(provider({}, clock).chat(ask('hi'))), 'rate-limited');
      assert.equal(e.details.retryAfterMs, 30_000);
    });

    it('429 insufficient_quota is not a rate limit: retrying cannot help', async () => {
      env.fake.configure({
        failNext: 1,
        failStatus: 429,
        failBody: { error: { message: 'You exceeded your current quota.', type: 'insufficient_quota', param: null, code: 'insufficient_quota' } },
      });
      const e = await expectJarvisError(collect(provider().chat(ask('hi'))), 'provider-error');
      assert.match(e.message, /no quota left/);
    });

    it('404 for an unknown model → model-not-found naming the model', async () => {
      const e = await expectJarvisError(collect(provider().chat(ask('hi', { model: 'gpt-nope' }))), 'model-not-found');
      assert.match(e.message, /"gpt-nope"/);
      assert.equal(e.details.model, 'gpt-nope');
    });

    it('400 → invalid-input carrying the API message', async () => {
      env.fake.configure({
        failNext: 1,
        failStatus: 400,
        failBody: {
          error: { message: 'maximum context length is 128000 tokens', type: 'invalid_request_error', param: 'messages', code: 'context_length_exceeded' },
        },
      });
      const e = await expectJarvisError(collect(provider().chat(ask('hi'))), 'invalid-input');
      assert.match(e.message, /maximum context length/);
    });

    it('500 with maxRetries 0 makes exactly one attempt', async () => {
      env.fake.configure({ failNext: 5, failStatus: 500, retryAfterMs: '1' });
      const e = await expectJarvisError(collect(provider({ maxRetries: 0 }).chat(ask('hi'))), 'provider-error');
      assert.equal(e.details.status, 500);
      assert.equal(env.fake.requests.length, 1);
    });

    it('500 with maxRetries 2 makes exactly three attempts', async () => {
      // retry-after-ms: 1 keeps the SDK's own back-off short.
      env.fake.configure({ failNext: 5, failStatus: 500, retryAfterMs: '1' });
      await expectJarvisError(collect(provider({ maxRetries: 2 }).chat(ask('hi'))), 'provider-error');
      assert.equal(env.fake.requests.length, 3);
    });

    it('with maxRetries 2 a transient 503 is retried through to an answer', async () => {
      env.fake.configure({ failNext: 1, failStatus: 503, retryAfterMs: '1' });
      const chunks = await collect(provider({ maxRetries: 2 }).chat(ask('hi')));
      assert.equal(textOf(chunks), 'Hello from fake OpenAI. You said: hi');
      assert.equal(env.fake.requests.length, 2);
    });
  });

  describe('connection and timeouts', () => {
    it('connection refused → provider-unreachable naming the host', async () => {
      const port = await closedPort();
      const e = await expectJarvisError(collect(provider({ baseUrl: `http://127.0.0.1:${port}/v1` }).chat(ask('hi'))), 'provider-unreachable');
      assert.match(e.message, new RegExp(`127\\.0\\.0\\.1:${port}`));
      assert.match(e.message, /ECONNREFUSED/);
    });

    it('a server that never sends headers → timeout', async () => {
      env.fake.configure({ stallBeforeHeaders: true });
      const e = await expectJarvisError(collect(provider({ timeoutMs: 200 }).chat(ask('hi'))), 'timeout');
      assert.match(e.message, /did not answer within 0\.2 s/);
    });

    it('a stream that stalls mid-answer → timeout, and the connection is closed', async () => {
      env.fake.configure({ stallMidStream: true });
      const disconnected = env.fake.waitForDisconnect();
      const e = await expectJarvisError(collect(provider({ timeoutMs: 300 }).chat(ask('hi'))), 'timeout');
      assert.match(e.message, /stopped sending/);
      assert.equal((await disconnected).path, '/v1/chat/completions');
    });

    it('a socket reset mid-stream → provider-unreachable', async () => {
      env.fake.configure({ resetMidStream: true });
      const e = await expectJarvisError(collect(provider().chat(ask('hi'))), 'provider-unreachable');
      assert.match(e.message, /lost mid-answer/);
    });
  });

  describe('cancellation', () => {
    it('an already-aborted signal fails with cancelled and sends nothing', async () => {
      const controller = new AbortController();
      controller.abort();
      await expectJarvisError(collect(provider().chat(ask('hi', { signal: controller.signal }))), 'cancelled');
      assert.equal(env.fake.requests.length, 0);
    });

    it('abort mid-stream → cancelled, and the server sees the disconnect', async () => {
      env.fake.configure({ stallMidStream: true });
      const controller = new AbortController();
      const disconnected = env.fake.waitForDisconnect();
      const it = provider()
        .chat(ask('hi', { signal: controller.signal }))
        [Symbol.asyncIterator]();
      const first = await it.next();
      assert.equal(first.value?.type, 'text');
      const pending = it.next();
      controller.abort();
      await expectJarvisError(pending, 'cancelled');
      const req = await disconnected;
      assert.equal(req.closedEarly, true);
    });

    it('breaking out of the loop early closes the HTTP stream', async () => {
      env.fake.configure({ stallMidStream: true, faultAfterChunks: 3 });
      const disconnected = env.fake.waitForDisconnect();
      for await (const chunk of provider().chat(ask('hi'))) {
        assert.equal(chunk.type, 'text');
        break;
      }
      assert.equal((await disconnected).closedEarly, true);
    });
  });

  describe('broken streams', () => {
    it('a stream that ends without finish_reason → invalid-response', async () => {
      env.fake.configure({ truncate: true });
      const e = await expectJarvisError(collect(provider().chat(ask('hi'))), 'invalid-response');
      assert.match(e.message, /ended before the answer was complete/);
    });

    it('a malformed JSON chunk → invalid-response', async () => {
      env.fake.configure({ malformedChunk: true });
      const e = await expectJarvisError(collect(provider().chat(ask('hi'))), 'invalid-response');
      assert.match(e.message, /malformed/);
    });

    it('an error event mid-stream → provider-error with the server message', async () => {
      env.fake.configure({ errorEvent: { type: 'server_error', message: 'The model crashed' } });
      const e = await expectJarvisError(collect(provider().chat(ask('hi'))), 'provider-error');
      assert.match(e.message, /mid-answer: The model crashed/);
    });

    it('a rate-limit error event mid-stream → rate-limited', async () => {
      env.fake.configure({ errorEvent: { type: 'rate_limit_exceeded', message: 'Slow down' } });
      await expectJarvisError(collect(provider().chat(ask('hi'))), 'rate-limited');
    });

    it('reports zero usage when a compatible server ignores stream_options', async () => {
      // Simulated by a fetch that strips stream_options from the request before the fake sees it.
      const strip: typeof fetch = (input, init) => {
        const body = JSON.parse(String(init?.body));
        delete body.stream_options;
        return fetch(input, { ...init, body: JSON.stringify(body) });
      };
      const chunks = await collect(provider({ fetch: strip }).chat(ask('hi')));
      const done = chunks[chunks.length - 1];
      assert.deepEqual(done.type === 'done' && done.usage, { inputTokens: 0, outputTokens: 0 });
      assert.equal(done.type === 'done' && done.finishReason, 'stop');
    });
  });
});
