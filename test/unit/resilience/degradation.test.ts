import * as assert from 'node:assert/strict';
import { createServer, IncomingMessage } from 'node:http';
import { AddressInfo } from 'node:net';
import { FakeClock } from '../../fakes/FakeClock';
import { isJarvisError } from '../../../src/common/errors';
import { withStreamTimeouts } from '../../../src/core/resilience/Degradation';
import { FakeTimer } from '../../fakes/FakeTimer';

/** An async source driven by the test: push chunks, end, or leave it hanging. */
function controllableSource<T>() {
  const queue: T[] = [];
  let waiting: ((r: IteratorResult<T>) => void) | undefined;
  let ended = false;
  let returned = false;
  let signal: AbortSignal | undefined;
  const iterator: AsyncIterator<T> = {
    next: () =>
      new Promise((resolve) => {
        if (queue.length) resolve({ value: queue.shift()!, done: false });
        else if (ended) resolve({ value: undefined, done: true });
        else waiting = resolve;
      }),
    return: async () => ((returned = true), { value: undefined, done: true }),
  };
  return {
    factory: (s: AbortSignal) => ((signal = s), { [Symbol.asyncIterator]: () => iterator }),
    push(v: T) {
      const resolve = waiting;
      waiting = undefined;
      if (resolve) resolve({ value: v, done: false });
      else queue.push(v);
    },
    end() {
      ended = true;
      if (waiting) waiting({ value: undefined, done: true });
    },
    get signal() {
      return signal;
    },
    get returned() {
      return returned;
    },
  };
}

async function* empty(): AsyncIterable<never> {}

async function collect<T>(it: AsyncIterable<T>, into: T[]): Promise<void> {
  for await (const v of it) into.push(v);
}

describe('withStreamTimeouts', () => {
  function setup() {
    const timer = new FakeTimer(new FakeClock());
    return { timer };
  }

  it('throws a timeout and aborts the request when no first chunk arrives in time', async () => {
    const { timer } = setup();
    const source = controllableSource<string>();
    const got: string[] = [];
    const done = collect(withStreamTimeouts(source.factory, { firstTokenMs: 30_000, idleMs: 5_000, timer, label: 'ollama llama3' }), got);
    let error: unknown;
    done.catch((e) => (error = e));
    await timer.advanceAsync(29_999);
    assert.equal(error, undefined);
    assert.equal(source.signal?.aborted, false);
    await timer.advanceAsync(1);
    assert.ok(isJarvisError(error, 'timeout'));
    assert.equal((error as Error).message, 'No response from ollama llama3 within 30 s (first-token timeout). It may be loading or overloaded; try again.');
    assert.equal(source.signal?.aborted, true);
    assert.equal(source.signal?.reason, error);
  });

  it('throws when the stream stalls for idleMs after it started, saying how far it got', async () => {
    const { timer } = setup();
    const source = controllableSource<string>();
    const got: string[] = [];
    const done = collect(withStreamTimeouts(source.factory, { firstTokenMs: 30_000, idleMs: 5_000, timer }), got);
    let error: unknown;
    done.catch((e) => (error = e));
    source.push('a');
    await timer.advanceAsync(4_000);
    source.push('b');
    await timer.advanceAsync(4_999);
    assert.equal(error, undefined, 'the idle deadline restarts with each chunk');
    await timer.advanceAsync(1);
    assert.deepEqual(got, ['a', 'b']);
    assert.ok(isJarvisError(error, 'timeout'));
    assert.equal((error as Error).message, 'the model stopped sending for 5 s after 2 chunks (idle timeout); try again.');
    assert.equal(source.signal?.aborted, true);
  });

  it('passes a stream that keeps up straight through, leaving no timers behind', async () => {
    const { timer } = setup();
    const source = controllableSource<number>();
    const got: number[] = [];
    const done = collect(withStreamTimeouts(source.factory, { firstTokenMs: 1000, idleMs: 1000, timer }), got);
    for (let i = 0; i < 5; i++) {
      source.push(i);
      await timer.advanceAsync(900);
    }
    source.end();
    await done;
    assert.deepEqual(got, [0, 1, 2, 3, 4]);
    assert.equal(timer.pending, 0);
    assert.equal(source.signal?.aborted, false);
  });

  it("turns the caller's abort into a cancelled error and aborts the request", async () => {
    const { timer } = setup();
    const source = controllableSource<string>();
    const controller = new AbortController();
    const done = collect(withStreamTimeouts(source.factory, { firstTokenMs: 1000, idleMs: 1000, timer, signal: controller.signal }), []);
    await timer.advanceAsync(10);
    controller.abort();
    await assert.rejects(done, (e: unknown) => isJarvisError(e, 'cancelled'));
    assert.equal(source.signal?.aborted, true);
    assert.equal(timer.pending, 0);
  });

  it('a consumer that stops early closes the source and aborts the request', async () => {
    const { timer } = setup();
    const source = controllableSource<string>();
    source.push('first');
    for await (const chunk of withStreamTimeouts(source.factory, { firstTokenMs: 1000, idleMs: 1000, timer })) {
      assert.equal(chunk, 'first');
      break;
    }
    assert.equal(source.returned, true);
    assert.equal(source.signal?.aborted, true);
  });

  it('stops a real HTTP stream that stalls: the server sees the connection closed', async () => {
    let serverRequest: IncomingMessage | undefined;
    const closed = new Promise<void>((resolve) => {
      const server = createServer((req, res) => {
        serverRequest = req;
        res.writeHead(200, { 'content-type': 'application/x-ndjson' });
        res.write('{"message":{"content":"Hel"}}\n'); // one chunk, then silence
        res.on('close', () => {
          server.close();
          resolve();
        });
      });
      server.listen(0, '127.0.0.1', () => run((server.address() as AddressInfo).port));
    });
    const { timer } = setup();
    let outcome: unknown;
    const chunks: string[] = [];
    const run = async (port: number) => {
      const stream = withStreamTimeouts(
        async function* (signal: AbortSignal) {
          const res = await fetch(`http://127.0.0.1:${port}/api/chat`, { signal });
          const decoder = new TextDecoder();
          for await (const part of res.body as unknown as AsyncIterable<Uint8Array>) yield decoder.decode(part);
        },
        { firstTokenMs: 10_000, idleMs: 2_000, timer },
      );
      try {
        for await (const c of stream) {
          chunks.push(c);
          // The first chunk arrived over real I/O; now let fake time pass the idle deadline.
          setImmediate(() => void timer.advanceAsync(2_000));
        }
      } catch (e) {
        outcome = e;
      }
    };
    await closed;
    assert.ok(serverRequest);
    assert.deepEqual(chunks, ['{"message":{"content":"Hel"}}\n']);
    // The request closes as soon as we abort; the error is in place by the next turn.
    await new Promise((r) => setImmediate(r));
    assert.ok(isJarvisError(outcome, 'timeout'), String(outcome));
  });

  it('validates its options', () => {
    assert.throws(
      () => withStreamTimeouts(empty(), { firstTokenMs: 0, idleMs: 1 } as never),
      (e: unknown) => isJarvisError(e, 'invalid-input') && e.message === 'withStreamTimeouts: firstTokenMs must be a number > 0 (or Infinity), got 0.',
    );
    assert.throws(
      () => withStreamTimeouts(empty(), { firstTokenMs: 1 } as never),
      (e: unknown) => isJarvisError(e, 'invalid-input') && e.message === 'withStreamTimeouts: idleMs must be a number > 0 (or Infinity), got undefined.',
    );
  });
});
