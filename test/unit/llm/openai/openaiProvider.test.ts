import * as assert from 'node:assert/strict';
import { FakeClock } from '../../../fakes/FakeClock';
import type { CloudConnection } from '../../../../src/core/llm/CloudConnection';
import { OpenAIProvider } from '../../../../src/core/llm/openai/OpenAIProvider';
import type { ProviderChatRequest } from '../../../../src/core/llm/types';
import { fakeEmbedding, FakeOpenAIServer } from '../../../fakes/FakeOpenAIServer';
import { closedPort, collect, everythingVisible, expectJarvisError, textOf } from '../../../fakes/providerAssertions';
import { askFor, assertFollowsMarkers, capturingLogger, fakeConnection } from '../../helpers/cloudProviderSetup';

const KEY = 'sk-test-SECRET-0123456789abcdef';

describe('OpenAIProvider', () => {
  let fake: FakeOpenAIServer;
  let logLines: string[];

  beforeEach(async () => {
    fake = await FakeOpenAIServer.start({ apiKey: KEY });
    logLines = [];
  });
  afterEach(() => fake.close());

  function provider(over: Partial<CloudConnection> = {}, clock?: FakeClock): OpenAIProvider {
    return new OpenAIProvider(() => fakeConnection(fake.url, KEY, over), capturingLogger(logLines), clock);
  }

  const ask = askFor('gpt-4o-mini');

  describe('streaming', () => {
    it('streams the answer in several text chunks, then one done with usage and finish reason', async () => {
      const chunks = await collect(provider().chat(ask('hi there')));
      const texts = chunks.filter((c) => c.type === 'text');
      assert.ok(texts.length > 3, 'the answer arrives in pieces');
      assert.equal(textOf(chunks), 'Hello from fake OpenAI. You said: hi there');
      const done = chunks[chunks.length - 1];
      // 'Be brief.' + 'hi there' = 4 words in; one token per streamed piece out.
      assert.deepEqual(done, {
        type: 'done',
        usage: { inputTokens: 4, outputTokens: texts.length },
        finishReason: 'stop',
        model: 'gpt-4o-mini',
      });
      assert.equal(chunks.filter((c) => c.type === 'done').length, 1);
    });

    it('asks for usage in the stream and authenticates with a bearer key', async () => {
      await collect(provider().chat(ask('hi')));
      const [req] = fake.requests;
      assert.equal(req.path, '/v1/chat/completions');
      assert.equal(req.headers.authorization, `Bearer ${KEY}`);
      const body = req.body as Record<string, unknown>;
      assert.equal(body.stream, true);
      assert.deepEqual(body.stream_options, { include_usage: true });
    });

    it('keeps system messages as system-role messages, first, in order', async () => {
      await collect(provider().chat(ask('hi')));
      const body = fake.requests[0].body as { messages: { role: string; content: string }[] };
      assert.deepEqual(body.messages, [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'hi' },
      ]);
    });

    it('reports finishReason "length" when maxTokens cuts the answer', async () => {
      const chunks = await collect(provider().chat(ask('hi [[long]]', { maxTokens: 5 })));
      assert.equal((fake.requests[0].body as Record<string, unknown>).max_tokens, 5);
      const done = chunks[chunks.length - 1];
      assert.equal(done.type === 'done' && done.finishReason, 'length');
      assert.equal(done.type === 'done' && done.usage.outputTokens, 5);
    });

    it('passes temperature only when set', async () => {
      await collect(provider().chat(ask('a', { temperature: 0.2 })));
      await collect(provider().chat(ask('b')));
      assert.equal((fake.requests[0].body as Record<string, unknown>).temperature, 0.2);
      assert.equal('temperature' in (fake.requests[1].body as object), false);
    });
  });

  describe('base URL', () => {
    it('accepts a base URL with a trailing slash (OpenAI-compatible servers)', async () => {
      const chunks = await collect(provider({ baseUrl: `${fake.url}/` }).chat(ask('hi')));
      assert.equal(textOf(chunks), 'Hello from fake OpenAI. You said: hi');
      assert.equal(fake.requests[0].path, '/v1/chat/completions');
    });

    it('sends max_completion_tokens to api.openai.com, whose newer models refuse max_tokens', async () => {
      const seen: string[] = [];
      // An injected fetch stands in for the network: it sends api.openai.com traffic to the fake.
      const redirect: typeof fetch = (input, init) => {
        const url = String(input instanceof Request ? input.url : input);
        seen.push(url);
        return fetch(url.replace('https://api.openai.com/v1', fake.url), init);
      };
      await collect(provider({ baseUrl: 'https://api.openai.com/v1', fetch: redirect }).chat(ask('hi', { maxTokens: 50 })));
      assert.deepEqual(seen, ['https://api.openai.com/v1/chat/completions']);
      const body = fake.requests[0].body as Record<string, unknown>;
      assert.equal(body.max_completion_tokens, 50);
      assert.equal('max_tokens' in body, false);
    });

    it('rejects a base URL that is not http(s) before any request', async () => {
      const e = await expectJarvisError(collect(provider({ baseUrl: 'ftp://example.test' }).chat(ask('hi'))), 'invalid-input');
      assert.match(e.message, /http:\/\/ or https:\/\//);
      const e2 = await expectJarvisError(collect(provider({ baseUrl: 'not a url' }).chat(ask('hi'))), 'invalid-input');
      assert.match(e2.message, /not a valid URL/);
    });
  });

  describe('bad input', () => {
    const cases: [string, Partial<ProviderChatRequest>, RegExp][] = [
      ['an empty model', { model: ' ' }, /No OpenAI model is set/],
      ['no messages', { messages: [] }, /at least one message/],
      ['an unknown role', { messages: [{ role: 'tool' as 'user', content: 'x' }] }, /role "tool"/],
      ['a temperature above 2', { temperature: 3 }, /temperature must be between 0 and 2/],
      ['a fractional maxTokens', { maxTokens: 1.5 }, /maxTokens must be a positive whole number/],
    ];
    for (const [name, patch, message] of cases) {
      it(`refuses ${name} without calling the server`, async () => {
        const e = await expectJarvisError(collect(provider().chat(ask('hi', patch))), 'invalid-input');
        assert.match(e.message, message);
        assert.equal(fake.requests.length, 0);
      });
    }

    it('refuses a negative or fractional maxRetries', async () => {
      for (const maxRetries of [-1, 0.5]) {
        const e = await expectJarvisError(collect(provider({ maxRetries }).chat(ask('hi'))), 'invalid-input');
        assert.match(e.message, /maxRetries for OpenAI must be a whole number/);
      }
      assert.equal(fake.requests.length, 0);
    });

    it('refuses a zero timeout', async () => {
      const e = await expectJarvisError(collect(provider({ timeoutMs: 0 }).chat(ask('hi'))), 'invalid-input');
      assert.match(e.message, /timeoutMs for OpenAI must be a positive whole number/);
    });
  });

  describe('keys', () => {
    it('without a key fails with auth-failed naming the command, and makes no request', async () => {
      for (const apiKey of [undefined, '', '   ']) {
        const e = await expectJarvisError(collect(provider({ apiKey }).chat(ask('hi'))), 'auth-failed');
        assert.match(e.message, /Jarvis: Set OpenAI API Key/);
      }
      assert.equal(fake.requests.length, 0);
    });

    it('a wrong key (401) fails with auth-failed and the key appears nowhere', async () => {
      const wrong = 'sk-wrong-KEY-9876543210fedcba';
      fake.configure({ echoKeyInErrors: true }); // the worst case: the server echoes the whole key
      const e = await expectJarvisError(collect(provider({ apiKey: wrong }).chat(ask('hi'))), 'auth-failed');
      assert.match(e.message, /OpenAI rejected the API key \(401\)/);
      assert.match(e.message, /Jarvis: Set OpenAI API Key/);
      assert.equal(e.details.status, 401);
      assert.equal(fake.requests.length, 1, 'a 401 is not retried');
      const visible = everythingVisible(e) + logLines.join('\n');
      assert.ok(!visible.includes(wrong), 'the key leaked into the error or the log');
      assert.ok(visible.includes('[redacted]'), 'the echoed key was scrubbed, not dropped silently');
    });
  });

  describe('HTTP errors', () => {
    it('429 with retry-after seconds → rate-limited with retryAfterMs', async () => {
      fake.configure({ failNext: 1, failStatus: 429, retryAfter: '7' });
      const e = await expectJarvisError(collect(provider().chat(ask('hi'))), 'rate-limited');
      assert.equal(e.details.retryAfterMs, 7000);
      assert.equal(e.details.status, 429);
      assert.match(e.message, /Retry in 7 s/);
    });

    it('429 prefers retry-after-ms', async () => {
      fake.configure({ failNext: 1, failStatus: 429, retryAfter: '7', retryAfterMs: '1500' });
      const e = await expectJarvisError(collect(provider().chat(ask('hi'))), 'rate-limited');
      assert.equal(e.details.retryAfterMs, 1500);
    });

    it('429 with retry-after as an HTTP date is measured against the injected clock', async () => {
      const clock = new FakeClock(Date.parse('2025-01-01T00:00:00Z'));
      fake.configure({ failNext: 1, failStatus: 429, retryAfter: 'Wed, 01 Jan 2025 00:00:30 GMT' });
      const e = await expectJarvisError(collect(provider({}, clock).chat(ask('hi'))), 'rate-limited');
      assert.equal(e.details.retryAfterMs, 30_000);
    });

    it('429 insufficient_quota is not a rate limit: retrying cannot help', async () => {
      fake.configure({
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
      fake.configure({
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
      fake.configure({ failNext: 5, failStatus: 500, retryAfterMs: '1' });
      const e = await expectJarvisError(collect(provider({ maxRetries: 0 }).chat(ask('hi'))), 'provider-error');
      assert.equal(e.details.status, 500);
      assert.equal(fake.requests.length, 1);
    });

    it('500 with maxRetries 2 makes exactly three attempts', async () => {
      // retry-after-ms: 1 keeps the SDK's own back-off short.
      fake.configure({ failNext: 5, failStatus: 500, retryAfterMs: '1' });
      await expectJarvisError(collect(provider({ maxRetries: 2 }).chat(ask('hi'))), 'provider-error');
      assert.equal(fake.requests.length, 3);
    });

    it('with maxRetries 2 a transient 503 is retried through to an answer', async () => {
      fake.configure({ failNext: 1, failStatus: 503, retryAfterMs: '1' });
      const chunks = await collect(provider({ maxRetries: 2 }).chat(ask('hi')));
      assert.equal(textOf(chunks), 'Hello from fake OpenAI. You said: hi');
      assert.equal(fake.requests.length, 2);
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
      fake.configure({ stallBeforeHeaders: true });
      const e = await expectJarvisError(collect(provider({ timeoutMs: 200 }).chat(ask('hi'))), 'timeout');
      assert.match(e.message, /did not answer within 0\.2 s/);
    });

    it('a stream that stalls mid-answer → timeout, and the connection is closed', async () => {
      fake.configure({ stallMidStream: true });
      const disconnected = fake.waitForDisconnect();
      const e = await expectJarvisError(collect(provider({ timeoutMs: 300 }).chat(ask('hi'))), 'timeout');
      assert.match(e.message, /stopped sending/);
      assert.equal((await disconnected).path, '/v1/chat/completions');
    });

    it('a socket reset mid-stream → provider-unreachable', async () => {
      fake.configure({ resetMidStream: true });
      const e = await expectJarvisError(collect(provider().chat(ask('hi'))), 'provider-unreachable');
      assert.match(e.message, /lost mid-answer/);
    });
  });

  describe('cancellation', () => {
    it('an already-aborted signal fails with cancelled and sends nothing', async () => {
      const controller = new AbortController();
      controller.abort();
      await expectJarvisError(collect(provider().chat(ask('hi', { signal: controller.signal }))), 'cancelled');
      assert.equal(fake.requests.length, 0);
    });

    it('abort mid-stream → cancelled, and the server sees the disconnect', async () => {
      fake.configure({ stallMidStream: true });
      const controller = new AbortController();
      const disconnected = fake.waitForDisconnect();
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
      fake.configure({ stallMidStream: true, faultAfterChunks: 3 });
      const disconnected = fake.waitForDisconnect();
      for await (const chunk of provider().chat(ask('hi'))) {
        assert.equal(chunk.type, 'text');
        break;
      }
      assert.equal((await disconnected).closedEarly, true);
    });
  });

  describe('broken streams', () => {
    it('a stream that ends without finish_reason → invalid-response', async () => {
      fake.configure({ truncate: true });
      const e = await expectJarvisError(collect(provider().chat(ask('hi'))), 'invalid-response');
      assert.match(e.message, /ended before the answer was complete/);
    });

    it('a malformed JSON chunk → invalid-response', async () => {
      fake.configure({ malformedChunk: true });
      const e = await expectJarvisError(collect(provider().chat(ask('hi'))), 'invalid-response');
      assert.match(e.message, /malformed/);
    });

    it('an error event mid-stream → provider-error with the server message', async () => {
      fake.configure({ errorEvent: { type: 'server_error', message: 'The model crashed' } });
      const e = await expectJarvisError(collect(provider().chat(ask('hi'))), 'provider-error');
      assert.match(e.message, /mid-answer: The model crashed/);
    });

    it('a rate-limit error event mid-stream → rate-limited', async () => {
      fake.configure({ errorEvent: { type: 'rate_limit_exceeded', message: 'Slow down' } });
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

  describe('embed', () => {
    it('returns one vector per input, in order, asking for floats', async () => {
      const vectors = await provider().embed('text-embedding-3-small', ['alpha', 'beta', 'alpha']);
      assert.equal(vectors.length, 3);
      assert.deepEqual(vectors[0], fakeEmbedding('alpha', 1536));
      assert.deepEqual(vectors[1], fakeEmbedding('beta', 1536));
      assert.deepEqual(vectors[2], vectors[0]);
      const req = fake.requests[0];
      assert.equal(req.path, '/v1/embeddings');
      assert.equal((req.body as Record<string, unknown>).encoding_format, 'float');
    });

    it('returns [] for no inputs without a request', async () => {
      assert.deepEqual(await provider().embed('text-embedding-3-small', []), []);
      assert.equal(fake.requests.length, 0);
    });

    it('maps errors as chat does', async () => {
      await expectJarvisError(provider().embed('nope-embed', ['a']), 'model-not-found');
      await expectJarvisError(provider({ apiKey: undefined }).embed('text-embedding-3-small', ['a']), 'auth-failed');
      await expectJarvisError(provider().embed('', ['a']), 'invalid-input');
    });

    it('rejects an answer with the wrong number of vectors', async () => {
      const dropOne: typeof fetch = async (input, init) => {
        const res = await fetch(input, init);
        const json = (await res.json()) as { data: unknown[] };
        json.data.pop();
        return new Response(JSON.stringify(json), { status: 200, headers: { 'content-type': 'application/json' } });
      };
      const e = await expectJarvisError(provider({ fetch: dropOne }).embed('text-embedding-3-small', ['a', 'b']), 'invalid-response');
      assert.match(e.message, /expected 2 vectors, got 1/);
    });

    it('abort → cancelled', async () => {
      fake.configure({ stallBeforeHeaders: true });
      const controller = new AbortController();
      const arrived = fake.waitForRequest();
      const disconnected = fake.waitForDisconnect();
      const pending = provider().embed('text-embedding-3-small', ['a'], controller.signal);
      await arrived;
      controller.abort();
      await expectJarvisError(pending, 'cancelled');
      await disconnected;
    });
  });

  describe('fake server', () => {
    it('lists models like /v1/models', async () => {
      const res = await fetch(`${fake.url}/models`, { headers: { authorization: `Bearer ${KEY}` } });
      const json = (await res.json()) as { object: string; data: { id: string; object: string }[] };
      assert.equal(json.object, 'list');
      assert.ok(json.data.some((m) => m.id === 'gpt-4o-mini' && m.object === 'model'));
    });

    it('answers non-streaming chat with a chat.completion object', async () => {
      const res = await fetch(`${fake.url}/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'yo' }] }),
      });
      const json = (await res.json()) as { object: string; choices: { message: { content: string } }[] };
      assert.equal(json.object, 'chat.completion');
      assert.equal(json.choices[0].message.content, 'Hello from fake OpenAI. You said: yo');
    });

    it("follows the Ollama fake's markers: [[error]], [[garbage]], [[history]]", () => assertFollowsMarkers(provider, ask, 2));

    it('puts a fenced code block in the answer for [[code]]', async () => {
      const chunks = await collect(provider().chat(ask('show [[code]]')));
      assert.match(textOf(chunks), /```ts\nexport const answer = 42;\n```/);
    });
  });
});
