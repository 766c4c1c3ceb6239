import type { Clock } from '../../src/common/Clock';
import type { Timer, TimerHandle } from '../../src/core/resilience/Timer';

interface Scheduled {
  id: number;
  at: number;
  callback: () => void;
}

/**
 * A timer that only fires when told to, sharing its notion of "now" with a FakeClock so that
 * breakers (clock) and deadlines (timer) move together in tests.
 */
export class FakeTimer implements Timer {
  private nextId = 1;
  private readonly scheduled = new Map<number, Scheduled>();

  constructor(readonly clock: Clock & { advance(ms: number): void }) {}

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.scheduled.set(id, { id, at: this.clock.now() + Math.max(0, ms), callback });
    return id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.scheduled.delete(handle as number);
  }

  /** Number of callbacks waiting to fire. */
  get pending(): number {
    return this.scheduled.size;
  }

  /** Moves time forward, firing due callbacks in deadline order (and those they schedule). */
  advance(ms: number): void {
    const target = this.clock.now() + ms;
    while (this.fireNext(target));
    this.clock.advance(target - this.clock.now());
  }

  /**
   * Like {@link advance}, but lets promise chains settle (one macrotask turn) before and after each
   * callback, so work scheduled by awaited code in response to a firing is seen in the same call.
   */
  async advanceAsync(ms: number): Promise<void> {
    const target = this.clock.now() + ms;
    await settle();
    while (this.fireNext(target)) await settle();
    this.clock.advance(target - this.clock.now());
    await settle();
  }

  /** Fires the earliest callback due by `target` (moving the clock to its deadline); false if none. */
  private fireNext(target: number): boolean {
    let due: Scheduled | undefined;
    for (const s of this.scheduled.values()) {
      if (s.at <= target && (!due || s.at < due.at || (s.at === due.at && s.id < due.id))) due = s;
    }
    if (!due) return false;
    this.scheduled.delete(due.id);
    this.clock.advance(due.at - this.clock.now());
    due.callback();
    return true;
  }
}

/** One macrotask turn: every microtask queued so far (and those they queue) has run. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
