import * as assert from 'node:assert/strict';
import { OllamaProvider } from '../../../../src/core/llm/ollama/OllamaProvider';
import type { ProviderChatRequest } from '../../../../src/core/llm/types';
import { FakeOllamaServer } from '../../../fakes/FakeOllamaServer';
import { assertJarvisError } from '../../helpers/assertJarvisError';
import { closedPort } from '../../helpers/closedPort';
import { collect } from '../../helpers/collect';
import { startHttpServer } from '../../helpers/startHttpServer';

const ask = (content: string, model = 'llama3'): ProviderChatRequest => ({
  model,
  messages: [{ role: 'user', content }],
});

describe('OllamaProvider errors', () => {
  let fake: FakeOllamaServer;
  let provider: OllamaProvider;
  beforeEach(async () => {
    fake = await FakeOllamaServer.start();
    provider = new OllamaProvider(() => ({ host: fake.url }));
  });
  afterEach(() => fake.close());

  it('connection refused → provider-unreachable, telling the user to start Ollama', async () => {
    const host = `http://127.0.0.1:${await closedPort()}`;
    const err = await assertJarvisError(collect(new OllamaProvider(() => ({ host })).chat(ask('hi'))), 'provider-unreachable');
    assert.equal(err.message, `Cannot reach Ollama at ${host}. Is it running? Start it with \`ollama serve\`.`);
    assert.equal(err.details.host, host);
    assert.equal(err.details.model, 'llama3');
    assert.ok(err.details.cause instanceof Error);
  });

  it('an unknown model → model-not-found naming the model and how to pull it', async () => {
    const err = await assertJarvisError(collect(provider.chat(ask('hi', 'mistral:7b'))), 'model-not-found');
    assert.match(err.message, /Model "mistral:7b" is not installed in Ollama/);
    assert.match(err.message, /ollama pull mistral:7b/);
    assert.equal(err.details.status, 404);
    assert.equal(err.details.model, 'mistral:7b');
  });

  it('an {"error"} line mid-stream → provider-error carrying the server message, after the partial text', async () => {
    const seen: string[] = [];
    const err = await assertJarvisError(async () => {
      for await (const c of provider.chat(ask('[[error]]'))) if (c.type === 'text') seen.push(c.text);
    }, 'provider-error');
    assert.deepEqual(seen, ['Partial ', 'answer ']);
    assert.match(err.message, /boom/);
  });

  it('a line that is not JSON → invalid-response (even though a done line follows)', async () => {
    const err = await assertJarvisError(collect(provider.chat(ask('[[garbage]]'))), 'invalid-response');
    assert.match(err.message, /this is not json/);
    assert.equal(err.details.host, fake.url);
  });

  it('a stream that ends without its final line → invalid-response', async () => {
    const server = await startHttpServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
      res.end('{"model":"llama3","message":{"role":"assistant","content":"Hi"},"done":false}\n');
    });
    try {
      const p = new OllamaProvider(() => ({ host: server.url }));
      await assertJarvisError(collect(p.chat(ask('hi'))), 'invalid-response');
    } finally {
      await server.close();
    }
  });

  it('the server dropping the connection mid-answer → provider-error', async () => {
    const server = await startHttpServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
      res.write('{"model":"llama3","message":{"role":"assistant","content":"Hi"},"done":false}\n', () => res.destroy());
    });
    try {
      const p = new OllamaProvider(() => ({ host: server.url }));
      const err = await assertJarvisError(collect(p.chat(ask('hi'))), 'provider-error');
      assert.match(err.message, /closed the connection/);
    } finally {
      await server.close();
    }
  });

  it('other HTTP errors → provider-error with the status', async () => {
    const server = await startHttpServer((_req, res) => {
      res.writeHead(500, { 'Content-Type': 'application/json' }).end('{"error":"out of memory"}');
    });
    try {
      const p = new OllamaProvider(() => ({ host: server.url }));
      const err = await assertJarvisError(collect(p.chat(ask('hi'))), 'provider-error');
      assert.equal(err.details.status, 500);
      assert.match(err.message, /HTTP 500: out of memory/);
    } finally {
      await server.close();
    }
  });

  describe('bad input', () => {
    it('an empty model name → invalid-input, nothing sent', async () => {
      const err = await assertJarvisError(collect(provider.chat(ask('hi', ' '))), 'invalid-input');
      assert.match(err.message, /jarvis\.ollama\.model/);
      assert.equal(fake.requests.length, 0);
    });

    it('no messages → invalid-input', async () => {
      await assertJarvisError(collect(provider.chat({ model: 'llama3', messages: [] })), 'invalid-input');
      assert.equal(fake.requests.length, 0);
    });

    it('a host that is not an http URL → invalid-input naming the setting', async () => {
      for (const host of ['not a url', 'ftp://localhost:11434']) {
        const p = new OllamaProvider(() => ({ host }));
        const err = await assertJarvisError(collect(p.chat(ask('hi'))), 'invalid-input');
        assert.match(err.message, /jarvis\.ollama\.host/);
      }
    });
  });
});
