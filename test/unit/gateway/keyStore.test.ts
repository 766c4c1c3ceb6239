import * as assert from 'node:assert/strict';
import { GatewayAuditor } from '../../../src/core/gateway/GatewayAuditor';
import { displayIdOf, GATEWAY_KEYS_SECRET, GatewayKeyStore, hashKey } from '../../../src/core/gateway/GatewayKeyStore';
import type { Role } from '../../../src/core/gateway/permissions';
import { nullLogger } from '../../../src/core/ports';
import { FakeClock } from '../../fakes/FakeClock';
import { expectJarvisError } from '../../fakes/providerAssertions';

async function refused(work: Promise<unknown>, message: RegExp): Promise<void> {
  const e = await expectJarvisError(work, 'invalid-input');
  assert.match(e.message, message);
}
import { MemorySecrets } from '../../fakes/MemorySecrets';
import { RecordingAudit } from './gatewaySetup';

const DAY_MS = 86_400_000;

describe('GatewayKeyStore', () => {
  const setup = () => {
    const secrets = new MemorySecrets();
    const clock = new FakeClock(Date.UTC(2026, 11, 1));
    const audit = new RecordingAudit();
    return { secrets, clock, audit, store: new GatewayKeyStore(secrets, clock, new GatewayAuditor(audit, clock, nullLogger)) };
  };

  it('creates a 32-byte random key, stores only its SHA-256, and expires it in 90 days by default', async () => {
    const { secrets, store, clock } = setup();
    const { key, record } = await store.create({ name: 'notebook', role: 'user' });
    assert.match(key, /^jgw_[A-Za-z0-9_-]{43}$/, '32 bytes in base64url');
    assert.equal(Buffer.from(key.slice(4), 'base64url').length, 32);
    assert.equal(record.hash, hashKey(key));
    assert.equal(record.expires, clock.now() + 90 * DAY_MS);
    const stored = secrets.map.get(GATEWAY_KEYS_SECRET) ?? '';
    assert.ok(!stored.includes(key.slice(4)), 'the raw key is never stored');
    assert.ok(stored.includes(record.hash));
    assert.equal(JSON.stringify(await store.list()).includes(key.slice(4)), false, 'nor listed');
    // Not even its first characters: the list tells keys apart by the start of the hash.
    assert.equal(record.displayId, hashKey(key).slice(0, 8));
    assert.equal(displayIdOf(record.hash), record.displayId);
    assert.ok(!stored.includes(key.slice(0, 8)), 'no prefix of the key is stored');
    assert.ok(!('prefix' in record));
  });

  it('migrates records stored with a plain-text key prefix: listed by display id, written back without the prefix, still accepted', async () => {
    const { secrets, clock } = setup();
    const key = 'jgw_' + 'B'.repeat(43);
    const old = {
      id: 'old-1',
      name: 'legacy',
      role: 'user',
      hash: hashKey(key),
      prefix: key.slice(0, 8),
      created: 0,
      expires: null,
      lastUsed: null,
      revoked: null,
    };
    secrets.map.set(GATEWAY_KEYS_SECRET, JSON.stringify({ v: 1, keys: [old] }));
    const store = new GatewayKeyStore(secrets, clock);
    const [listed] = await store.list();
    assert.equal(listed.displayId, hashKey(key).slice(0, 8));
    assert.ok(!('prefix' in listed));
    const stored = secrets.map.get(GATEWAY_KEYS_SECRET) ?? '';
    assert.ok(!stored.includes('"prefix"') && !stored.includes(key.slice(0, 8)), `rewritten without the prefix: ${stored}`);
    assert.ok(stored.includes(hashKey(key)));
    assert.equal((await store.check(key)).ok, true, 'the key keeps working');
  });

  it('checks keys after a reload from storage, and notes their last use', async () => {
    const { secrets, store, clock } = setup();
    const { key } = await store.create({ name: 'cli', role: 'developer', expiresInDays: null });
    const again = new GatewayKeyStore(secrets, clock);
    clock.advance(5 * 365 * DAY_MS);
    const check = await again.check(key);
    assert.ok(check.ok, 'a key that never expires still works');
    assert.equal(check.key.role, 'developer');
    assert.equal(check.key.lastUsed, clock.now());
    assert.deepEqual(await again.check('jgw_' + 'A'.repeat(43)), { ok: false, reason: 'unknown' });
    assert.deepEqual(await again.check(undefined), { ok: false, reason: 'missing' });
  });

  it('records creation and revocation in the audit log, without key or hash', async () => {
    const { store, audit } = setup();
    const { key, record } = await store.create({ name: 'ci', role: 'readonly' });
    await store.revoke(record.id);
    assert.deepEqual(audit.types(), ['gateway-key-created', 'gateway-key-revoked']);
    const text = JSON.stringify(audit.entries);
    assert.ok(!text.includes(key.slice(4)) && !text.includes(record.hash));
  });

  it('refuses bad input with a clear message, and stores nothing', async () => {
    const { store, secrets } = setup();
    await refused(store.create({ name: '', role: 'user' }), /name of 1 to 100/);
    await refused(store.create({ name: 'x', role: 'root' as Role }), /Unknown role "root"/);
    await refused(store.create({ name: 'x', role: 'user', expiresInDays: 0 }), /1 to 3650/);
    await refused(store.create({ name: 'x', role: 'user', expiresInDays: 1.5 }), /whole number/);
    await refused(store.revoke('nope'), /No gateway key with id nope/);
    assert.equal(secrets.map.size, 0);
    await store.create({ name: 'dup', role: 'user' });
    await refused(store.create({ name: 'dup', role: 'user' }), /already exists/);
  });

  it('ignores damaged stored records instead of trusting them', async () => {
    const { secrets, clock } = setup();
    secrets.map.set(
      GATEWAY_KEYS_SECRET,
      JSON.stringify({ v: 1, keys: [{ id: 'x', name: 'evil', role: 'superuser', hash: hashKey('k'), created: 0 }, { id: 'y' }] }),
    );
    const store = new GatewayKeyStore(secrets, clock);
    assert.deepEqual(await store.list(), []);
    assert.deepEqual(await store.check('k'), { ok: false, reason: 'unknown' });
    secrets.map.set(GATEWAY_KEYS_SECRET, '{not json');
    assert.deepEqual(await new GatewayKeyStore(secrets, clock).list(), []);
  });
});
