import { strict as assert } from 'node:assert';
import { isJarvisError } from '../../../src/common/errors';
import { ApiKeyStore } from '../../../src/core/security/ApiKeyStore';
import type { SecretStore } from '../../../src/core/ports';

class MemorySecrets implements SecretStore {
  readonly map = new Map<string, string>();
  async get(k: string) {
    return this.map.get(k);
  }
  async store(k: string, v: string) {
    this.map.set(k, v);
  }
  async delete(k: string) {
    this.map.delete(k);
  }
}

describe('ApiKeyStore', () => {
  it('stores trimmed keys under jarvis.<provider>.apiKey and reads them back', async () => {
    const secrets = new MemorySecrets();
    const keys = new ApiKeyStore(secrets);
    await keys.set('openai', '  sk-test-123 \n');
    assert.equal(secrets.map.get('jarvis.openai.apiKey'), 'sk-test-123');
    assert.equal(await keys.get('openai'), 'sk-test-123');
    assert.equal(await keys.has('anthropic'), false);
  });

  for (const [label, raw, pattern] of [
    ['empty', '', /empty/],
    ['whitespace only', '   \t ', /empty/],
    ['two keys pasted on two lines', 'sk-a\nsk-b', /spaces or line breaks/],
    ['a whole paragraph', 'x'.repeat(600), /too long/],
  ] as const) {
    it(`refuses ${label} and keeps the previous key`, async () => {
      const keys = new ApiKeyStore(new MemorySecrets());
      await keys.set('anthropic', 'sk-ant-old');
      await assert.rejects(keys.set('anthropic', raw), (e) => isJarvisError(e, 'invalid-input') && pattern.test(e.message));
      assert.equal(await keys.get('anthropic'), 'sk-ant-old');
    });
  }

  it('clear removes both providers', async () => {
    const secrets = new MemorySecrets();
    const keys = new ApiKeyStore(secrets);
    await keys.set('openai', 'sk-1');
    await keys.set('anthropic', 'sk-ant-2');
    await keys.clear();
    assert.equal(secrets.map.size, 0);
  });
});
