import { strict as assert } from 'node:assert';
import { isJarvisError } from '../../../src/common/errors';
import { ApiKeyStore } from '../../../src/core/security/ApiKeyStore';
import type { AuditEntry } from '../../../src/core/audit/AuditLog';
import { nullLogger } from '../../../src/core/ports';
import { MemorySecrets } from '../../fakes/MemorySecrets';

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

  describe('audit events', () => {
    const recorded = () => {
      const entries: AuditEntry[] = [];
      return { entries, audit: { append: async (e: AuditEntry) => void entries.push(e) } };
    };
    const settle = () => new Promise<void>((r) => setImmediate(r));

    it('records set, replace, the first read per purpose and clear — never the key itself', async () => {
      const { entries, audit } = recorded();
      const keys = new ApiKeyStore(new MemorySecrets(), { audit });
      await keys.set('openai', 'sk-first-secret-value');
      await keys.set('openai', 'sk-second-secret-value');
      await keys.get('openai', 'cloud requests');
      await keys.get('openai', 'cloud requests');
      await keys.get('openai', 'OpenAI embeddings');
      assert.equal(await keys.has('openai'), true);
      await keys.clear();
      await settle();
      assert.deepEqual(
        entries.map((e) => [e.type, e.message]),
        [
          ['key-set', 'openai API key set'],
          ['key-set', 'openai API key replaced'],
          ['key-read', 'openai API key read for cloud requests'],
          ['key-read', 'openai API key read for OpenAI embeddings'],
          ['key-cleared', 'API keys cleared (openai)'],
        ],
      );
      assert.doesNotMatch(JSON.stringify(entries), /secret-value/);
    });

    it('records a read again once the key has changed, and none for a key that is not set', async () => {
      const { entries, audit } = recorded();
      const keys = new ApiKeyStore(new MemorySecrets(), { audit });
      assert.equal(await keys.get('anthropic', 'cloud requests'), undefined);
      await keys.set('anthropic', 'sk-ant-1');
      await keys.get('anthropic', 'cloud requests');
      await keys.set('anthropic', 'sk-ant-2');
      await keys.get('anthropic', 'cloud requests');
      await settle();
      assert.deepEqual(
        entries.map((e) => e.type),
        ['key-set', 'key-read', 'key-set', 'key-read'],
      );
    });

    it('a failing audit log never fails the key operation (it is logged)', async () => {
      const warnings: string[] = [];
      const logger = { ...nullLogger, warn: (m: string) => void warnings.push(m) };
      const keys = new ApiKeyStore(new MemorySecrets(), { audit: { append: () => Promise.reject(new Error('disk full')) }, logger });
      await keys.set('openai', 'sk-1');
      assert.equal(await keys.get('openai', 'cloud requests'), 'sk-1');
      await settle();
      assert.ok(
        warnings.some((w) => /could not write a key-set record \(disk full\)/.test(w)),
        JSON.stringify(warnings),
      );
    });
  });
});
