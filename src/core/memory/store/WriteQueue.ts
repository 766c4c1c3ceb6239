interface Pending<Op, R> {
  op: Op;
  resolve: (r: R) => void;
  reject: (e: unknown) => void;
}

/** What a flush returns per op, in order: a value, or the error for that op alone. */
export type OpOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Serialises writes and coalesces the ones that arrive together: every op pushed while a flush is
 * running (or before the next turn of the event loop) goes into the NEXT flush as one batch, so 100
 * concurrent stores cost a handful of index rewrites, not 100. `exclusive` runs a task between
 * flushes, with no write in progress (used for embedder switches and compaction).
 */
export class WriteQueue<Op, R> {
  private pending: Pending<Op, R>[] = [];
  private chain: Promise<void> = Promise.resolve();
  private scheduled = false;

  constructor(
    private readonly flush: (ops: Op[]) => Promise<OpOutcome<R>[]>,
    private readonly maxBatch = 512,
  ) {}

  push(op: Op): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ op, resolve, reject });
      this.schedule();
    });
  }

  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.chain.then(task);
    this.chain = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Resolves once everything queued so far has been written (or has failed). */
  drain(): Promise<void> {
    return this.exclusive(async () => undefined);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.chain = this.chain.then(() => this.runOnce());
  }

  private async runOnce(): Promise<void> {
    // Yield once so ops pushed in the same tick as the first one join its batch.
    await new Promise<void>((r) => setImmediate(r));
    this.scheduled = false;
    const batch = this.pending.splice(0, this.maxBatch);
    if (this.pending.length > 0) this.schedule();
    if (batch.length === 0) return;
    let outcomes: OpOutcome<R>[];
    try {
      outcomes = await this.flush(batch.map((p) => p.op));
    } catch (e) {
      for (const p of batch) p.reject(e);
      return;
    }
    batch.forEach((p, i) => {
      const o = outcomes[i];
      if (o.ok) p.resolve(o.value);
      else p.reject(o.error);
    });
  }
}
