/** Opaque handle returned by {@link Timer.setTimeout}. */
export type TimerHandle = unknown;

/**
 * A setTimeout-compatible scheduler, injected wherever a deadline or a delay matters so tests
 * drive time with a fake timer (test/fakes/FakeTimer.ts) instead of sleeping.
 */
export interface Timer {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const systemTimer: Timer = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Resolves after `ms` on `timer`; rejects with `signal.reason` as soon as the signal fires. */
export function sleep(timer: Timer, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      timer.clearTimeout(handle);
      reject(signal?.reason);
    };
    const handle = timer.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
