import { JarvisError } from '../../common/errors';
import type { LlmProvider, ProviderChatRequest, ProviderChunk } from '../llm/types';
import type { CircuitBreakers } from '../resilience/CircuitBreakers';
import { withStreamTimeouts } from '../resilience/Degradation';
import type { RetryPolicy } from '../resilience/RetryPolicy';
import type { Timer } from '../resilience/Timer';
import { toJarvisError } from '../resilience/toJarvisError';

/** The resilience in force for a call; read per call so a settings change applies to the next one. */
export interface ResilienceContext {
  breakers: CircuitBreakers;
  retry: RetryPolicy;
  firstTokenMs: number;
  idleMs: number;
  timer: Timer;
  /** Told about every failed attempt (e.g. to refresh the installed-model list after model-not-found). */
  onFailure?: (provider: LlmProvider, model: string, error: JarvisError) => void;
}

/** Settles the breaker's view of one call when the stream (not just its first chunk) is over. */
class Outcome {
  readonly promise: Promise<void>;
  private resolve!: () => void;
  private reject!: (e: unknown) => void;
  private settled = false;
  constructor() {
    this.promise = new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }
  succeed(): void {
    if (this.settled) return;
    this.settled = true;
    this.resolve();
  }
  fail(e: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.reject(e);
  }
}

interface Opened {
  iterator: AsyncIterator<ProviderChunk>;
  first: IteratorResult<ProviderChunk>;
  outcome: Outcome;
}

/**
 * One provider call with the project's single resilience layer around it:
 * - each HTTP attempt passes the circuit breakers of the provider and of provider:model, and its
 *   whole stream's outcome is what the breakers count;
 * - first-token and idle deadlines (withStreamTimeouts) stop streams that never start or stall;
 * - RetryPolicy retries an attempt only until the first chunk arrives: once the user has seen text,
 *   a failure is final (re-sending would repeat or contradict what they read). Cancellation is never
 *   retried. The SDKs themselves are built with maxRetries 0.
 */
export class ResilientProvider implements LlmProvider {
  constructor(
    private readonly inner: LlmProvider,
    private readonly context: () => ResilienceContext,
  ) {}

  get id(): LlmProvider['id'] {
    return this.inner.id;
  }

  get local(): boolean {
    return this.inner.local;
  }

  async *chat(request: ProviderChatRequest): AsyncGenerator<ProviderChunk, void, undefined> {
    const ctx = this.context();
    const opened = await ctx.retry.execute(() => this.open(request, ctx), {
      signal: request.signal,
      provider: this.inner.id,
      operation: `chat ${request.model}`,
    });
    const { iterator, first, outcome } = opened;
    let finished = false;
    try {
      if (!first.done) yield first.value;
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        yield next.value;
      }
      finished = true;
      outcome.succeed();
    } catch (e) {
      const error = toJarvisError(e, { provider: this.inner.id, ...(request.signal?.aborted ? { outcome: 'cancelled' as const } : {}) });
      outcome.fail(error);
      this.report(ctx, request.model, error);
      finished = true;
      throw error;
    } finally {
      if (!finished) {
        // The consumer stopped early (cancelled, or the router moved on): not the provider's fault.
        outcome.fail(new JarvisError('cancelled', 'The stream was closed before it ended.'));
        Promise.resolve(iterator.return?.()).catch(() => undefined);
      }
    }
  }

  /** One attempt: pass the breakers, open the stream, and wait for its first chunk. */
  private async open(request: ProviderChatRequest, ctx: ResilienceContext): Promise<Opened> {
    const outcome = new Outcome();
    let admit!: () => void;
    const admitted = new Promise<void>((resolve) => (admit = resolve));
    const gate = ctx.breakers.execute(
      { provider: this.inner.id, model: request.model },
      () => {
        admit();
        return outcome.promise;
      },
      request.signal,
    );
    // The gate settles with the outcome we set; only its early rejection (circuit open) matters.
    gate.catch(() => undefined);
    await Promise.race([admitted, gate]);

    const iterator = withStreamTimeouts((signal) => this.inner.chat({ ...request, signal }), {
      firstTokenMs: ctx.firstTokenMs,
      idleMs: ctx.idleMs,
      signal: request.signal,
      label: `${this.inner.id} ${request.model}`,
      timer: ctx.timer,
    })[Symbol.asyncIterator]();
    try {
      const first = await iterator.next();
      if (first.done) {
        throw new JarvisError('invalid-response', `${this.inner.id} ended the answer from ${request.model} without sending anything.`, {
          provider: this.inner.id,
          model: request.model,
        });
      }
      return { iterator, first, outcome };
    } catch (e) {
      const error = toJarvisError(e, { provider: this.inner.id, ...(request.signal?.aborted ? { outcome: 'cancelled' as const } : {}) });
      outcome.fail(error);
      this.report(ctx, request.model, error);
      throw error;
    }
  }

  private report(ctx: ResilienceContext, model: string, error: JarvisError): void {
    if (error.code === 'cancelled') return;
    try {
      ctx.onFailure?.(this.inner, model, error);
    } catch {
      /* a listener must never change the call's outcome */
    }
  }
}
