import { randomUUID } from 'node:crypto';
import type { Clock } from '../../common/Clock';
import type { ChatChunk } from '../chat/ChatChunk';
import type { Logger } from '../ports';
import { categorizeError } from '../resilience/categorizeError';
import type { MetricPlacement, MetricsCollector, TaskOutcome } from '../observability/MetricsCollector';
import type { RequestHistory, RequestSummary } from '../observability/RequestHistory';

type Done = Pick<Extract<ChatChunk, { type: 'done' }>, 'model' | 'usage' | 'cost' | 'ttftMs'>;

export interface TaskMeterOptions {
  metrics: MetricsCollector;
  history: RequestHistory;
  clock: Clock;
  logger: Logger;
  started: number;
  kind: 'chat' | 'agent';
  /** auto, local (/local) or cloud (/cloud). */
  mode: string;
  tier: string;
  /** Why the decision placed it local or cloud (HybridDecision.why), kept with the request for the dashboard. */
  reason?: string;
}

/**
 * Records one request into the metrics and the request history — its cache lookup, escalations and
 * exactly one outcome with its duration — and writes one structured log record for it (request id,
 * model, tokens, cost, duration; never the prompt). A request the consumer stopped reading ends as
 * `cancelled`.
 */
export class TaskMeter {
  readonly requestId = randomUUID().slice(0, 8);
  readonly logger: Logger;
  private ended = false;
  private cacheAnswer: 'hit' | 'miss' | undefined;
  private escalation: string | undefined;

  constructor(private readonly o: TaskMeterOptions) {
    this.logger = o.logger.child?.({ requestId: this.requestId, kind: o.kind, mode: o.mode, tier: o.tier }, 'request') ?? o.logger;
    o.history.start(this.requestId, o.tier);
  }

  cache(hit: boolean): void {
    this.cacheAnswer = hit ? 'hit' : 'miss';
    this.o.metrics.recordCache(hit);
  }

  /** @param explanation the quality gate's words, e.g. "local answer scored 0.42 < 0.70 → escalated to gpt-4o". */
  escalated(explanation?: string): void {
    this.escalation = explanation ?? 'escalated';
    this.o.metrics.recordEscalation();
  }

  end(outcome: TaskOutcome, placement: MetricPlacement, done?: Done, provider?: string): void {
    if (!done) return this.finish(outcome, placement);
    const costUsd = done.cost && 'usd' in done.cost ? done.cost.usd : undefined;
    const summary = { model: done.model, ...(provider ? { provider } : {}), tokensIn: done.usage.inputTokens, tokensOut: done.usage.outputTokens };
    const ttft = done.ttftMs !== undefined ? { ttftMs: done.ttftMs } : {};
    const log = { ...summary, costUsd: costUsd ?? 'unknown', ...ttft };
    this.finish(outcome, placement, undefined, log, { ...summary, ...ttft, ...(costUsd !== undefined ? { costUsd } : {}) });
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
    summary?: Partial<RequestSummary>,
  ): void {
    if (this.ended) return;
    this.ended = true;
    const durationMs = Math.max(0, Math.round(this.o.clock.monotonic() - this.o.started));
    const category = errorCategory ? { errorCategory } : {};
    const extra = {
      ...(this.o.reason ? { reason: this.o.reason } : {}),
      ...(this.cacheAnswer ? { cache: this.cacheAnswer } : {}),
      ...(this.escalation ? { escalation: this.escalation } : {}),
    };
    // Metrics and logs must never break an answer.
    try {
      this.o.metrics.recordTask({ outcome, placement, kind: this.o.kind, durationMs, ...category });
      this.o.history.finish({
        ...summary,
        ...extra,
        requestId: this.requestId,
        outcome,
        placement,
        kind: this.o.kind,
        tier: this.o.tier,
        durationMs,
        ...category,
      });
      const context = { outcome, placement, durationMs, ...category, ...details };
      if (outcome === 'error') this.logger.warn('request failed', context);
      else this.logger.info(`request ${outcome}`, context);
    } catch {
      /* ignored */
    }
  }
}
