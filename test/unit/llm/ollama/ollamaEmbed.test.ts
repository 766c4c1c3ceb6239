import * as assert from 'node:assert/strict';
import { OllamaModels } from '../../../../src/core/llm/ollama/OllamaModels';
import { FakeOllamaServer, embedText } from '../../../fakes/FakeOllamaServer';
import { assertJarvisError } from '../../helpers/assertJarvisError';
import { startHttpServer } from '../../helpers/startHttpServer';

describe('OllamaModels.embed', () => {
  let fake: FakeOllamaServer;
  let models: OllamaModels;
  beforeEach(async () => {
    fake = await FakeOllamaServer.start({ models: ['nomic-embed-text'] });
    models = new OllamaModels(() => ({ host: fake.url }));
  });
  afterEach(() => fake.close());

  it('returns one vector per input, in order, in one request', async () => {
    const vectors = await models.embed('nomic-embed-text', ['alpha beta', 'gamma']);
    assert.deepEqual(vectors, [embedText('alpha beta'), embedText('gamma')]);
    assert.notDeepEqual(vectors[0], vectors[1]);
    assert.deepEqual(
      fake.requests.map((r) => r.body),
      [{ model: 'nomic-embed-text', input: ['alpha beta', 'gamma'] }],
    );
  });

  it('an empty list costs no request', async () => {
    assert.deepEqual(await models.embed('nomic-embed-text', []), []);
    assert.equal(fake.requests.length, 0);
  });

  it('a model that is not installed → model-not-found', async () => {
    await assertJarvisError(models.embed('llama3', ['x']), 'model-not-found');
  });

  it('inputs that are not strings → invalid-input', async () => {
    await assertJarvisError(models.embed('nomic-embed-text', ['ok', 42 as unknown as string]), 'invalid-input');
    await assertJarvisError(models.embed('nomic-embed-text', 'text' as unknown as string[]), 'invalid-input');
  });

  it('a response with the wrong number of vectors → invalid-response', async () => {
    const server = await startHttpServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"model":"m","embeddings":[[0.1]]}'));
    try {
      const m = new OllamaModels(() => ({ host: server.url }));
      await assertJarvisError(m.embed('m', ['a', 'b']), 'invalid-response');
    } finally {
      await server.close();
    }
  });

  it('a fired signal cancels the request', async () => {
    const ac = new AbortController();
    ac.abort();
    await assertJarvisError(models.embed('nomic-embed-text', ['x'], ac.signal), 'cancelled');
  });
});
