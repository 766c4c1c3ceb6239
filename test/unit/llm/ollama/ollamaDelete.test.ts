import * as assert from 'node:assert/strict';
import { OllamaModels } from '../../../../src/core/llm/ollama/OllamaModels';
import { FakeOllamaServer } from '../../../fakes/FakeOllamaServer';
import { assertJarvisError } from '../../helpers/assertJarvisError';

describe('OllamaModels.delete', () => {
  let fake: FakeOllamaServer;
  let models: OllamaModels;
  beforeEach(async () => {
    fake = await FakeOllamaServer.start({ models: ['llama3:latest', 'phi3:latest'] });
    models = new OllamaModels(() => ({ host: fake.url }));
  });
  afterEach(() => fake.close());

  it('removes an installed model', async () => {
    await models.delete('phi3');
    assert.deepEqual(
      (await models.list()).map((m) => m.name),
      ['llama3:latest'],
    );
    assert.deepEqual(fake.requests[0], { method: 'DELETE', path: '/api/delete', body: { name: 'phi3' } });
  });

  it('a model that is not installed → model-not-found', async () => {
    const err = await assertJarvisError(models.delete('mistral'), 'model-not-found');
    assert.equal(err.details.model, 'mistral');
    assert.equal(err.details.status, 404);
  });
});
