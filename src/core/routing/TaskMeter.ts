import { randomUUID } from 'node:crypto';
import type { Clock } from '../../common/Clock';
import type { ChatChunk } from '../chat/ChatChunk';
import type { Logger } from '../ports';
import { categorizeError } from '../resilience/categorizeError';
import type { MetricPlacement, MetricsCollector, TaskOutcome } from '../observability/MetricsCollector';

type Done = Extract<ChatChunk, { type: 'done' }>;

export interface TaskMeterOptions {
  metrics: MetricsCollector;
  clock: Clock;
  logger: Logger;
  started: number;
  kind: 'chat' | 'agent';
  /** auto, local (/local) or cloud (/cloud). */
  mode: string;
  tier: string;
}

/**
 * Records one request into the metrics — its cache lookup, escalations and exactly one outcome with
 * its duration — and writes one structured log record for it (request id, model, tokens, cost,
 * duration; never the prompt). A request the consumer stopped reading ends as `cancelled`.
 */
export class TaskMeter {
  readonly requestId = randomUUID().slice(0, 8);
  readonly logger: Logger;
  private ended = false;

  constructor(private readonly o: TaskMeterOptions) {
    this.logger = o.logger.child?.({ requestId: this.requestId, kind: o.kind, mode: o.mode, tier: o.tier }, 'request') ?? o.logger;
  }

  cache(hit: boolean): void {
    this.o.metrics.recordCache(hit);
  }

  escalated(): void {
    this.o.metrics.recordEscalation();
  }

  end(outcome: TaskOutcome, placement: MetricPlacement, done?: Done, provider?: string): void {
    this.finish(
      outcome,
      placement,
      undefined,
      done && {
        model: done.model,
        ...(provider ? { provider } : {}),
        tokensIn: done.usage.inputTokens,
        tokensOut: done.usage.outputTokens,
        costUsd: done.cost && 'usd' in done.cost ? done.cost.usd : 'unknown',
        ...(done.ttftMs !== undefined ? { ttftMs: done.ttftMs } : {}),
      },
    );
  }

  failed(error: unknown, cancelled: boolean): void {
    const category = categorizeError(error);
    if (cancelled || category === 'cancelled') this.finish('cancelled', 'none');
    else this.finish('error', 'none', category, { error });
  }

  private finish(
    outcome: TaskOutcome,
    placement: MetricPlacement,
    errorCategory?: ReturnType<typeof categorizeError>,
    details?: Record<string, unknown>,
  ): void {
    if (this.ended) return;
    this.ended = true;
    const durationMs = Math.max(0, Math.round(this.o.clock.monotonic() - this.o.started));
    // Metrics and logs must never break an answer.
    try {
      this.o.metrics.recordTask({ outcome, placement, kind: this.o.kind, durationMs, ...(errorCategory ? { errorCategory } : {}) });
      const context = { outcome, placement, durationMs, ...(errorCategory ? { errorCategory } : {}), ...details };
      if (outcome === 'error') this.logger.warn('request failed', context);
      else this.logger.info(`request ${outcome}`, context);
    } catch {
      /* ignored */
    }
  }
}
