import * as assert from 'node:assert/strict';
import { TokenBucketLimiter } from '../../../src/core/gateway/TokenBucketLimiter';
import { FakeClock } from '../../fakes/FakeClock';
import { startGateway, type Gateway } from './gatewaySetup';
import { bearer, request } from './httpRequest';

describe('TokenBucketLimiter (injected clock)', () => {
  it('lets a full bucket through, then refills at requests/window', () => {
    const clock = new FakeClock(0);
    const limiter = new TokenBucketLimiter(clock, { requests: 100, windowSeconds: 60, burst: 0 });
    for (let i = 0; i < 100; i++) assert.equal(limiter.take('k').allowed, true, `request ${i + 1}`);
    const refused = limiter.take('k');
    assert.deepEqual(refused, { allowed: false, retryAfterSeconds: 1 }, 'one token every 0.6 s: retry in 1 s (rounded up)');
    clock.advance(600);
    assert.equal(limiter.take('k').allowed, true, 'one token after 0.6 s');
    assert.equal(limiter.take('k').allowed, false);
    clock.advance(60_000);
    let n = 0;
    while (limiter.take('k').allowed) n++;
    assert.equal(n, 100, 'a full minute refills the bucket, no more');
  });

  it('keeps one bucket per key, and a burst smaller than the rate caps the bucket', () => {
    const clock = new FakeClock(0);
    const limiter = new TokenBucketLimiter(clock, { requests: 60, windowSeconds: 60, burst: 5 });
    for (let i = 0; i < 5; i++) assert.equal(limiter.take('a').allowed, true);
    assert.equal(limiter.take('a').allowed, false);
    assert.equal(limiter.take('b').allowed, true, 'another key has its own bucket');
    clock.advance(3_000);
    assert.equal(limiter.take('a').allowed, true, 'one token per second');
  });

  it('says how long to wait when the refill is slow', () => {
    const clock = new FakeClock(0);
    const limiter = new TokenBucketLimiter(clock, { requests: 1, windowSeconds: 3600, burst: 0 });
    assert.equal(limiter.take('k').allowed, true);
    assert.deepEqual(limiter.take('k'), { allowed: false, retryAfterSeconds: 3600 });
    clock.advance(1_800_000);
    assert.deepEqual(limiter.take('k'), { allowed: false, retryAfterSeconds: 1800 });
  });
});

describe('gateway: rate limit per key', () => {
  let gw: Gateway;
  beforeEach(async () => {
    gw = await startGateway({ rateLimit: { requests: 3, windowSeconds: 60, burst: 0 } });
  });
  afterEach(() => gw.close());

  it('answers 429 with Retry-After once the bucket is empty, and again after the clock moves on', async () => {
    const key = await gw.key('user');
    const models = () => request(gw.port, { path: '/v1/models', headers: bearer(key) });
    for (let i = 0; i < 3; i++) assert.equal((await models()).status, 200);
    const limited = await models();
    assert.equal(limited.status, 429);
    assert.equal(limited.headers['retry-after'], '20');
    assert.equal(limited.json().error?.type, 'rate_limit_error');
    assert.match(limited.json().error?.message ?? '', /retry in 20 s/);
    const other = await gw.key('user');
    assert.equal((await request(gw.port, { path: '/v1/models', headers: bearer(other) })).status, 200, 'another key is not limited');
    gw.clock.advance(20_000);
    assert.equal((await models()).status, 200, 'one token back after 20 s');
    assert.equal((await models()).status, 429);
    const records = gw.audit.entries.filter((e) => e.type === 'gateway-rate-limited');
    assert.equal(records.length, 1, 'one record per minute and key, not one per refusal');
  });

  it('takes new limits without a restart', async () => {
    const key = await gw.key('user');
    for (let i = 0; i < 3; i++) await request(gw.port, { path: '/v1/models', headers: bearer(key) });
    gw.server.configure({ requests: 600, windowSeconds: 60, burst: 0 });
    gw.clock.advance(100);
    assert.equal((await request(gw.port, { path: '/v1/models', headers: bearer(key) })).status, 200);
  });
});
