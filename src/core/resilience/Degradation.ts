/**
 * Graceful degradation (Phase 11.1): stop streams that never start or stall instead of letting the
 * user wait forever. (Falling back to the next model is the router's job, by the failure table.)
 */
import { JarvisError } from '../../common/errors';
import { systemTimer, Timer, TimerHandle } from './Timer';
import { toJarvisError } from './toJarvisError';

export interface StreamTimeoutOptions {
  /** Longest wait for the first chunk (models may load for a while). Infinity disables it. */
  firstTokenMs: number;
  /** Longest wait between two chunks once the stream has started. Infinity disables it. */
  idleMs: number;
  /** The caller's cancellation; it also aborts the request. */
  signal?: AbortSignal;
  /** Who is streaming, for messages ("ollama llama3"). @default "the model" */
  label?: string;
  /** @default systemTimer */
  timer?: Timer;
}

/**
 * Wraps a stream with a first-chunk deadline and an idle deadline. Pass a factory
 * `(signal) => stream` so the request is built with a signal this function controls: on a
 * timeout that signal is aborted (stopping the HTTP request) and the iterator throws a `timeout`
 * JarvisError. The caller's `signal` is linked to it, and its abort surfaces as `cancelled`.
 * Deadlines only run while the consumer is waiting for a chunk, so a slow consumer never times out.
 */
export function withStreamTimeouts<T>(source: AsyncIterable<T> | ((signal: AbortSignal) => AsyncIterable<T>), options: StreamTimeoutOptions): AsyncIterable<T> {
  validateTimeouts(options);
  const { firstTokenMs, idleMs, signal, label = 'the model', timer = systemTimer } = options;
  return {
    async *[Symbol.asyncIterator]() {
      const controller = new AbortController();
      const linkAbort = () => controller.abort(signal?.reason);
      if (signal?.aborted) throw new JarvisError('cancelled', 'The request was cancelled.', { cause: signal.reason });
      signal?.addEventListener('abort', linkAbort, { once: true });
      let iterator: AsyncIterator<T> | undefined;
      let received = 0;
      let finished = false;
      try {
        const iterable = typeof source === 'function' ? source(controller.signal) : source;
        iterator = iterable[Symbol.asyncIterator]();
        for (;;) {
          const waitMs = received === 0 ? firstTokenMs : idleMs;
          const next: IteratorResult<T> = await nextWithDeadline(iterator, waitMs, controller, signal, timer, () =>
            received === 0
              ? `No response from ${label} within ${formatSeconds(firstTokenMs)} (first-token timeout). It may be loading or overloaded; try again.`
              : `${label} stopped sending for ${formatSeconds(idleMs)} after ${received} chunk${received === 1 ? '' : 's'} (idle timeout); try again.`,
          );
          if (next.done) {
            finished = true;
            return;
          }
          received++;
          yield next.value;
        }
      } finally {
        signal?.removeEventListener('abort', linkAbort);
        if (!finished) {
          controller.abort(new JarvisError('cancelled', 'The stream was closed before it ended.'));
          // Not awaited: a source that ignores aborts may never settle its pending next().
          Promise.resolve(iterator?.return?.()).catch(() => undefined);
        }
      }
    },
  };
}

function nextWithDeadline<T>(
  iterator: AsyncIterator<T>,
  waitMs: number,
  controller: AbortController,
  signal: AbortSignal | undefined,
  timer: Timer,
  timeoutMessage: () => string,
): Promise<IteratorResult<T>> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let handle: TimerHandle | undefined;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      if (handle !== undefined) timer.clearTimeout(handle);
      controller.signal.removeEventListener('abort', onAbort);
      action();
    };
    const onAbort = () => finish(() => reject(new JarvisError('cancelled', 'The request was cancelled.', { cause: signal?.reason })));
    if (Number.isFinite(waitMs)) {
      handle = timer.setTimeout(() => {
        const error = new JarvisError('timeout', timeoutMessage());
        finish(() => reject(error));
        controller.abort(error);
      }, waitMs);
    }
    controller.signal.addEventListener('abort', onAbort, { once: true });
    iterator.next().then(
      (result) => finish(() => resolve(result)),
      (error: unknown) => finish(() => reject(toJarvisError(error, signal?.aborted ? { outcome: 'cancelled' } : {}))),
    );
  });
}

function validateTimeouts(options: StreamTimeoutOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw new JarvisError('invalid-input', 'withStreamTimeouts: options { firstTokenMs, idleMs } are required.');
  }
  for (const field of ['firstTokenMs', 'idleMs'] as const) {
    const v = options[field];
    if (typeof v !== 'number' || Number.isNaN(v) || v <= 0) {
      throw new JarvisError('invalid-input', `withStreamTimeouts: ${field} must be a number > 0 (or Infinity), got ${String(v)}.`);
    }
  }
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
