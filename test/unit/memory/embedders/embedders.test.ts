import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isJarvisError } from '../../../../src/common/errors';
import { OpenAIProvider } from '../../../../src/core/llm/cloud/OpenAIProvider';
import { OfflineEmbedder } from '../../../../src/core/memory/embedders/OfflineEmbedder';
import { OllamaEmbedder } from '../../../../src/core/memory/embedders/OllamaEmbedder';
import { OpenAIEmbedder } from '../../../../src/core/memory/embedders/OpenAIEmbedder';
import { FakeOllamaServer } from '../../../fakes/FakeOllamaServer';

const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);

describe('OfflineEmbedder', () => {
  const e = new OfflineEmbedder();

  it('is deterministic, 384-dimensional and unit length', async () => {
    const [a, b] = await e.embed(['Use PostgreSQL in production', 'Use PostgreSQL in production']);
    assert.equal(e.dimension, 384);
    assert.equal(e.id, 'offline-hash-v1-384');
    assert.deepEqual(a, b);
    assert.ok(Math.abs(cos(a, a) - 1) < 1e-9);
    assert.deepEqual((await e.embed(['']))[0], new Array(384).fill(0));
  });

  it('scores lexical relatives above unrelated text, and splits identifiers', async () => {
    const [q, near, far, ident] = await e.embed([
      'database choice for production',
      'Decided to use PostgreSQL for the production database',
      'Lunch is at noon on Friday',
      'parseUserConfig',
    ]);
    assert.ok(cos(q, near) > 0.3, `near ${cos(q, near)}`);
    assert.ok(cos(q, far) < 0.1, `far ${cos(q, far)}`);
    const [phrase] = await e.embed(['parse user config']);
    assert.ok(cos(ident, phrase) > 0.5, 'camelCase parts match the words');
  });

  it('refuses bad input and dimensions', async () => {
    assert.throws(() => new OfflineEmbedder({ dimension: 4 }), /dimension must be a whole number between 8 and 8192/);
    await assert.rejects(e.embed([1 as never]), /Texts to embed must be a list of strings/);
    const ac = new AbortController();
    ac.abort();
    await assert.rejects(e.embed(['x'], ac.signal), (err) => isJarvisError(err, 'cancelled'));
  });
});

describe('OllamaEmbedder (real SDK against a fake Ollama server)', () => {
  let server: FakeOllamaServer;
  before(async () => {
    server = await FakeOllamaServer.start({ models: ['nomic-embed-text:latest', 'all-minilm:latest'] });
  });
  after(() => server.close());

  it('embeds through POST /api/embed in batches', async () => {
    const e = new OllamaEmbedder({ connection: () => ({ host: server.url }), dimension: 32, batchSize: 2 });
    assert.equal(e.id, 'ollama:nomic-embed-text');
    const before = server.requests.length;
    const vectors = await e.embed(['a b', 'c d', 'e f']);
    assert.equal(vectors.length, 3);
    assert.equal(vectors[0].length, 32);
    const calls = server.requests.slice(before).filter((r) => r.path === '/api/embed');
    assert.equal(calls.length, 2);
    assert.deepEqual(calls[0].body, { model: 'nomic-embed-text', input: ['a b', 'c d'] });
  });

  it('refuses vectors of the wrong size instead of poisoning the index', async () => {
    const e = new OllamaEmbedder({ connection: () => ({ host: server.url }) });
    assert.equal(e.dimension, 768);
    await assert.rejects(e.embed(['x']), (err) => isJarvisError(err, 'invalid-response') && /32-dimensional embeddings, but 768/.test(err.message));
  });

  it('maps a missing model, an unreachable host and cancellation to clear errors', async () => {
    const missing = new OllamaEmbedder({ connection: () => ({ host: server.url }), model: 'mxbai-embed-large' });
    await assert.rejects(missing.embed(['x']), (err) => isJarvisError(err, 'model-not-found') && /ollama pull mxbai-embed-large/.test(err.message));
    const down = new OllamaEmbedder({ connection: () => ({ host: 'http://127.0.0.1:9' }), dimension: 32 });
    await assert.rejects(down.embed(['x']), (err) => isJarvisError(err, 'provider-unreachable'));
    const ac = new AbortController();
    ac.abort();
    await assert.rejects(new OllamaEmbedder({ connection: () => ({ host: server.url }), dimension: 32 }).embed(['x'], ac.signal), (err) =>
      isJarvisError(err, 'cancelled'),
    );
  });

  it('validates options', () => {
    assert.throws(() => new OllamaEmbedder({} as never), /needs a `connection` function/);
    assert.throws(() => new OllamaEmbedder({ connection: () => ({ host: 'x' }), model: 'custom-embedder' }), /unknown: pass its `dimension`/);
    assert.throws(() => new OllamaEmbedder({ connection: () => ({ host: 'x' }), batchSize: 0 }), /batchSize must be a whole number/);
    assert.throws(() => new OllamaEmbedder({ connection: () => ({ host: 'x' }), model: ' ' }), /non-empty string/);
  });
});

