import * as assert from 'node:assert/strict';
import { AddressInfo, createServer } from 'node:net';
import { createClient } from 'redis';
import { FakeClock } from '../../fakes/FakeClock';
import { isJarvisError } from '../../../src/common/errors';
import { RecordingLogger } from '../../fakes/RecordingLogger';
import { RedisTier, RedisTierOptions } from '../../../src/core/cache/RedisTier';
import { ResponseCache } from '../../../src/core/cache/ResponseCache';
import { REDIS_SERVER_BIN, redisServerAvailable, RedisServer, startRedisServer } from '../../harness/redisServer';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

describe('RedisTier (real redis-server)', function () {
  let server: RedisServer;
  let raw: ReturnType<typeof createClient>;
  const opened: { close(): Promise<void> }[] = [];

  before(async () => {
    // .ci/run installs redis-server, so a missing binary is a broken setup, not a reason to skip.
    assert.ok(
      redisServerAvailable(),
      `redis-server is not installed at ${REDIS_SERVER_BIN}: apt-get install -y redis-server (.ci/run does this), or set REDIS_SERVER_BIN to its path.`,
    );
    server = await startRedisServer();
    raw = createClient({ url: server.url });
    raw.on('error', () => undefined);
    await raw.connect();
  });
  after(async () => {
    raw?.destroy();
    await server?.close();
  });
  beforeEach(async () => {
    if (raw?.isReady) await raw.flushAll();
  });
  afterEach(async () => {
    for (const t of opened.splice(0)) await t.close();
  });

  /** One "machine": its own memory tier and its own Redis connection. */
  function machine(options: Partial<RedisTierOptions> = {}, clock = new FakeClock(Date.now())) {
    const logger = new RecordingLogger();
    const tier = new RedisTier({ url: server.url, logger, clock, ...options });
    opened.push(tier);
    const cache = new ResponseCache<{ text: string }>({ tier, clock, logger });
    return { tier, cache, logger, clock };
  }

  it('shares a shareable entry across two machines, namespaced under jarvis:resp:', async () => {
    const a = machine();
    const b = machine();
    assert.equal(await a.tier.connect(), 'ready');
    assert.equal(await b.tier.connect(), 'ready');
    let computes = 0;
    const compute = async () => ({ text: `answer ${++computes}` });
    assert.deepEqual(await a.cache.getOrCompute('k1', compute, { shareable: true }), { text: 'answer 1' });
    assert.deepEqual(await b.cache.getOrCompute('k1', compute, { shareable: true }), { text: 'answer 1' });
    assert.equal(computes, 1, "machine B used machine A's answer");
    assert.equal(b.cache.stats().tierHits, 1);
    const stored = JSON.parse((await raw.get('jarvis:resp:k1'))!) as { v: unknown; exp: number };
    assert.deepEqual(stored.v, { text: 'answer 1' });
    assert.equal(a.tier.state, 'ready');
  });

  it('sets the Redis TTL with EX (rounded up to whole seconds)', async () => {
    const a = machine();
    await a.tier.connect();
    await a.cache.set('ttl', { text: 'x' }, { ttlMs: 4500, shareable: true });
    assert.equal(await raw.ttl('jarvis:resp:ttl'), 5);
    await a.cache.set('ttl2', { text: 'x' }, { shareable: true });
    assert.equal(await raw.ttl('jarvis:resp:ttl2'), 3600);
  });

  it('treats an entry past its expiry stamp as a miss even if Redis still has it', async () => {
    const a = machine();
    const clockB = new FakeClock(Date.now());
    const b = machine({}, clockB);
    await Promise.all([a.tier.connect(), b.tier.connect()]);
    await a.cache.set('old', { text: 'x' }, { ttlMs: 2000, shareable: true });
    clockB.advance(3000);
    assert.equal(await b.cache.get('old', { shareable: true }), undefined);
  });

  it('never writes non-shareable entries (checked with a raw client)', async () => {
    const a = machine();
    await a.cache.getOrCompute('private', async () => ({ text: 'my code' }));
    await a.cache.set('private2', { text: 'my code' });
    assert.equal(await raw.dbSize(), 0);
    const b = machine();
    await raw.set('jarvis:resp:private', JSON.stringify({ v: { text: 'planted' }, exp: Date.now() + 60_000 }));
    let computed = false;
    await b.cache.getOrCompute('private', async () => ((computed = true), { text: 'local' }));
    assert.equal(computed, true, 'a non-shareable lookup does not read Redis either');
  });

  it('invalidates by pattern with SCAN (never KEYS), across machines', async () => {
    const a = machine();
    const b = machine();
    await Promise.all([a.tier.connect(), b.tier.connect()]);
    for (const k of ['user:1', 'user:2', 'team:1']) await a.cache.set(k, { text: k }, { shareable: true });
    await raw.configResetStat();
    assert.deepEqual(await b.cache.invalidatePattern('user:*'), { memory: 0, tier: 2 });
    const stats = await raw.info('commandstats');
    assert.match(stats, /cmdstat_scan:/);
    assert.doesNotMatch(stats, /cmdstat_keys:/);
    assert.deepEqual((await raw.keys('jarvis:resp:*')).sort(), ['jarvis:resp:team:1']);
  });

  it('keeps serving from memory, with ONE warning, when Redis dies mid-run', async () => {
    const own = await startRedisServer();
    try {
      const logger = new RecordingLogger();
      const tier = new RedisTier({ url: own.url, logger });
      opened.push(tier);
      const cache = new ResponseCache<string>({ tier, logger });
      assert.equal(await tier.connect(), 'ready');
      assert.equal(await cache.getOrCompute('before', async () => 'v1', { shareable: true }), 'v1');
      assert.equal(tier.state, 'ready');
      await own.kill();
      const states: string[] = [];
      tier.onStateChange((s) => states.push(s));
      for (let i = 0; i < 5; i++) {
        assert.equal(await cache.getOrCompute(`after${i}`, async () => `computed ${i}`, { shareable: true }), `computed ${i}`);
      }
      assert.equal(await cache.getOrCompute('before', async () => 'recomputed', { shareable: true }), 'v1', 'memory tier still serves');
      assert.equal(tier.state, 'degraded');
      assert.equal(tier.healthy, false);
      assert.equal(logger.warnings.length, 1, JSON.stringify(logger.lines));
      assert.match(logger.warnings[0], /^Redis cache at redis:\/\/127\.0\.0\.1:\d+ is unavailable \(.+\); using the in-memory cache only until it recovers\.$/);
      assert.equal(cache.stats().tierHealthy, false);
    } finally {
      await own.close();
    }
  });

  it('starts against an unreachable URL: requests work from memory, one warning, password masked', async () => {
    const logger = new RecordingLogger();
    const tier = new RedisTier({ url: `redis://user:hunter2@127.0.0.1:${await closedPort()}`, logger });
    opened.push(tier);
    const cache = new ResponseCache<string>({ tier, logger });
    assert.equal(await cache.getOrCompute('k', async () => 'computed', { shareable: true }), 'computed');
    assert.equal(await cache.getOrCompute('k2', async () => 'computed2', { shareable: true }), 'computed2');
    assert.equal(tier.state, 'degraded');
    assert.equal(logger.warnings.length, 1);
    assert.doesNotMatch(logger.warnings[0], /hunter2/);
    assert.match(logger.warnings[0], /\*\*\*/);
  });

  it('degrades on a slow Redis (per-op timeout) and comes back after retryAfterMs', async () => {
    const clock = new FakeClock(Date.now());
    const { tier, cache, logger } = machine({ opTimeoutMs: 100, retryAfterMs: 30_000 }, clock);
    assert.equal(await tier.connect(), 'ready');
    // Redis holds every client's commands for 1.5 s: a slow server, as seen from the client. A command on
    // the raw connection is answered when the pause ends; the request must be answered before that.
    await raw.sendCommand(['CLIENT', 'PAUSE', '1500', 'ALL']);
    const pauseOver = raw.ping().then(() => 'the pause ended first' as const);
    const request = cache.getOrCompute('slow', async () => ({ text: 'computed' }), { shareable: true });
    assert.equal(await Promise.race([request.then(() => 'answered' as const), pauseOver]), 'answered', 'the request waited for Redis');
    assert.deepEqual(await request, { text: 'computed' });
    assert.equal(tier.state, 'degraded');
    assert.match(logger.warnings[0], /GET took longer than 100 ms/);
    await pauseOver;
    await cache.getOrCompute('skipped', async () => ({ text: 'y' }), { shareable: true });
    assert.equal(tier.state, 'degraded', 'no Redis traffic until retryAfterMs has passed');
    clock.advance(30_000);
    await cache.getOrCompute('probe', async () => ({ text: 'z' }), { shareable: true });
    assert.equal(tier.state, 'ready');
    assert.equal(logger.warnings.length, 1);
    assert.ok(logger.entries.some((l) => l.level === 'info' && /sharing cached responses again/.test(l.message)));
  });

  it('validates its options', () => {
    const invalid = (message: string) => (e: unknown) => isJarvisError(e, 'invalid-input') && e.message === message;
    assert.throws(() => new RedisTier({ url: '' }), invalid('RedisTier: url is required, e.g. "redis://localhost:6379".'));
    assert.throws(() => new RedisTier({ url: 'not a url' }), invalid('RedisTier: the Redis URL is not a valid URL; expected e.g. "redis://localhost:6379".'));
    assert.throws(() => new RedisTier({ url: 'http://localhost:6379' }), invalid('RedisTier: URL must start with redis:// or rediss://, got "http://".'));
    assert.throws(() => new RedisTier({ url: 'redis://x', opTimeoutMs: 0 }), invalid('RedisTier: opTimeoutMs must be a number > 0, got 0.'));
    assert.throws(() => new RedisTier({ url: 'redis://x', connectTimeoutMs: -1 }), invalid('RedisTier: connectTimeoutMs must be a number > 0, got -1.'));
    assert.throws(
      () => new RedisTier({ url: 'redis://x', namespace: 'a b' }),
      invalid("RedisTier: namespace must be letters, digits, ':', '_', '.', '-', got \"a b\"."),
    );
  });
});
