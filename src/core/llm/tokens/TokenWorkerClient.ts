import { Worker } from 'node:worker_threads';
import type { IDisposable } from '../../../common/Disposable';
import type { Encoding } from './loadEncoder';
import type { TokenWorkerReply, TokenWorkerRequest } from './tokenWorker';

interface Pending {
  resolve(count: number): void;
  reject(error: Error): void;
}

/**
 * Talks to the tokenizer worker thread (tokenWorker.ts), started on first use. When the worker cannot
 * start or dies, every waiting count and every later one rejects, so the caller can count in-process.
 */
export class TokenWorkerClient implements IDisposable {
  private worker: Worker | undefined;
  private failure: Error | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly script: string) {}

  /** Why the worker is unusable, once it is. */
  get broken(): Error | undefined {
    return this.failure;
  }

  /** Counts `text` in the worker; without text, only loads the encoding's table there. */
  count(encoding: Encoding, text?: string): Promise<number> {
    if (this.failure) return Promise.reject(this.failure);
    const worker = this.start();
    const id = this.nextId++;
    const request: TokenWorkerRequest = text === undefined ? { id, encoding } : { id, encoding, text };
    return new Promise<number>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage(request);
    });
  }

  dispose(): void {
    this.fail(new Error('the token counter was disposed'));
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    // Counting must never keep a process (a test runner, the extension host's shutdown) alive.
    worker.unref();
    worker.on('message', (reply: TokenWorkerReply) => this.settle(reply));
    worker.on('error', (e) => this.fail(new Error(`tokenizer worker failed: ${e.message}`)));
    worker.on('exit', (code) => this.fail(new Error(`tokenizer worker exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private settle(reply: TokenWorkerReply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    if ('error' in reply) p.reject(new Error(reply.error));
    else p.resolve(reply.count);
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
