import type { Clock } from '../../common/Clock';
import { categorizeError } from '../resilience/categorizeError';
import type { MetricPlacement, MetricsCollector, TaskOutcome } from '../observability/MetricsCollector';

/**
 * Records one request into the metrics: its cache lookup, escalations, and exactly one outcome with
 * its duration. A request the consumer stopped reading (the user pressed Stop) ends as `cancelled`.
 */
export class TaskMeter {
  private ended = false;

  constructor(
    private readonly metrics: MetricsCollector,
    private readonly clock: Clock,
    private readonly started: number,
    private readonly kind: 'chat' | 'agent',
  ) {}

  cache(hit: boolean): void {
    this.metrics.recordCache(hit);
  }

  escalated(): void {
    this.metrics.recordEscalation();
  }

  end(outcome: TaskOutcome, placement: MetricPlacement): void {
    this.finish(outcome, placement);
  }

  failed(error: unknown, cancelled: boolean): void {
    const category = categorizeError(error);
    if (cancelled || category === 'cancelled') this.finish('cancelled', 'none');
    else this.finish('error', 'none', category);
  }

  private finish(outcome: TaskOutcome, placement: MetricPlacement, errorCategory?: ReturnType<typeof categorizeError>): void {
    if (this.ended) return;
    this.ended = true;
    const durationMs = Math.max(0, this.clock.monotonic() - this.started);
    // Metrics must never break an answer.
    try {
      this.metrics.recordTask({ outcome, placement, kind: this.kind, durationMs, ...(errorCategory ? { errorCategory } : {}) });
    } catch {
      /* ignored */
    }
  }
}
