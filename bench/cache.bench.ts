/**
 * Response cache figures: memory-tier hit latency against a bare Map.get, de-duplication of
 * identical concurrent requests, and (when /usr/bin/redis-server exists) Redis-tier hit latency
 * against a raw node-redis GET. Prints markdown; never passes or fails on time.
 */
import { createClient } from 'redis';
import { RedisTier } from '../src/core/cache/RedisTier';
import { ResponseCache } from '../src/core/cache/ResponseCache';
import { responseCacheKey } from '../src/core/cache/cacheKey';
import { redisServerAvailable, startRedisServer } from '../test/harness/redisServer';
import { percentileSorted } from '../test/harness/benchStats';

const value = { text: 'A monad is a monoid in the category of endofunctors.', model: 'llama3' };

function summarise(samplesNs: bigint[]) {
  const us = samplesNs.map((n) => Number(n) / 1000).sort((a, b) => a - b);
  return { p50: percentileSorted(us, 50), p95: percentileSorted(us, 95), p99: percentileSorted(us, 99) };
}

const fmt = (us: number) => `${us.toFixed(2)} µs`;

async function timeAsync(n: number, op: (i: number) => Promise<unknown>): Promise<bigint[]> {
  const samples: bigint[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    await op(i);
    samples[i] = process.hrtime.bigint() - start;
  }
  return samples;
}

function timeSync(n: number, op: (i: number) => unknown): bigint[] {
  const samples: bigint[] = new Array(n);
  let sink = 0;
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    if (op(i) !== undefined) sink++;
    samples[i] = process.hrtime.bigint() - start;
  }
  if (sink < 0) console.log(sink);
  return samples;
}

async function memoryTier(): Promise<void> {
  const N = 200_000;
  const KEYS = 1000;
  const keys = Array.from({ length: KEYS }, (_, i) => responseCacheKey({ model: 'llama3', messages: [{ role: 'user', content: `question ${i}` }] }));
  const cache = new ResponseCache<typeof value>({ memorySize: KEYS });
  const map = new Map<string, typeof value>();
  for (const k of keys) {
    await cache.set(k, value);
    map.set(k, value);
  }
  const compute = async () => value;
  // Warm-up so the JIT has compiled both paths before measuring.
  await timeAsync(20_000, (i) => cache.getOrCompute(keys[i % KEYS], compute));
  timeSync(20_000, (i) => map.get(keys[i % KEYS]));

  const baseline = summarise(timeSync(N, (i) => map.get(keys[i % KEYS])));
  const awaitedBaseline = summarise(await timeAsync(N, async (i) => map.get(keys[i % KEYS])));
  const hit = summarise(await timeAsync(N, (i) => cache.getOrCompute(keys[i % KEYS], compute)));
  console.log('## Response cache — memory tier hit (getOrCompute)');
  console.log(`- samples: ${N} over ${KEYS} keys (SHA-256 keys, lru-cache max ${KEYS})`);
  console.log(`- cache hit: p50 ${fmt(hit.p50)}, p95 ${fmt(hit.p95)}, p99 ${fmt(hit.p99)} (target p99 < 1000 µs: ${hit.p99 < 1000 ? 'met' : 'NOT met'})`);
  console.log(`- baseline bare Map.get: p50 ${fmt(baseline.p50)}, p95 ${fmt(baseline.p95)}, p99 ${fmt(baseline.p99)}`);
  console.log(`- baseline awaited Map.get (same promise overhead as the cache): p50 ${fmt(awaitedBaseline.p50)}, p99 ${fmt(awaitedBaseline.p99)}`);
  console.log(
    `- ratio cache/Map.get: p50 ×${(hit.p50 / baseline.p50).toFixed(1)}, p99 ×${(hit.p99 / baseline.p99).toFixed(1)}; cache/awaited Map.get: p50 ×${(hit.p50 / awaitedBaseline.p50).toFixed(1)}`,
  );
}

async function dedup(): Promise<void> {
  const cache = new ResponseCache<typeof value>();
  let computes = 0;
  const compute = () => new Promise<typeof value>((resolve) => (computes++, setTimeout(() => resolve(value), 20)));
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: 100 }, () => cache.getOrCompute('same-question', compute)));
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log('');
  console.log('## De-duplication — 100 identical concurrent requests');
  console.log(
    `- computations made: ${computes} (without de-duplication: 100); joined: ${cache.stats().dedupJoins}; wall time ${ms.toFixed(1)} ms for a 20 ms compute`,
  );
}

async function redisTier(): Promise<void> {
  console.log('');
  console.log('## Response cache — Redis tier hit');
  if (!redisServerAvailable()) {
    console.log('- skipped: /usr/bin/redis-server is not installed');
    return;
  }
  const server = await startRedisServer();
  const raw = createClient({ url: server.url });
  raw.on('error', () => undefined);
  const tier = new RedisTier({ url: server.url, opTimeoutMs: 1000 });
  try {
    await raw.connect();
    await tier.connect();
    const cache = new ResponseCache<typeof value>({ tier });
    const N = 5000;
    await cache.set('bench', value, { shareable: true });
    const warm = async () => {
      cache.delete('bench');
      return cache.get('bench', { shareable: true });
    };
    await timeAsync(1000, warm);
    await timeAsync(1000, () => raw.get('jarvis:resp:bench'));
    const baseline = summarise(await timeAsync(N, () => raw.get('jarvis:resp:bench')));
    // delete() first so every read misses memory and goes to Redis.
    const hit = summarise(await timeAsync(N, warm));
    console.log(`- samples: ${N}, redis-server on 127.0.0.1 (no persistence)`);
    console.log(`- cache Redis-tier hit (memory miss → GET → parse → memory fill): p50 ${fmt(hit.p50)}, p95 ${fmt(hit.p95)}, p99 ${fmt(hit.p99)}`);
    console.log(`- baseline raw node-redis GET: p50 ${fmt(baseline.p50)}, p95 ${fmt(baseline.p95)}, p99 ${fmt(baseline.p99)}`);
    console.log(`- ratio cache/raw GET: p50 ×${(hit.p50 / baseline.p50).toFixed(2)}, p99 ×${(hit.p99 / baseline.p99).toFixed(2)}`);
  } finally {
    await tier.close();
    raw.destroy();
    await server.close();
  }
}

async function main(): Promise<void> {
  await memoryTier();
  await dedup();
  await redisTier();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
