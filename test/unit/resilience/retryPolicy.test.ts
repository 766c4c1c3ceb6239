import * as assert from 'node:assert/strict';
import OpenAI from 'openai';
import { FakeClock } from '../../fakes/FakeClock';
import { isJarvisError, JarvisError, type JarvisErrorCode } from '../../../src/common/errors';
import { FAILURE_TABLE } from '../../../src/core/resilience/failureTable';
import { RetryEvent, RetryPolicy, RetryPolicyOptions } from '../../../src/core/resilience/RetryPolicy';
import { FakeTimer } from '../../fakes/FakeTimer';

function setup(options: RetryPolicyOptions = {}) {
  const clock = new FakeClock(1_000_000);
  const timer = new FakeTimer(clock);
  const policy = new RetryPolicy({ timer, clock, random: () => 0.5, ...options });
  const retries: RetryEvent[] = [];
  policy.onRetry((e) => retries.push(e));
  return { clock, timer, policy, retries };
}

/** A function failing with the given errors in turn, then succeeding with "ok". */
function failing(...errors: unknown[]) {
  const calls: number[] = [];
  const fn = async (attempt: number) => {
    calls.push(attempt);
    if (calls.length <= errors.length) throw errors[calls.length - 1];
    return 'ok';
  };
  return { fn, calls };
}

/** Advances fake time until the promise settles (bounded, so a bug fails instead of hanging). */
async function drive<T>(timer: FakeTimer, promise: Promise<T>, stepMs = 1000, maxSteps = 500): Promise<T> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let i = 0; i < maxSteps && !settled; i++) await timer.advanceAsync(stepMs);
  return promise;
}

