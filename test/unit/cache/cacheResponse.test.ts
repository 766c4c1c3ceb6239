import * as assert from 'node:assert/strict';
import { FakeClock } from '../../fakes/FakeClock';
import { isJarvisError } from '../../../src/common/errors';
import type { CacheTier } from '../../../src/core/cache/CacheTier';
import { ResponseCache } from '../../../src/core/cache/ResponseCache';
import { canonicalJson, responseCacheKey } from '../../../src/core/cache/cacheKey';

const req = {
  model: 'llama3',
  messages: [
    { role: 'system' as const, content: 'Be brief.' },
    { role: 'user' as const, content: 'What is a monad?' },
  ],
  parameters: { temperature: 0.2, maxTokens: 200 },
  preferences: { language: 'TypeScript', style: 'concise' },
};

/** Records what reaches the shared tier; a plain Map stands in for Redis (tested for real in redisTier.test). */
class RecordingTier implements CacheTier {
  readonly name = 'recording';
  readonly healthy = true;
  readonly store = new Map<string, string>();
  readonly calls: string[] = [];
  async get(key: string) {
    this.calls.push(`get ${key}`);
    return this.store.get(key);
  }
  async set(key: string, value: string) {
    this.calls.push(`set ${key}`);
    this.store.set(key, value);
  }
  async invalidatePattern() {
    return 0;
  }
  async close() {}
}

describe('responseCacheKey', () => {
  it('is the SHA-256 hex of the canonical request: key order does not matter, content does', () => {
    const key = responseCacheKey(req);
    assert.match(key, /^[0-9a-f]{64}$/);
    const reordered = {
      preferences: { style: 'concise', language: 'TypeScript' },
      parameters: { maxTokens: 200, temperature: 0.2 },
      messages: req.messages.map((m) => ({ content: m.content, role: m.role })),
      model: 'llama3',
    };
    assert.equal(responseCacheKey(reordered), key);
    assert.notEqual(responseCacheKey({ ...req, model: 'llama3:70b' }), key);
    assert.notEqual(responseCacheKey({ ...req, parameters: { ...req.parameters, temperature: 0.3 } }), key);
    assert.notEqual(responseCacheKey({ ...req, preferences: { language: 'Python', style: 'concise' } }), key);
    assert.notEqual(responseCacheKey({ ...req, messages: [...req.messages].reverse() }), key);
    assert.equal(responseCacheKey({ ...req, parameters: { ...req.parameters, seed: undefined } }), key, 'undefined members are dropped');
  });

  it('refuses values JSON would silently change, naming where they are', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const cases: [unknown, string][] = [
      [{ ...req, parameters: { temperature: Number.NaN } }, 'Cannot build a cache key: $.parameters.temperature is NaN; only plain JSON values are allowed.'],
      [{ ...req, preferences: { f: () => 1 } }, 'Cannot build a cache key: $.preferences.f is function; only plain JSON values are allowed.'],
      [
        { ...req, preferences: { when: new Date(0) } },
        'Cannot build a cache key: $.preferences.when is an instance of Date; only plain JSON values are allowed.',
      ],
      [{ ...req, preferences: cyclic }, 'Cannot build a cache key: $.preferences.self is a circular reference; only plain JSON values are allowed.'],
      [{ ...req, model: '' }, 'responseCacheKey: model must be a non-empty string.'],
      [{ model: 'x', messages: 'hi' }, 'responseCacheKey: messages must be an array of { role, content }.'],
    ];
    for (const [input, message] of cases) {
      assert.throws(
        () => responseCacheKey(input as never),
        (e: unknown) => isJarvisError(e, 'invalid-input') && e.message === message,
      );
    }
  });

  it('canonicalJson sorts keys at every depth', () => {
    assert.equal(canonicalJson({ b: [{ d: 1, c: 2 }], a: null }), '{"a":null,"b":[{"c":2,"d":1}]}');
  });
});

