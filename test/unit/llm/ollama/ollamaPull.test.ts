import * as assert from 'node:assert/strict';
import { OllamaModels } from '../../../../src/core/llm/ollama/OllamaModels';
import type { OllamaPullProgress } from '../../../../src/core/llm/ollama/OllamaTypes';
import { FakeOllamaServer } from '../../../fakes/FakeOllamaServer';
import { assertJarvisError } from '../../helpers/assertJarvisError';
import { collect } from '../../helpers/collect';

describe('OllamaModels.pull', () => {
  let fake: FakeOllamaServer;
  let models: OllamaModels;
  beforeEach(async () => {
    fake = await FakeOllamaServer.start({ models: [] });
    models = new OllamaModels(() => ({ host: fake.url }));
  });
  afterEach(() => fake.close());

  it('reports per-layer progress with percents, then success, and the model is installed', async () => {
    const progress = await collect(models.pull('phi3'));

    assert.equal(progress[0].status, 'pulling manifest');
    assert.equal(progress.at(-1)?.status, 'success');
    const layers = progress.filter((p): p is OllamaPullProgress & { digest: string } => p.digest !== undefined);
    assert.equal(new Set(layers.map((p) => p.digest)).size, 2, 'two layers');
    assert.deepEqual(
      layers.map((p) => p.percent),
      [0, 25, 50, 100, 0, 25, 50, 100],
    );
    assert.deepEqual(layers[1], { ...layers[1], total: 4000, completed: 1000, percent: 25 });
    assert.equal(
      progress.find((p) => p.digest === undefined && p.percent !== undefined),
      undefined,
    );
    assert.equal(await models.has('phi3'), true);
  });

  it('stops the download when the signal fires; the model is not installed', async () => {
    fake.configure({ chunkDelayMs: 30 });
    const ac = new AbortController();
    const seen: OllamaPullProgress[] = [];
    await assertJarvisError(async () => {
      for await (const p of models.pull('phi3', ac.signal)) {
        seen.push(p);
        ac.abort();
      }
    }, 'cancelled');
    assert.equal(seen.length, 1);
    assert.equal(await models.has('phi3'), false);
  });

  it('a model the registry does not have → provider-error naming the model', async () => {
    const err = await assertJarvisError(collect(models.pull('no-such-model-xyz')), 'provider-error');
    assert.match(err.message, /Could not pull "no-such-model-xyz"/);
    assert.match(err.message, /file does not exist/);
  });

  it('an empty name → invalid-input', async () => {
    await assertJarvisError(collect(models.pull('  ')), 'invalid-input');
    assert.equal(fake.requests.length, 0);
  });
});
