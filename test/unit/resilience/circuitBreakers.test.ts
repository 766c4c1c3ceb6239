import * as assert from 'node:assert/strict';
import { FakeClock } from '../../fakes/FakeClock';
import { isJarvisError, JarvisError } from '../../../src/common/errors';
import { BreakerStateChange, CircuitBreakers } from '../../../src/core/resilience/CircuitBreakers';

const OLLAMA = { provider: 'ollama', model: 'llama3' };
const unreachable = () => new JarvisError('provider-unreachable', 'Ollama is not running');
const overloaded = () => new JarvisError('provider-error', 'overloaded', { status: 503 });

function setup(threshold = 5, halfOpenAfterMs = 60_000) {
  const clock = new FakeClock(1_000_000);
  const breakers = new CircuitBreakers({ failureThreshold: threshold, halfOpenAfterMs, clock });
  const changes: BreakerStateChange[] = [];
  breakers.onStateChange((c) => changes.push(c));
  return { clock, breakers, changes };
}

async function fail(breakers: CircuitBreakers, target: { provider: string; model?: string }, error: unknown, times = 1) {
  for (let i = 0; i < times; i++) {
    await assert.rejects(breakers.execute(target, async () => Promise.reject(error)));
  }
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const stateOf = (b: CircuitBreakers, key: string) => b.states().find((s) => s.key === key);

describe('CircuitBreakers', () => {
  it('opens after 5 consecutive unhealthy failures and then fails fast without calling', async () => {
    const { clock, breakers, changes } = setup();
    await fail(breakers, { provider: 'ollama' }, unreachable(), 4);
    assert.equal(stateOf(breakers, 'ollama')?.state, 'closed');
    assert.equal(stateOf(breakers, 'ollama')?.failures, 4);
    await fail(breakers, { provider: 'ollama' }, unreachable());
    assert.deepEqual(stateOf(breakers, 'ollama'), { key: 'ollama', state: 'open', failures: 5, openedAt: clock.now() });
    assert.deepEqual(changes, [{ key: 'ollama', state: 'open', previous: 'closed' }]);

    let called = false;
    await assert.rejects(
      breakers.execute({ provider: 'ollama' }, async () => (called = true)),
      (e: unknown) => isJarvisError(e, 'circuit-open') && /ollama is paused after 5 consecutive failures; Jarvis will try it again in 60 s/.test(e.message),
    );
    assert.equal(called, false);
    assert.equal(breakers.isAvailable({ provider: 'ollama' }), false);
  });

  it('a success resets the consecutive count', async () => {
    const { breakers } = setup();
    await fail(breakers, { provider: 'ollama' }, unreachable(), 4);
    await breakers.execute({ provider: 'ollama' }, async () => 'ok');
    await fail(breakers, { provider: 'ollama' }, unreachable(), 4);
    assert.equal(stateOf(breakers, 'ollama')?.state, 'closed');
    assert.equal(stateOf(breakers, 'ollama')?.failures, 4);
  });

  for (const [name, error] of [
    ['authentication', new JarvisError('auth-failed', 'bad key')],
    ['validation', new JarvisError('invalid-input', 'too long')],
    ['cancellation', new JarvisError('cancelled', 'stop')],
    ['a real AbortError', new DOMException('aborted', 'AbortError')],
  ] as const) {
    it(`does not count ${name} failures`, async () => {
      const { breakers } = setup();
      await fail(breakers, { provider: 'openai' }, error, 10);
      assert.deepEqual(stateOf(breakers, 'openai'), { key: 'openai', state: 'closed', failures: 0, openedAt: undefined });
    });
  }

  it('does not count a failure that happens after the caller aborted', async () => {
    const { breakers } = setup(1);
    const controller = new AbortController();
    await assert.rejects(
      breakers.execute(
        { provider: 'ollama' },
        async () => {
          controller.abort();
          throw unreachable();
        },
        controller.signal,
      ),
      (e: unknown) => isJarvisError(e, 'cancelled'),
    );
    assert.equal(stateOf(breakers, 'ollama')?.state, 'closed');
  });

  it('half-opens after the timeout on the injected clock and closes on a successful probe', async () => {
    const { clock, breakers, changes } = setup();
    await fail(breakers, { provider: 'ollama' }, unreachable(), 5);
    clock.advance(59_999);
    await assert.rejects(
      breakers.execute({ provider: 'ollama' }, async () => 'early'),
      (e: unknown) => isJarvisError(e, 'circuit-open'),
    );
    assert.equal(breakers.isAvailable({ provider: 'ollama' }), false);
    clock.advance(1);
    assert.equal(breakers.isAvailable({ provider: 'ollama' }), true);
    assert.equal(await breakers.execute({ provider: 'ollama' }, async () => 'probe'), 'probe');
    assert.deepEqual(
      changes.map((c) => c.state),
      ['open', 'half-open', 'closed'],
    );
    assert.deepEqual(stateOf(breakers, 'ollama'), { key: 'ollama', state: 'closed', failures: 0, openedAt: undefined });
  });

  it('lets a SINGLE probe through while half-open; the others wait for its outcome', async () => {
    const { clock, breakers } = setup();
    await fail(breakers, { provider: 'ollama' }, unreachable(), 5);
    clock.advance(60_000);
    const probe = deferred<string>();
    let calls = 0;
    const call = () =>
      breakers.execute({ provider: 'ollama' }, () => {
        calls++;
        return calls === 1 ? probe.promise : Promise.resolve('after');
      });
    const first = call();
    const second = call();
    const third = call();
    await new Promise((r) => setImmediate(r));
    assert.equal(calls, 1, 'only the probe runs while half-open');
    assert.equal(stateOf(breakers, 'ollama')?.state, 'half-open');
    probe.resolve('probe');
    assert.deepEqual(await Promise.all([first, second, third]), ['probe', 'after', 'after']);
    assert.equal(calls, 3);
  });

  it('a failed probe re-opens the breaker for another full timeout', async () => {
    const { clock, breakers } = setup();
    await fail(breakers, { provider: 'ollama' }, unreachable(), 5);
    clock.advance(60_000);
    await fail(breakers, { provider: 'ollama' }, unreachable());
    assert.equal(stateOf(breakers, 'ollama')?.state, 'open');
    assert.equal(stateOf(breakers, 'ollama')?.openedAt, clock.now());
    clock.advance(30_000);
    await assert.rejects(
      breakers.execute({ provider: 'ollama' }, async () => 'x'),
      (e: unknown) => isJarvisError(e, 'circuit-open'),
    );
    clock.advance(30_000);
    assert.equal(await breakers.execute({ provider: 'ollama' }, async () => 'back'), 'back');
  });

  it('a failing model opens its own breaker; the provider and its other models keep working', async () => {
    const { breakers } = setup();
    await fail(breakers, OLLAMA, overloaded(), 5);
    assert.equal(stateOf(breakers, 'ollama:llama3')?.state, 'open');
    assert.equal(stateOf(breakers, 'ollama')?.state, 'closed');
    await assert.rejects(
      breakers.execute(OLLAMA, async () => 'x'),
      (e: unknown) => isJarvisError(e, 'circuit-open') && /ollama model "llama3"/.test(e.message),
    );
    assert.equal(await breakers.execute({ provider: 'ollama', model: 'qwen2.5-coder:7b' }, async () => 'other model'), 'other model');
    assert.equal(stateOf(breakers, 'ollama')?.failures, 0, 'the open model breaker is not a provider failure');
  });

  it('an unreachable provider opens the provider breaker for every model', async () => {
    const { breakers } = setup();
    await fail(breakers, { provider: 'ollama', model: 'a' }, unreachable(), 3);
    await fail(breakers, { provider: 'ollama', model: 'b' }, unreachable(), 2);
    assert.equal(stateOf(breakers, 'ollama')?.state, 'open');
    let called = false;
    await assert.rejects(
      breakers.execute({ provider: 'ollama', model: 'c' }, async () => (called = true)),
      (e: unknown) => isJarvisError(e, 'circuit-open') && e.details.provider === 'ollama',
    );
    assert.equal(called, false);
    assert.equal(breakers.isAvailable({ provider: 'ollama', model: 'c' }), false);
  });

  it('validates its options', () => {
    assert.throws(
      () => new CircuitBreakers({ failureThreshold: 0 }),
      (e: unknown) => isJarvisError(e, 'invalid-input') && e.message === 'CircuitBreakers: failureThreshold must be an integer ≥ 1, got 0.',
    );
    assert.throws(
      () => new CircuitBreakers({ halfOpenAfterMs: Number.NaN }),
      (e: unknown) => isJarvisError(e, 'invalid-input') && e.message === 'CircuitBreakers: halfOpenAfterMs must be a finite number ≥ 0, got NaN.',
    );
  });
});
