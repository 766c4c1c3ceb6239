/** OpenAIProvider against the fake OpenAI server: streaming, base URL, bad input, keys, embeddings (failures: openaiProviderFailures). */
import * as assert from 'node:assert/strict';
import type { ProviderChatRequest } from '../../../../src/core/llm/types';
import { fakeEmbedding } from '../../../fakes/FakeOpenAIServer';
import { collect, everythingVisible, expectJarvisError, textOf } from '../../../fakes/providerAssertions';
import { assertFollowsMarkers } from '../../helpers/cloudProviderSetup';
import { OPENAI_TEST_KEY as KEY, useOpenAIProvider } from './openaiProviderSetup';

describe('OpenAIProvider', () => {
  const env = useOpenAIProvider();
  const { provider, ask } = env;

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
      const [req] = env.fake.requests;
      assert.equal(req.path, '/v1/chat/completions');
      assert.equal(req.headers.authorization, `Bearer ${KEY}`);
      const body = req.body as Record<string, unknown>;
      assert.equal(body.stream, true);
      assert.deepEqual(body.stream_options, { include_usage: true });
    });

    it('keeps system messages as system-role messages, first, in order', async () => {
      await collect(provider().chat(ask('hi')));
      const body = env.fake.requests[0].body as { messages: { role: string; content: string }[] };
      assert.deepEqual(body.messages, [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'hi' },
      ]);
    });

    it('reports finishReason "length" when maxTokens cuts the answer', async () => {
      const chunks = await collect(provider().chat(ask('hi [[long]]', { maxTokens: 5 })));
      assert.equal((env.fake.requests[0].body as Record<string, unknown>).max_tokens, 5);
      const done = chunks[chunks.length - 1];
      assert.equal(done.type === 'done' && done.finishReason, 'length');
      assert.equal(done.type === 'done' && done.usage.outputTokens, 5);
    });

    it('passes temperature only when set', async () => {
      await collect(provider().chat(ask('a', { temperature: 0.2 })));
      await collect(provider().chat(ask('b')));
      assert.equal((env.fake.requests[0].body as Record<string, unknown>).temperature, 0.2);
      assert.equal('temperature' in (env.fake.requests[1].body as object), false);
    });
  });

  describe('base URL', () => {
    it('accepts a base URL with a trailing slash (OpenAI-compatible servers)', async () => {
      const chunks = await collect(provider({ baseUrl: `${env.fake.url}/` }).chat(ask('hi')));
      assert.equal(textOf(chunks), 'Hello from fake OpenAI. You said: hi');
      assert.equal(env.fake.requests[0].path, '/v1/chat/completions');
    });

    it('sends max_completion_tokens to api.openai.com, whose newer models refuse max_tokens', async () => {
      const seen: string[] = [];
      // An injected fetch stands in for the network: it sends api.openai.com traffic to the env.fake.
      const redirect: typeof fetch = (input, init) => {
        const url = String(input instanceof Request ? input.url : input);
        seen.push(url);
        return fetch(url.replace('https://api.openai.com/v1', env.fake.url), init);
      };
      await collect(provider({ baseUrl: 'https://api.openai.com/v1', fetch: redirect }).chat(ask('hi', { maxTokens: 50 })));
      assert.deepEqual(seen, ['https://api.openai.com/v1/chat/completions']);
      const body = env.fake.requests[0].body as Record<string, unknown>;
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
        assert.equal(env.fake.requests.length, 0);
      });
    }

    it('refuses a negative or fractional maxRetries', async () => {
      for (const maxRetries of [-1, 0.5]) {
        const e = await expectJarvisError(collect(provider({ maxRetries }).chat(ask('hi'))), 'invalid-input');
        assert.match(e.message, /maxRetries for OpenAI must be a whole number/);
      }
      assert.equal(env.fake.requests.length, 0);
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
      assert.equal(env.fake.requests.length, 0);
    });

    it('a wrong key (401) fails with auth-failed and the key appears nowhere', async () => {
      const wrong = 'sk-wrong-KEY-9876543210fedcba';
      env.fake.configure({ echoKeyInErrors: true }); // the worst case: the server echoes the whole key
      const e = await expectJarvisError(collect(provider({ apiKey: wrong }).chat(ask('hi'))), 'auth-failed');
      assert.match(e.message, /OpenAI rejected the API key \(401\)/);
      assert.match(e.message, /Jarvis: Set OpenAI API Key/);
      assert.equal(e.details.status, 401);
      assert.equal(env.fake.requests.length, 1, 'a 401 is not retried');
      const visible = everythingVisible(e) + env.logLines.join('\n');
      assert.ok(!visible.includes(wrong), 'the key leaked into the error or the log');
      assert.ok(visible.includes('[redacted]'), 'the echoed key was scrubbed, not dropped silently');
    });
  });

  describe('embed', () => {
    it('returns one vector per input, in order, asking for floats', async () => {
      const vectors = await provider().embed('text-embedding-3-small', ['alpha', 'beta', 'alpha']);
      assert.equal(vectors.length, 3);
      assert.deepEqual(vectors[0], fakeEmbedding('alpha', 1536));
      assert.deepEqual(vectors[1], fakeEmbedding('beta', 1536));
      assert.deepEqual(vectors[2], vectors[0]);
      const req = env.fake.requests[0];
      assert.equal(req.path, '/v1/embeddings');
      assert.equal((req.body as Record<string, unknown>).encoding_format, 'float');
    });

    it('returns [] for no inputs without a request', async () => {
      assert.deepEqual(await provider().embed('text-embedding-3-small', []), []);
      assert.equal(env.fake.requests.length, 0);
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
      env.fake.configure({ stallBeforeHeaders: true });
      const controller = new AbortController();
      const arrived = env.fake.waitForRequest();
      const disconnected = env.fake.waitForDisconnect();
      const pending = provider().embed('text-embedding-3-small', ['a'], controller.signal);
      await arrived;
      controller.abort();
      await expectJarvisError(pending, 'cancelled');
      await disconnected;
    });
  });

  describe('fake server', () => {
    it('lists models like /v1/models', async () => {
      const res = await fetch(`${env.fake.url}/models`, { headers: { authorization: `Bearer ${KEY}` } });
      const json = (await res.json()) as { object: string; data: { id: string; object: string }[] };
      assert.equal(json.object, 'list');
      assert.ok(json.data.some((m) => m.id === 'gpt-4o-mini' && m.object === 'model'));
    });

    it('answers non-streaming chat with a chat.completion object', async () => {
      const res = await fetch(`${env.fake.url}/chat/completions`, {
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
