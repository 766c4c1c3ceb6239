import type { Registry } from 'prom-client';
import type { ErrorOutcome } from '../resilience/ErrorCategory';
import type { ProviderId, TokenUsage } from '../llm/types';
import { createMetricSeries, type GaugeSources, type MetricSeries } from './metricSeries';

export type { GaugeSources } from './metricSeries';

/** Where an answer was computed: on this machine, in the cloud, or nowhere (failed before any model answered). */
export type MetricPlacement = 'local' | 'cloud' | 'none';

/** How one request (a task in the seed's words) ended. */
export type TaskOutcome = 'success' | 'error' | 'cancelled' | 'cached' | 'degraded';

/** One model call as the router saw it (a CallSample plus where it ran). */
export interface LlmCallRecord {
  provider: ProviderId | 'vscode';
  model: string;
  local: boolean;
  success: boolean;
  latencyMs: number;
  ttftMs?: number;
  usage?: TokenUsage;
  /** Dollars; undefined when the price is unknown (then no cost is added, never $0). */
  costUsd?: number;
}

/** One request through the routing service. */
export interface TaskRecord {
  outcome: TaskOutcome;
  placement: MetricPlacement;
  /** `chat` for @jarvis, the chat view and editor commands; `agent` for the language-model provider. */
  kind: 'chat' | 'agent';
  durationMs: number;
  /** The failure's category, when the outcome is `error`. */
  errorCategory?: ErrorOutcome;
}

/**
 * The seed's standard metrics (Phase 11.2) on prom-client, in a registry of Jarvis's own: the default
 * Node metrics are never registered (three of them fail `promtool check metrics`, and another
 * extension's registry must not see ours). Labels carry only bounded, non-secret values — provider,
 * model, placement, outcome, error category — never prompt text, file names or keys.
 *
 * The series (and prom-client itself) are created on first use — the first request, scrape or export —
 * not at activation, where they cost 4–9 ms of the extension host's start.
 */
export class MetricsCollector {
  private built: MetricSeries | undefined;

  constructor(private readonly sources?: GaugeSources) {}

  /** The collector's own prom-client registry (the gateway's series join it). */
  get registry(): Registry {
    return this.series.registry;
  }

  /** Whether the series exist yet (they are made on first use). */
  get created(): boolean {
    return this.built !== undefined;
  }

  private get series(): MetricSeries {
    return (this.built ??= createMetricSeries(this.sources));
  }

  recordCall(r: LlmCallRecord): void {
    const s = this.series;
    const model = { provider: r.provider, model: r.model };
    const outcome = r.success ? 'success' : 'error';
    s.calls.inc({ ...model, placement: r.local ? 'local' : 'cloud', outcome });
    s.duration.observe({ ...model, outcome }, r.latencyMs / 1000);
    if (r.ttftMs !== undefined) s.ttft.observe(model, r.ttftMs / 1000);
    if (r.usage) {
      if (r.usage.inputTokens > 0) s.tokens.inc({ ...model, direction: 'input' }, r.usage.inputTokens);
      if (r.usage.outputTokens > 0) s.tokens.inc({ ...model, direction: 'output' }, r.usage.outputTokens);
    }
    // inc(0) still creates the series, so a local model shows up at $0 (its price is known: free).
    if (r.costUsd !== undefined) s.cost.inc(model, r.costUsd);
  }

  recordTask(r: TaskRecord): void {
    const s = this.series;
    s.tasks.inc({ outcome: r.outcome, placement: r.placement, kind: r.kind });
    s.taskDuration.observe({ outcome: r.outcome, placement: r.placement }, r.durationMs / 1000);
    if (r.outcome === 'error') s.errors.inc({ category: r.errorCategory ?? 'fatal', kind: r.kind });
  }

  recordCache(hit: boolean): void {
    const s = this.series;
    (hit ? s.cacheHits : s.cacheMisses).inc();
  }

  recordEscalation(): void {
    this.series.escalations.inc();
  }

  /** The Prometheus text exposition format (version 0.0.4). */
  prometheus(): Promise<string> {
    return this.registry.metrics();
  }

  /** The same figures as prom-client's JSON (one object per metric with its values). */
  json(): Promise<object[]> {
    return this.registry.getMetricsAsJSON();
  }
}
