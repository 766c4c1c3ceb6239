import * as assert from 'node:assert/strict';
import { AnthropicProvider, ANTHROPIC_DEFAULT_MAX_TOKENS } from '../../../../src/core/llm/cloud/AnthropicProvider';
import { FakeAnthropicServer } from '../../../fakes/FakeAnthropicServer';
import { closedPort, collect, everythingVisible, expectJarvisError, textOf } from '../../../fakes/providerAssertions';
import { assertFollowsMarkers, useCloudProvider } from '../../helpers/cloudProviderSetup';

const KEY = 'sk-ant-test-SECRET-0123456789';

describe('AnthropicProvider', () => {
  const env = useCloudProvider({
    apiKey: KEY,
    model: 'claude-3-5-haiku-latest',
    start: (apiKey) => FakeAnthropicServer.start({ apiKey }),
    make: (connection, logger, clock) => new AnthropicProvider(connection, logger, clock),
  });
  const { provider, ask } = env;

  describe('streaming', () => {
    it('streams text, then done with input usage from message_start and output from message_delta', async () => {
      const chunks = await collect(provider().chat(ask('hi there')));
      const texts = chunks.filter((c) => c.type === 'text');
      assert.ok(texts.length > 3);
      assert.equal(textOf(chunks), 'Hello from fake Anthropic. You said: hi there');
      assert.deepEqual(chunks[chunks.length - 1], {
        type: 'done',
        // 'Be brief.' + 'hi there' = 4 words in; message_delta's cumulative count out (not message_start's 1).
        usage: { inputTokens: 4, outputTokens: texts.length },
        finishReason: 'stop',
        model: 'claude-3-5-haiku-latest',
      });
    });

    it('sends the key, an API version, stream and a default max_tokens', async () => {
      await collect(provider().chat(ask('hi')));
      const [req] = env.fake.requests;
      assert.equal(req.path, '/v1/messages');
      // SDK 1.x sends the key as a bearer token and pins API version 2026-10-21.
      assert.equal(req.headers.authorization, `Bearer ${KEY}`);
      assert.match(String(req.headers['anthropic-version']), /^\d{4}-\d{2}-\d{2}$/);
      const body = req.body as Record<string, unknown>;
      assert.equal(body.stream, true);
      assert.equal(body.max_tokens, ANTHROPIC_DEFAULT_MAX_TOKENS);
    });

    it('max_tokens stop → finishReason "length"', async () => {
      const chunks = await collect(provider().chat(ask('hi [[long]]', { maxTokens: 6 })));
      assert.equal((env.fake.requests[0].body as Record<string, unknown>).max_tokens, 6);
      const done = chunks[chunks.length - 1];
      assert.equal(done.type === 'done' && done.finishReason, 'length');
      assert.equal(done.type === 'done' && done.usage.outputTokens, 6);
    });

    it('accepts a base URL ending in /v1 or a slash', async () => {
      for (const baseUrl of [`${env.fake.url}/v1`, `${env.fake.url}/`]) {
        const chunks = await collect(provider({ baseUrl }).chat(ask('hi')));
        assert.equal(textOf(chunks), 'Hello from fake Anthropic. You said: hi');
      }
      assert.deepEqual(
        env.fake.requests.map((r) => r.path),
        ['/v1/messages', '/v1/messages'],
      );
    });
  });

  describe('message shaping', () => {
    it('puts system messages in the top-level system field, not in messages', async () => {
      await collect(
        provider().chat({
          model: 'claude-3-5-haiku-latest',
          messages: [
            { role: 'system', content: 'Rule one.' },
            { role: 'user', content: 'q1' },
            { role: 'system', content: 'Rule two.' },
          ],
        }),
      );
      const body = env.fake.requests[0].body as { system: string; messages: { role: string }[] };
      assert.equal(body.system, 'Rule one.\n\nRule two.');
      assert.deepEqual(body.messages, [{ role: 'user', content: 'q1' }]);
    });

    it('merges consecutive same-role messages so the strict API accepts them', async () => {
      const chunks = await collect(
        provider().chat({
          model: 'claude-3-5-haiku-latest',
          messages: [
            { role: 'user', content: 'part one' },
            { role: 'user', content: 'part two' },
            { role: 'assistant', content: 'ok' },
            { role: 'assistant', content: 'more' },
            { role: 'user', content: 'go' },
          ],
        }),
      );
      assert.equal(textOf(chunks), 'Hello from fake Anthropic. You said: go');
      assert.deepEqual((env.fake.requests[0].body as { messages: unknown }).messages, [
        { role: 'user', content: 'part one\n\npart two' },
        { role: 'assistant', content: 'ok\n\nmore' },
        { role: 'user', content: 'go' },
      ]);
    });

    it('does not send temperature, which the Messages API deprecated', async () => {
      await collect(provider().chat(ask('hi', { temperature: 0.3 })));
      assert.equal('temperature' in (env.fake.requests[0].body as object), false);
    });

    it('refuses a conversation with only system messages, without a request', async () => {
      const e = await expectJarvisError(
        collect(provider().chat({ model: 'claude-3-5-haiku-latest', messages: [{ role: 'system', content: 'x' }] })),
        'invalid-input',
      );
      assert.match(e.message, /at least one non-empty user message/);
      assert.equal(env.fake.requests.length, 0);
    });
  });

  describe('keys', () => {
    it('without a key fails with auth-failed naming the command, and makes no request', async () => {
      const e = await expectJarvisError(collect(provider({ apiKey: undefined }).chat(ask('hi'))), 'auth-failed');
      assert.match(e.message, /Jarvis: Set Anthropic API Key/);
      assert.equal(env.fake.requests.length, 0);
    });

    it('a wrong key (401) fails with auth-failed and the key appears nowhere', async () => {
      const wrong = 'sk-ant-wrong-KEY-9876543210';
      env.fake.configure({ echoKeyInErrors: true });
      const e = await expectJarvisError(collect(provider({ apiKey: wrong }).chat(ask('hi'))), 'auth-failed');
      assert.match(e.message, /Anthropic rejected the API key \(401\)/);
      assert.match(e.message, /Jarvis: Set Anthropic API Key/);
      const visible = everythingVisible(e) + env.logLines.join('\n');
      assert.ok(!visible.includes(wrong), 'the key leaked into the error or the log');
      assert.ok(visible.includes('[redacted]'));
    });
  });

  describe('HTTP errors', () => {
    it('429 with retry-after → rate-limited with retryAfterMs', async () => {
      env.fake.configure({ failNext: 1, failStatus: 429, retryAfter: '12' });
      const e = await expectJarvisError(collect(provider().chat(ask('hi'))), 'rate-limited');
      assert.equal(e.details.retryAfterMs, 12_000);
    });

    it('529 overloaded → provider-error with the status', async () => {
      env.fake.configure({ failNext: 1, failStatus: 529 });
      const e = await expectJarvisError(collect(provider().chat(ask('hi'))), 'provider-error');
      assert.equal(e.details.status, 529);
      assert.match(e.message, /overloaded/);
    });

    it('404 for an unknown model → model-not-found', async () => {
      const e = await expectJarvisError(collect(provider().chat(ask('hi', { model: 'claude-nope' }))), 'model-not-found');
      assert.match(e.message, /"claude-nope"/);
    });

    it('500 with maxRetries 0 makes exactly one attempt; with 2, three', async () => {
      env.fake.configure({ failNext: 10, failStatus: 500, retryAfterMs: '1' });
      await expectJarvisError(collect(provider({ maxRetries: 0 }).chat(ask('hi'))), 'provider-error');
      assert.equal(env.fake.requests.length, 1);
      await expectJarvisError(collect(provider({ maxRetries: 2 }).chat(ask('hi'))), 'provider-error');
      assert.equal(env.fake.requests.length, 4);
    });

    it('connection refused → provider-unreachable', async () => {
      const port = await closedPort();
      const e = await expectJarvisError(collect(provider({ baseUrl: `http://127.0.0.1:${port}` }).chat(ask('hi'))), 'provider-unreachable');
      assert.match(e.message, /Cannot reach Anthropic/);
    });

    it('a server that never sends headers → timeout', async () => {
      env.fake.configure({ stallBeforeHeaders: true });
      await expectJarvisError(collect(provider({ timeoutMs: 200 }).chat(ask('hi'))), 'timeout');
    });
  });

  describe('cancellation', () => {
    it('abort mid-stream → cancelled, and the server sees the disconnect', async () => {
      env.fake.configure({ stallMidStream: true });
      const controller = new AbortController();
      const disconnected = env.fake.waitForDisconnect();
      const it = provider()
        .chat(ask('hi', { signal: controller.signal }))
        [Symbol.asyncIterator]();
      assert.equal((await it.next()).value?.type, 'text');
      const pending = it.next();
      controller.abort();
      await expectJarvisError(pending, 'cancelled');
      assert.equal((await disconnected).closedEarly, true);
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

    it('a stream that stalls mid-answer → timeout', async () => {
      env.fake.configure({ stallMidStream: true });
      await expectJarvisError(collect(provider({ timeoutMs: 300 }).chat(ask('hi'))), 'timeout');
    });
  });

  describe('broken streams', () => {
    it('a stream that ends without message_stop → invalid-response', async () => {
      env.fake.configure({ truncate: true });
      await expectJarvisError(collect(provider().chat(ask('hi'))), 'invalid-response');
    });

    it('a malformed JSON event → invalid-response', async () => {
      env.fake.configure({ malformedChunk: true });
      await expectJarvisError(collect(provider().chat(ask('hi'))), 'invalid-response');
    });

    it('an overloaded error event mid-stream → provider-error', async () => {
      env.fake.configure({ errorEvent: { type: 'overloaded_error', message: 'Overloaded' } });
      const e = await expectJarvisError(collect(provider().chat(ask('hi'))), 'provider-error');
      assert.match(e.message, /mid-answer: Overloaded/);
    });

    it('a rate_limit_error event mid-stream → rate-limited', async () => {
      env.fake.configure({ errorEvent: { type: 'rate_limit_error', message: 'Too many tokens' } });
      await expectJarvisError(collect(provider().chat(ask('hi'))), 'rate-limited');
    });

    it('a socket reset mid-stream → provider-unreachable', async () => {
      env.fake.configure({ resetMidStream: true });
      await expectJarvisError(collect(provider().chat(ask('hi'))), 'provider-unreachable');
    });
  });

  describe('fake server', () => {
    it('rejects a system role and unalternating roles like the real API', async () => {
      const post = (messages: unknown) =>
        fetch(`${env.fake.url}/v1/messages`, {
          method: 'POST',
          headers: { 'x-api-key': KEY, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
          body: JSON.stringify({ model: 'claude-3-5-haiku-latest', max_tokens: 10, messages }),
        });
      const system = await post([{ role: 'system', content: 'x' }]);
      assert.equal(system.status, 400);
      assert.match(JSON.stringify(await system.json()), /Unexpected role \\"system\\"/);
      const twice = await post([
        { role: 'user', content: 'a' },
        { role: 'user', content: 'b' },
      ]);
      assert.equal(twice.status, 400);
      assert.match(JSON.stringify(await twice.json()), /roles must alternate/);
    });

    // The system prompt travels outside `messages`, so one message arrives.
    it("follows the Ollama fake's markers: [[error]], [[garbage]], [[history]]", () => assertFollowsMarkers(provider, ask, 1));

    it('requires anthropic-version', async () => {
      const res = await fetch(`${env.fake.url}/v1/messages`, { method: 'POST', headers: { 'x-api-key': KEY }, body: '{}' });
      assert.equal(res.status, 400);
    });
  });
});