async function rejection(promise: Promise<unknown>): Promise<JarvisError> {
  try {
    await promise;
  } catch (e) {
    assert.ok(isJarvisError(e), `expected a JarvisError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected a rejection');
}

const unreachable = () => new JarvisError('provider-unreachable', 'Ollama is not running', { provider: 'ollama' });

describe('RetryPolicy', () => {
  // p-retry is imported on first use (real file I/O, not fake time): load it before the fake-time tests.
  before(() => new RetryPolicy().execute(async () => 'warm'));

  it('retries network errors with full-jitter exponential backoff, then succeeds', async () => {
    const { timer, policy, retries } = setup();
    const { fn, calls } = failing(unreachable(), unreachable());
    assert.equal(await drive(timer, policy.execute(fn, { provider: 'ollama' })), 'ok');
    assert.deepEqual(calls, [1, 2, 3]);
    // network: base 500 ms, doubling; random 0.5 → half of each ceiling.
    assert.deepEqual(
      retries.map((r) => r.delayMs),
      [250, 500],
    );
    assert.ok(retries.every((r) => r.outcome === 'network' && !r.fromRetryAfter));
  });

  it('waits exactly the backoff on the injected timer before the next attempt', async () => {
    const { timer, policy } = setup();
    const { fn, calls } = failing(unreachable());
    const result = policy.execute(fn);
    await timer.advanceAsync(249);
    assert.equal(calls.length, 1, 'no retry before the delay has passed');
    await timer.advanceAsync(1);
    assert.equal(calls.length, 2);
    assert.equal(await result, 'ok');
  });

  it('caps the jittered delay at the category maxDelayMs and never reaches the ceiling', async () => {
    const { timer, policy, retries } = setup({
      random: () => 0.999,
      categories: { network: { baseDelayMs: 1000, maxDelayMs: 3000, maxAttempts: 5 } },
    });
    const { fn } = failing(unreachable(), unreachable(), unreachable(), unreachable());
    await drive(timer, policy.execute(fn));
    const delays = retries.map((r) => r.delayMs);
    assert.deepEqual(
      delays.map((d) => Math.round(d)),
      [999, 1998, 2997, 2997],
    );
    assert.ok(delays.every((d) => d < 3000));
  });

  it('honours Retry-After from details.retryAfterMs exactly (no jitter)', async () => {
    const { timer, policy, retries } = setup();
    const limited = new JarvisError('rate-limited', 'slow down', { retryAfterMs: 7000 });
    const { fn, calls } = failing(limited);
    const result = policy.execute(fn);
    await timer.advanceAsync(6999);
    assert.equal(calls.length, 1);
    await timer.advanceAsync(1);
    assert.equal(await result, 'ok');
    assert.equal(calls.length, 2);
    assert.deepEqual(
      retries.map((r) => [r.delayMs, r.fromRetryAfter]),
      [[7000, true]],
    );
  });

  it('honours Retry-After headers of a real SDK error, capped at 60 s', async () => {
    const { timer, policy, retries } = setup();
    const headers = (v: string) => new Headers({ 'retry-after': v });
    const { fn } = failing(
      OpenAI.APIError.generate(429, undefined, undefined, headers('3')),
      OpenAI.APIError.generate(429, undefined, undefined, headers('3600')),
    );
    await drive(timer, policy.execute(fn));
    assert.deepEqual(
      retries.map((r) => r.delayMs),
      [3000, 60_000],
    );
  });

  it('counts attempts per category: rate limits stop after 4 attempts with the last error', async () => {
    const { timer, policy } = setup();
    const errors = [1, 2, 3, 4, 5].map((n) => new JarvisError('rate-limited', `limit ${n}`, { retryAfterMs: 10 }));
    const { fn, calls } = failing(...errors);
    const error = await rejection(drive(timer, policy.execute(fn), 10));
    assert.equal(calls.length, 4);
    assert.equal(error, errors[3]);
  });

  it('stops at the global maxAttempts whatever the category allows', async () => {
    const { timer, policy } = setup({ maxAttempts: 2 });
    const { fn, calls } = failing(unreachable(), unreachable(), unreachable());
    await rejection(drive(timer, policy.execute(fn)));
    assert.equal(calls.length, 2);
  });

  for (const [name, error] of [
    ['authentication', new JarvisError('auth-failed', 'bad key')],
    ['validation', new JarvisError('model-not-found', 'no such model')],
    ['fatal', new JarvisError('budget-exceeded', 'over budget')],
    ['validation (real SDK 400)', OpenAI.APIError.generate(400, { error: { message: 'bad' } }, undefined, new Headers())],
    ['circuit-open (fail fast, fall back instead)', new JarvisError('circuit-open', 'paused')],
  ] as const) {
    it(`never retries ${name}`, async () => {
      const { timer, policy, retries } = setup();
      const { fn, calls } = failing(error);
      const thrown = await rejection(drive(timer, policy.execute(fn)));
      assert.equal(calls.length, 1);
      assert.equal(retries.length, 0);
      if (isJarvisError(error)) assert.equal(thrown, error);
      else assert.equal(thrown.details.cause, error);
    });
  }

  it('asks the same model again exactly for the codes whose failure-table row says retry', async () => {
    for (const code of Object.keys(FAILURE_TABLE) as JarvisErrorCode[]) {
      const { timer, policy } = setup({ maxAttempts: 2 });
      const { fn, calls } = failing(new JarvisError(code, `failed: ${code}`));
      const result = await drive(timer, policy.execute(fn)).catch((e: unknown) => e);
      assert.equal(calls.length, FAILURE_TABLE[code].retry ? 2 : 1, code);
      assert.equal(result === 'ok', FAILURE_TABLE[code].retry, code);
    }
  });

  it('never retries a cancellation thrown by the call', async () => {
    const { timer, policy } = setup();
    const abort = new DOMException('This operation was aborted', 'AbortError');
    const { fn, calls } = failing(abort);
    const error = await rejection(drive(timer, policy.execute(fn)));
    assert.equal(error.code, 'cancelled');
    assert.equal(calls.length, 1);
  });

  it('an abort during the backoff wait stops at once: no further attempt, no pending timer', async () => {
    const { timer, policy } = setup();
    const controller = new AbortController();
    const { fn, calls } = failing(unreachable(), unreachable());
    const result = policy.execute(fn, { signal: controller.signal });
    await timer.advanceAsync(0);
    assert.equal(timer.pending, 1, 'waiting for the first retry');
    controller.abort();
    const error = await rejection(result);
    assert.equal(error.code, 'cancelled');
    assert.equal(calls.length, 1);
    assert.equal(timer.pending, 0);
  });

  it('does not call the function when the signal is already aborted', async () => {
    const { policy } = setup();
    const { fn, calls } = failing();
    const error = await rejection(policy.execute(fn, { signal: AbortSignal.abort() }));
    assert.equal(error.code, 'cancelled');
    assert.equal(calls.length, 0);
  });

  it('reports a failure after the caller cancelled as a cancellation, whatever it looks like', async () => {
    const { policy } = setup();
    const controller = new AbortController();
    const error = await rejection(
      policy.execute(
        async () => {
          controller.abort();
          throw unreachable();
        },
        { signal: controller.signal },
      ),
    );
    assert.equal(error.code, 'cancelled');
  });

  it('wraps non-Jarvis errors after the last attempt, keeping the cause', async () => {
    const { timer, policy } = setup({ maxAttempts: 2 });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:11434'), { code: 'ECONNREFUSED' });
    const { fn } = failing(refused, refused);
    const error = await rejection(drive(timer, policy.execute(fn, { provider: 'ollama' })));
    assert.equal(error.code, 'provider-unreachable');
    assert.equal(error.details.cause, refused);
    assert.equal(error.details.provider, 'ollama');
  });

  it('retries even a TypeError when it is a network failure (p-retry would not)', async () => {
    const { timer, policy } = setup();
    const fetchFailed = new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) });
    const { fn, calls } = failing(fetchFailed);
    assert.equal(await drive(timer, policy.execute(fn)), 'ok');
    assert.equal(calls.length, 2);
  });

  it('keeps error statistics per category and provider, with the last error time', async () => {
    const { clock, timer, policy } = setup({ maxAttempts: 3 });
    await drive(timer, policy.execute(failing(unreachable(), unreachable()).fn, { provider: 'ollama' }));
    await rejection(policy.execute(failing(new JarvisError('auth-failed', 'k')).fn, { provider: 'openai' }));
    const stats = policy.stats.snapshot();
    assert.equal(stats.total, 3);
    assert.equal(stats.retries, 2);
    assert.deepEqual(stats.byCategory, { network: 2, authentication: 1 });
    assert.deepEqual(stats.byProvider, { ollama: { network: 2 }, openai: { authentication: 1 } });
    assert.equal(stats.lastErrorAt, clock.now());
  });

  describe('options are validated up front', () => {
    const cases: [RetryPolicyOptions, string][] = [
      [{ maxAttempts: 0 }, 'RetryPolicy: maxAttempts must be an integer ≥ 1, got 0.'],
      [{ maxAttempts: 1.5 }, 'RetryPolicy: maxAttempts must be an integer ≥ 1, got 1.5.'],
      [{ maxRetryAfterMs: -1 }, 'RetryPolicy: maxRetryAfterMs must be a finite number ≥ 0, got -1.'],
      [{ random: 3 as unknown as () => number }, 'RetryPolicy: random must be a function returning [0, 1).'],
      [
        { categories: { bogus: {} } as RetryPolicyOptions['categories'] },
        'RetryPolicy: unknown category "bogus"; expected one of network, api_limit, authentication, validation, resource, transient, fatal.',
      ],
      [{ categories: { network: { baseDelayMs: -5 } } }, 'RetryPolicy: categories.network.baseDelayMs must be a finite number ≥ 0, got -5.'],
      [{ categories: { network: { maxAttempts: 0 } } }, 'RetryPolicy: categories.network.maxAttempts must be an integer ≥ 1, got 0.'],
      [{ categories: { transient: { baseDelayMs: 5000 } } }, 'RetryPolicy: categories.transient.maxDelayMs must be ≥ baseDelayMs (5000), got 2000.'],
    ];
    for (const [options, message] of cases) {
      it(message, () => {
        assert.throws(
          () => new RetryPolicy(options),
          (e: unknown) => isJarvisError(e, 'invalid-input') && e.message === message,
        );
      });
    }
  });
});
