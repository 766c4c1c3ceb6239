import type { IDisposable } from '../../common/Disposable';

/**
 * Aborts a streamed response that goes quiet. The OpenAI and Anthropic SDKs stop their own timeout
 * once the response headers arrive, so without this a server that stalls mid-answer hangs the chat.
 *
 * Pass `signal` to the SDK. Call `touch()` whenever the server produced something and `pause()`
 * while the consumer holds a chunk, so a slow consumer is not blamed on the server.
 */
export class StreamWatchdog implements IDisposable {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private fired = false;
  /** Aborts when the caller's signal does or when the stream stays idle for `idleMs`. */
  readonly signal: AbortSignal;

  constructor(
    private readonly idleMs: number,
    callerSignal?: AbortSignal,
  ) {
    this.signal = callerSignal ? AbortSignal.any([callerSignal, this.controller.signal]) : this.controller.signal;
  }

  /** True once the idle limit was hit (as opposed to the caller cancelling). */
  get timedOut(): boolean {
    return this.fired;
  }

  /** (Re)starts the idle countdown. */
  touch(): void {
    this.pause();
    this.timer = setTimeout(() => {
      this.fired = true;
      this.controller.abort();
    }, this.idleMs);
  }

  pause(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.pause();
  }
}