/** Speaks OpenAI's POST /v1/embeddings (float and base64 encodings). */
async function startFakeOpenAI(): Promise<{ url: string; requests: unknown[]; close: () => Promise<void> }> {
  const requests: unknown[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = JSON.parse(raw || '{}') as { model: string; input: string[]; encoding_format?: string };
      requests.push(body);
      const send = (status: number, payload: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
      if (req.headers.authorization !== 'Bearer sk-test') {
        return send(401, { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } });
      }
      if (req.method !== 'POST' || req.url !== '/v1/embeddings')
        return send(404, { error: { message: 'not found', type: 'invalid_request_error', param: null, code: null } });
      const dims = body.model === 'text-embedding-3-small' ? 1536 : 8;
      const data = body.input.map((text, index) => {
        const v = Array.from({ length: dims }, (_, i) => ((text.length + i) % 7) / 7);
        const embedding = body.encoding_format === 'base64' ? Buffer.from(new Float32Array(v).buffer).toString('base64') : v;
        return { object: 'embedding', index, embedding };
      });
      // Out of order on purpose: clients must order by `index`.
      send(200, { object: 'list', data: data.reverse(), model: body.model, usage: { prompt_tokens: 3, total_tokens: 3 } });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

describe('OpenAIEmbedder (real openai SDK against a fake server)', () => {
  let fake: Awaited<ReturnType<typeof startFakeOpenAI>>;
  const provider = (apiKey = 'sk-test') => new OpenAIProvider(() => ({ baseUrl: fake.url, apiKey, maxRetries: 0 }));
  before(async () => {
    fake = await startFakeOpenAI();
  });
  after(() => fake.close());

  it('embeds with text-embedding-3-small (1536 dims), in order', async () => {
    const e = new OpenAIEmbedder({ api: provider() });
    assert.equal(e.id, 'openai:text-embedding-3-small');
    const [a, b] = await e.embed(['x', 'yy']);
    assert.equal(a.length, 1536);
    assert.equal(a[0], 1 / 7);
    assert.equal(b[0], 2 / 7);
  });

  it('batches and checks the configured dimension', async () => {
    const e = new OpenAIEmbedder({ api: provider(), model: 'compat-embed', dimension: 8, batchSize: 2 });
    const n = fake.requests.length;
    assert.equal((await e.embed(['a', 'b', 'c'])).length, 3);
    assert.equal(fake.requests.length - n, 2);
    const wrong = new OpenAIEmbedder({ api: provider(), model: 'compat-embed', dimension: 16 });
    await assert.rejects(wrong.embed(['a']), (err) => isJarvisError(err, 'invalid-response') && /8-dimensional/.test(err.message));
  });

  it('reports a bad key as auth-failed', async () => {
    await assert.rejects(new OpenAIEmbedder({ api: provider('sk-wrong') }).embed(['a']), (err) => isJarvisError(err, 'auth-failed'));
  });

  it('validates options', () => {
    assert.throws(() => new OpenAIEmbedder({} as never), /needs an `api` with an `embed` method/);
    assert.throws(() => new OpenAIEmbedder({ api: provider(), model: 'mystery' }), /unknown: pass its `dimension`/);
    assert.throws(() => new OpenAIEmbedder({ api: provider(), batchSize: 5000 }), /batchSize must be a whole number from 1 to 2048/);
  });
});
