import * as assert from 'node:assert/strict';
import { activateJarvis, type JarvisApi } from './jarvisApi';

describe('API keys in SecretStorage', () => {
  let api: JarvisApi;

  before(async () => {
    api = await activateJarvis();
    await api.secrets.clear();
  });

  after(async () => {
    await api?.secrets.clear();
  });

  it('stores, reads back and clears keys through the real SecretStorage', async () => {
    await api.secrets.set('openai', 'sk-test-openai-123');
    await api.secrets.set('anthropic', 'sk-ant-test-456');
    assert.equal(await api.secrets.get('openai'), 'sk-test-openai-123');
    assert.equal(await api.secrets.get('anthropic'), 'sk-ant-test-456');
    await api.secrets.clear();
    assert.equal(await api.secrets.get('openai'), undefined);
    assert.equal(await api.secrets.get('anthropic'), undefined);
  });

  it('trims surrounding whitespace from a key', async () => {
    await api.secrets.set('openai', '  sk-padded  \n');
    assert.equal(await api.secrets.get('openai'), 'sk-padded');
    await api.secrets.clear();
  });

  for (const bad of ['', '   ', '\t\n']) {
    it(`refuses the key ${JSON.stringify(bad)} with a clear error and keeps the stored key`, async () => {
      await api.secrets.set('anthropic', 'sk-ant-keep');
      await assert.rejects(api.secrets.set('anthropic', bad), (e: unknown) => {
        assert.ok(e instanceof Error, `expected an Error, got ${String(e)}`);
        assert.match(e.message, /empty|blank|key/i);
        return true;
      });
      assert.equal(await api.secrets.get('anthropic'), 'sk-ant-keep');
      await api.secrets.clear();
    });
  }
});
