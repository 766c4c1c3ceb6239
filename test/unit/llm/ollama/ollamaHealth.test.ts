import * as assert from 'node:assert/strict';
import { OllamaModels } from '../../../../src/core/llm/ollama/OllamaModels';
import { FakeOllamaServer } from '../../../fakes/FakeOllamaServer';
import { closedPort } from '../../helpers/closedPort';
import { startHttpServer } from '../../helpers/startHttpServer';

describe('OllamaModels.health', () => {
  it('reports reachable with the server version', async () => {
    const fake = await FakeOllamaServer.start({ version: '0.9.1' });
    try {
      const health = await new OllamaModels(() => ({ host: fake.url })).health();
      assert.deepEqual(health, { reachable: true, version: '0.9.1' });
      assert.deepEqual(
        fake.requests.map((r) => `${r.method} ${r.path}`),
        ['GET /api/version'],
      );
    } finally {
      await fake.close();
    }
  });

  it('reports unreachable (without throwing) when nothing listens', async () => {
    const host = `http://127.0.0.1:${await closedPort()}`;
    const health = await new OllamaModels(() => ({ host })).health();
    assert.equal(health.reachable, false);
    assert.equal(!health.reachable && health.error.code, 'provider-unreachable');
    assert.match(!health.reachable ? health.error.message : '', /ollama serve/);
  });

  it('reports not reachable (invalid-response) when the server answering is not Ollama', async () => {
    const server = await startHttpServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}'));
    try {
      const health = await new OllamaModels(() => ({ host: server.url })).health();
      assert.equal(!health.reachable && health.error.code, 'invalid-response');
    } finally {
      await server.close();
    }
  });

  it('never throws, even when reading the connection fails or the host is malformed', async () => {
    const broken = new OllamaModels(() => {
      throw new Error('settings exploded');
    });
    const h1 = await broken.health();
    assert.equal(h1.reachable, false);
    const h2 = await new OllamaModels(() => ({ host: 'nonsense' })).health();
    assert.equal(!h2.reachable && h2.error.code, 'invalid-input');
  });

  it('honours an aborted signal', async () => {
    const silent = await startHttpServer(() => {}); // accepts, never answers
    try {
      const ac = new AbortController();
      const pending = new OllamaModels(() => ({ host: silent.url })).health(ac.signal);
      ac.abort();
      const health = await pending;
      assert.equal(!health.reachable && health.error.code, 'cancelled');
    } finally {
      await silent.close();
    }
  });
});
