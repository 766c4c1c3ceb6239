import * as assert from 'node:assert/strict';
import { OllamaModels } from '../../../../src/core/llm/ollama/OllamaModels';
import { FakeOllamaServer } from '../../../fakes/FakeOllamaServer';
import { assertJarvisError } from '../../helpers/assertJarvisError';
import { closedPort } from '../../helpers/closedPort';

describe('OllamaModels list, has and show', () => {
  let fake: FakeOllamaServer;
  let models: OllamaModels;
  beforeEach(async () => {
    fake = await FakeOllamaServer.start({
      models: ['llama3', 'qwen2.5-coder:7b', 'nomic-embed-text'],
      withoutTools: ['llama3'],
      contextLength: { 'qwen2.5-coder:7b': 32768 },
    });
    models = new OllamaModels(() => ({ host: fake.url }));
  });
  afterEach(() => fake.close());

  it('lists installed models with their tags and details', async () => {
    const list = await models.list();
    assert.deepEqual(
      list.map((m) => m.name),
      ['llama3:latest', 'qwen2.5-coder:7b', 'nomic-embed-text:latest'],
    );
    assert.equal(list[0].parameterSize, '8.0B');
    assert.equal(list[0].quantization, 'Q4_0');
    assert.equal(list[0].family, 'llama');
    assert.ok(list[0].sizeBytes > 0);
    assert.equal(typeof list[0].modifiedAt, 'string');
  });

  it('has() treats a name without tag as :latest', async () => {
    assert.equal(await models.has('llama3'), true);
    assert.equal(await models.has('llama3:latest'), true);
    assert.equal(await models.has('qwen2.5-coder:7b'), true);
    assert.equal(await models.has('qwen2.5-coder'), false, 'qwen2.5-coder means :latest, which is not installed');
    assert.equal(await models.has('mistral'), false);
  });

  it('show() returns capabilities and context length', async () => {
    assert.deepEqual(await models.show('llama3'), {
      name: 'llama3:latest',
      family: 'llama',
      parameterSize: '8.0B',
      quantization: 'Q4_0',
      capabilities: ['completion'],
      contextLength: 8192,
    });
    assert.deepEqual((await models.show('nomic-embed-text')).capabilities, ['embedding']);
    const qwen = await models.show('qwen2.5-coder:7b');
    assert.deepEqual([qwen.capabilities, qwen.contextLength], [['completion', 'tools'], 32768]);
  });

  it('show() of a model that is not installed → model-not-found', async () => {
    const err = await assertJarvisError(models.show('mistral'), 'model-not-found');
    assert.match(err.message, /ollama pull mistral/);
  });

  it('list() against a stopped server → provider-unreachable', async () => {
    const host = `http://127.0.0.1:${await closedPort()}`;
    await assertJarvisError(new OllamaModels(() => ({ host })).list(), 'provider-unreachable');
  });

  it('has("") → invalid-input', async () => {
    await assertJarvisError(models.has(''), 'invalid-input');
  });
});
