import { strict as assert } from 'node:assert';
import { Throttle } from '../../../src/common/Throttle';

/** Timers that run only when the test moves time. */
class FakeTimers {
  t = 0;
  private queue: Array<{ at: number; fn: () => void; id: number }> = [];
  private seq = 0;
  set = (fn: () => void, ms: number) => {
    const id = ++this.seq;
    this.queue.push({ at: this.t + ms, fn, id });
    return id;
  };
  clear = (id: unknown) => {
    this.queue = this.queue.filter((q) => q.id !== id);
  };
  advance(ms: number): void {
    this.t += ms;
    for (const due of this.queue.filter((q) => q.at <= this.t)) {
      this.clear(due.id);
      due.fn();
    }
  }
  get pending(): number {
    return this.queue.length;
  }
}

describe('Throttle', () => {
  const make = () => {
    const timers = new FakeTimers();
    let runs = 0;
    const throttle = new Throttle(() => runs++, { intervalMs: 500, now: () => timers.t, setTimer: timers.set, clearTimer: timers.clear });
    return { timers, throttle, runs: () => runs };
  };

  it('runs the first request at once and collapses a burst into one run at the end of the interval', () => {
    const { timers, throttle, runs } = make();
    throttle.schedule();
    assert.equal(runs(), 1);
    for (let i = 0; i < 100; i++) throttle.schedule();
    assert.equal(runs(), 1, 'the burst waits');
    timers.advance(499);
    assert.equal(runs(), 1);
    timers.advance(1);
    assert.equal(runs(), 2, 'one trailing run carries the last state');
    timers.advance(10_000);
    assert.equal(runs(), 2, 'nothing more without a new request');
  });

  it('a request after a quiet interval runs at once', () => {
    const { timers, throttle, runs } = make();
    throttle.schedule();
    timers.advance(600);
    throttle.schedule();
    assert.equal(runs(), 2);
  });

  it('dispose cancels a pending run', () => {
    const { timers, throttle, runs } = make();
    throttle.schedule();
    throttle.schedule();
    throttle.dispose();
    assert.equal(timers.pending, 0);
    timers.advance(1000);
    assert.equal(runs(), 1);
  });

  it('refuses a negative interval with a clear error', () => {
    assert.throws(() => new Throttle(() => undefined, { intervalMs: -1 }), /intervalMs must be a non-negative number of milliseconds \(got -1\)/);
  });
});
