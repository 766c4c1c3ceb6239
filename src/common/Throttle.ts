import type { IDisposable } from './Disposable';

export interface ThrottleOptions {
  /** At most one run per this many milliseconds. */
  intervalMs: number;
  /** Milliseconds, monotonic. @default performance.now */
  now?: () => number;
  /** @default setTimeout */
  setTimer?: (fn: () => void, ms: number) => unknown;
  /** @default clearTimeout */
  clearTimer?: (handle: unknown) => void;
}

/**
 * Runs `fn` at most once per interval: the first request runs at once, requests during the interval
 * collapse into one run at its end (so the last state is never lost). Used for the dashboard's live
 * updates: a burst of recorded requests posts one snapshot, not one per request.
 */
export class Throttle implements IDisposable {
  private last = -Infinity;
  private timer: unknown;
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(
    private readonly fn: () => void,
    private readonly o: ThrottleOptions,
  ) {
    if (!(o.intervalMs >= 0)) throw new Error(`Throttle: intervalMs must be a non-negative number of milliseconds (got ${o.intervalMs}).`);
    this.now = o.now ?? (() => performance.now());
    this.setTimer = o.setTimer ?? ((f, ms) => setTimeout(f, ms));
    this.clearTimer = o.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  /** Asks for a run. */
  schedule(): void {
    if (this.timer !== undefined) return;
    const wait = this.last + this.o.intervalMs - this.now();
    if (wait <= 0) return this.run();
    this.timer = this.setTimer(() => {
      this.timer = undefined;
      this.run();
    }, wait);
  }

  dispose(): void {
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = undefined;
  }

  private run(): void {
    this.last = this.now();
    this.fn();
  }
}
