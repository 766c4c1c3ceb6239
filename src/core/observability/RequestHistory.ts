import type { Clock } from '../../common/Clock';
import { Emitter, type Event } from '../../common/Emitter';
import type { MetricPlacement, TaskOutcome } from './MetricsCollector';

/** One finished request, as the dashboard's "last requests", the alert rules and the status bar read it. */
export interface RequestSummary {
  requestId: string;
  /** Epoch ms when it finished. */
  at: number;
  outcome: TaskOutcome;
  placement: MetricPlacement;
  kind: 'chat' | 'agent';
  tier: string;
  durationMs: number;
  model?: string;
  provider?: string;
  tokensIn?: number;
  tokensOut?: number;
  /** Undefined: unknown price (or no model answered). */
  costUsd?: number;
  errorCategory?: string;
  /** Why the router chose local or cloud (the decision's reason). */
  reason?: string;
  /** Time to first token of the answer that was kept. */
  ttftMs?: number;
  /** The response cache's answer to this request; absent when it was not asked (agents). */
  cache?: 'hit' | 'miss';
  /** Set when a local answer was replaced by a cloud one: the quality gate's explanation. */
  escalation?: string;
}

export interface InFlight {
  requestId: string;
  tier: string;
  /** Epoch ms. */
  startedAt: number;
}

/**
 * The recent requests (a bounded ring, newest last) and the ones still running. Kept in memory only;
 * the persisted per-model statistics stay in the PerformanceTracker.
 */
export class RequestHistory {
  private readonly ring: RequestSummary[] = [];
  private readonly running = new Map<string, InFlight>();
  private readonly finished = new Emitter<RequestSummary>();
  /** Fires once per finished request, after it is in the ring (the dashboard's usage ledger and live updates). */
  readonly onDidFinish: Event<RequestSummary> = this.finished.event;

  /**
   * @param capacity requests kept. The status bar reads them all after every recorded call, so it stays
   * small; totals that must cover more (this month) come from the dashboard's UsageLedger. @default 1000
   */
  constructor(
    private readonly clock: Clock,
    private readonly capacity = 1000,
  ) {}

  start(requestId: string, tier: string): void {
    this.running.set(requestId, { requestId, tier, startedAt: this.clock.now() });
  }

  finish(summary: Omit<RequestSummary, 'at'>): void {
    this.running.delete(summary.requestId);
    const done = { ...summary, at: this.clock.now() };
    this.ring.push(done);
    // Trimmed in batches: one splice per capacity/8 requests instead of shifting the array every time.
    if (this.ring.length > this.capacity + (this.capacity >> 3)) this.ring.splice(0, this.ring.length - this.capacity);
    this.finished.fire(done);
  }

  /** Newest last. */
  recent(limit = this.capacity): RequestSummary[] {
    return this.ring.slice(-limit);
  }

  /** Finished in the last `ms` by the clock. */
  since(ms: number): RequestSummary[] {
    const from = this.clock.now() - ms;
    return this.recent().filter((r) => r.at >= from);
  }

  inFlight(): InFlight[] {
    return [...this.running.values()];
  }
}
