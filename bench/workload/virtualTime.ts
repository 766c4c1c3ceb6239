/**
 * Virtual time for the workload benchmark. After `installVirtualTime()`, setTimeout/setInterval,
 * Date.now() and performance.now() in this process run on a simulated clock that only moves when
 * the process is idle: when no I/O or timer callback has run for two full event-loop turns, the
 * clock jumps to the earliest pending timer and fires it. The fakes (their pacing), the SDKs (retry
 * back-off, timeouts), undici and Jarvis (deadlines, breakers, cache TTLs) all read the same
 * globals, so every duration anybody measures is simulated time: the models' simulated latency,
 * queueing, retry waits and timeouts, while the code's own CPU work counts as zero (the bench
 * measures that separately, in real time). A 10-minute session runs in seconds, and the figures do
 * not depend on how busy the machine is.
 *
 * Idle detection counts async callbacks (async_hooks) other than its own. Everything the bench
 * waits on is loopback HTTP inside this process, whose bytes are in the peer socket when write()
 * returns, so two quiet turns mean nothing is in flight; before a long jump (over 1 simulated
 * second) it also waits 3 real ms of quiet, for the rare deferred delivery under load.
 */
import { createHook } from 'node:async_hooks';

interface VTimer {
  id: number;
  at: number;
  ms: number;
  repeat: boolean;
  callback: () => void;
  cancelled: boolean;
}

export interface VirtualTime {
  /** Simulated ms since install. */
  now(): number;
  /** Timers fired so far (for the bench's log). */
  readonly fired: number;
}

const LONG_JUMP_MS = 1000;
const QUIET_REAL_MS = 3;

export function installVirtualTime(): VirtualTime {
  const realSetTimeout = globalThis.setTimeout;
  const realClearTimeout = globalThis.clearTimeout;
  const realClearInterval = globalThis.clearInterval;
  const realSetImmediate = globalThis.setImmediate;
  const dateZero = Date.now();
  const perfZero = performance.now();
  let virtual = 0;
  let nextId = 1;
  let fired = 0;
  const timers = new Map<number, VTimer>();

  let activity = 0;
  let ownCallback = false;
  const own = new Set<number>();
  let creatingOwn = false;
  createHook({
    init(asyncId) {
      if (creatingOwn) own.add(asyncId);
    },
    before(asyncId) {
      if (own.has(asyncId)) ownCallback = true;
      else if (!ownCallback) activity++;
    },
    after(asyncId) {
      if (own.delete(asyncId)) ownCallback = false;
    },
  }).enable();

  const ownImmediate = (fn: () => void) => {
    creatingOwn = true;
    try {
      realSetImmediate(fn);
    } finally {
      creatingOwn = false;
    }
  };
  const ownRealTimeout = (fn: () => void, ms: number) => {
    creatingOwn = true;
    try {
      realSetTimeout(fn, ms).unref();
    } finally {
      creatingOwn = false;
    }
  };

  let running = false;
  let quietTurns = 0;
  let seen = -1;
  const turn = () => {
    if (activity !== seen) {
      seen = activity;
      quietTurns = 0;
      ownImmediate(turn);
      return;
    }
    if (++quietTurns < 2) {
      ownImmediate(turn);
      return;
    }
    const due = earliest();
    if (!due) {
      running = false; // parked until a timer is set
      return;
    }
    if (due.at - virtual > LONG_JUMP_MS && quietTurns < 3) {
      quietTurns = 2;
      ownRealTimeout(() => {
        quietTurns = activity === seen ? 3 : 0;
        ownImmediate(turn);
      }, QUIET_REAL_MS);
      return;
    }
    virtual = Math.max(virtual, due.at);
    for (const t of [...timers.values()].filter((x) => x.at <= virtual).sort((a, b) => a.at - b.at || a.id - b.id)) fire(t);
    quietTurns = 0;
    seen = -1;
    ownImmediate(turn);
  };
  const earliest = (): VTimer | undefined => {
    let best: VTimer | undefined;
    for (const t of timers.values()) if (!best || t.at < best.at || (t.at === best.at && t.id < best.id)) best = t;
    return best;
  };
  const fire = (t: VTimer) => {
    if (t.cancelled) return;
    if (t.repeat) t.at = virtual + Math.max(1, t.ms);
    else timers.delete(t.id);
    fired++;
    try {
      t.callback();
    } catch (e) {
      // Like an uncaught exception in a real timer, but the clock keeps running for the others.
      queueMicrotask(() => {
        throw e;
      });
    }
  };
  const wake = () => {
    if (running) return;
    running = true;
    seen = -1;
    quietTurns = 0;
    ownImmediate(turn);
  };

  const schedule =
    (repeat: boolean) =>
    (callback: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
      const delay = typeof ms === 'number' && ms > 0 ? ms : 0;
      const t: VTimer = { id: nextId++, at: virtual + delay, ms: delay, repeat, callback: () => callback(...args), cancelled: false };
      timers.set(t.id, t);
      wake();
      return handle(t);
    };
  const handle = (t: VTimer) => {
    const h = {
      ref: () => h,
      unref: () => h,
      hasRef: () => true,
      refresh: () => {
        t.at = virtual + t.ms;
        if (!t.cancelled) timers.set(t.id, t);
        wake();
        return h;
      },
      close: () => cancel(t),
      [Symbol.toPrimitive]: () => t.id,
      [VIRTUAL]: t,
    };
    return h;
  };
  const cancel = (t: VTimer) => {
    t.cancelled = true;
    timers.delete(t.id);
  };
  const clear = (real: (h: never) => void) => (h: unknown) => {
    if (h === undefined || h === null) return;
    const t = (h as { [VIRTUAL]?: VTimer })[VIRTUAL] ?? (typeof h === 'number' ? timers.get(h) : undefined);
    if (t) cancel(t);
    else real(h as never);
  };

  const g = globalThis as unknown as Record<string, unknown>;
  g.setTimeout = schedule(false);
  g.setInterval = schedule(true);
  g.clearTimeout = clear(realClearTimeout);
  g.clearInterval = clear(realClearInterval);
  Date.now = () => dateZero + virtual;
  Object.defineProperty(performance, 'now', { value: () => perfZero + virtual, configurable: true, writable: true });
  return {
    now: () => virtual,
    get fired() {
      return fired;
    },
  };
}

const VIRTUAL = Symbol('virtualTimer');