describe('ResponseCache (memory tier)', () => {
  function setup(options: { memorySize?: number; defaultTtlMs?: number; tier?: CacheTier } = {}) {
    const clock = new FakeClock(1_000_000);
    return { clock, cache: new ResponseCache<string>({ clock, ...options }) };
  }

  it('get/set with hit and miss counters', async () => {
    const { cache } = setup();
    assert.equal(await cache.get('k1'), undefined);
    await cache.set('k1', 'answer');
    assert.equal(await cache.get('k1'), 'answer');
    assert.deepEqual({ hits: cache.stats().hits, misses: cache.stats().misses, size: cache.stats().size }, { hits: 1, misses: 1, size: 1 });
  });

  it('expires entries after their TTL on the injected clock', async () => {
    const { clock, cache } = setup({ defaultTtlMs: 10_000 });
    await cache.set('short', 'a', { ttlMs: 1000 });
    await cache.set('default', 'b');
    // lru-cache: an entry is stale once its age EXCEEDS the TTL.
    clock.advance(1000);
    assert.equal(await cache.get('short'), 'a');
    clock.advance(1);
    assert.equal(await cache.get('short'), undefined);
    clock.advance(9_000 - 1);
    assert.equal(await cache.get('default'), 'b');
    clock.advance(1);
    assert.equal(await cache.get('default'), undefined);
  });

  it('evicts the least recently used entry beyond memorySize', async () => {
    const { cache } = setup({ memorySize: 2 });
    await cache.set('a', '1');
    await cache.set('b', '2');
    await cache.get('a');
    await cache.set('c', '3');
    assert.equal(await cache.get('b'), undefined);
    assert.equal(await cache.get('a'), '1');
    assert.equal(await cache.get('c'), '3');
  });

  it('100 identical concurrent requests → ONE computation, all get its value', async () => {
    const { cache } = setup();
    let computes = 0;
    let release!: (v: string) => void;
    const compute = () => {
      computes++;
      return new Promise<string>((r) => (release = r));
    };
    const all = Promise.all(Array.from({ length: 100 }, () => cache.getOrCompute('same', compute)));
    await new Promise((r) => setImmediate(r));
    release('the answer');
    const values = await all;
    assert.equal(computes, 1);
    assert.ok(values.every((v) => v === 'the answer'));
    assert.equal(cache.stats().computes, 1);
    assert.equal(cache.stats().dedupJoins, 99);
    assert.equal(await cache.getOrCompute('same', compute), 'the answer');
    assert.equal(computes, 1, 'later calls are memory hits');
  });

  it('never caches errors: every waiter gets the error and the next call computes again', async () => {
    const { cache } = setup();
    let computes = 0;
    const failing = async () => {
      computes++;
      throw new Error('model crashed');
    };
    const results = await Promise.allSettled([cache.getOrCompute('k', failing), cache.getOrCompute('k', failing)]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['rejected', 'rejected'],
    );
    assert.equal(computes, 1);
    assert.equal(await cache.getOrCompute('k', async () => 'recovered'), 'recovered');
    assert.equal(cache.stats().errors, 1);
    assert.equal(cache.stats().computes, 2);
  });

  it('invalidatePattern removes matching keys only', async () => {
    const { cache } = setup();
    for (const k of ['user:1', 'user:2', 'team:1', 'user.x']) await cache.set(k, k);
    assert.deepEqual(await cache.invalidatePattern('user:*'), { memory: 2, tier: 0 });
    assert.equal(await cache.get('user:1'), undefined);
    assert.equal(await cache.get('team:1'), 'team:1');
    assert.equal(await cache.get('user.x'), 'user.x');
    assert.deepEqual(await cache.invalidatePattern('team:[0-9]'), { memory: 1, tier: 0 });
  });

  it('a value computed across an invalidation is returned but not stored (it may be stale)', async () => {
    const { cache } = setup();
    let release!: (v: string) => void;
    const pending = cache.getOrCompute('doc:1', () => new Promise<string>((r) => (release = r)));
    await new Promise((r) => setImmediate(r));
    await cache.invalidatePattern('doc:*');
    release('old');
    assert.equal(await pending, 'old');
    assert.equal(await cache.get('doc:1'), undefined);
  });

  it('shares only entries marked shareable; non-shareable ones never touch the tier', async () => {
    const tier = new RecordingTier();
    const { cache } = setup({ tier });
    await cache.getOrCompute('private', async () => 'secret prompt answer');
    await cache.getOrCompute('private', async () => 'x');
    await cache.set('private2', 'y');
    assert.deepEqual(tier.calls, []);
    await cache.getOrCompute('public', async () => 'shared answer', { shareable: true });
    assert.deepEqual(tier.calls, ['get public', 'set public']);
    assert.deepEqual(JSON.parse(tier.store.get('public')!), { v: 'shared answer', exp: 1_000_000 + 3_600_000 });
  });

  it('validates keys, patterns, TTLs and options with clear messages', async () => {
    const { cache } = setup();
    const invalid = (message: string) => (e: unknown) => isJarvisError(e, 'invalid-input') && e.message === message;
    await assert.rejects(
      cache.getOrCompute('has space', async () => 'x'),
      invalid(`ResponseCache: key must be 1-256 characters of letters, digits, ':', '_', '.', '-' (use responseCacheKey()), got "has space".`),
    );
    await assert.rejects(cache.set('k', 'v', { ttlMs: 0 }), invalid('ResponseCache: ttlMs must be a number of milliseconds > 0, got 0.'));
    await assert.rejects(
      cache.invalidatePattern('{a,b}'),
      invalid(
        `ResponseCache.invalidatePattern: pattern must be 1-256 characters of letters, digits, ':', '_', '.', '-' and the wildcards * ? [ ] ^, got "{a,b}".`,
      ),
    );
    assert.throws(() => new ResponseCache({ memorySize: 0 }), invalid('ResponseCache: memorySize must be an integer ≥ 1, got 0.'));
    assert.throws(
      () => new ResponseCache({ defaultTtlMs: Infinity }),
      invalid('ResponseCache: defaultTtlMs must be a number of milliseconds > 0, got Infinity.'),
    );
  });
});
