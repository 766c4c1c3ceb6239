import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ErrorOutcome } from '../resilience/ErrorCategory';
import type { ProviderId, TokenUsage } from '../llm/types';

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

/** Read at scrape time: the gauges show the state now, not a copy kept in sync by hand. */
export interface GaugeSources {
  localShare(): number;
  circuits(): Array<{ key: string; state: 'closed' | 'open' | 'half-open' | 'isolated' }>;
  budget(): { dayUsd: number; monthUsd: number; dailyCapUsd: number; monthlyCapUsd: number };
}

/** Circuit states as numbers, the usual encoding for a state gauge (documented in HELP). */
export const CIRCUIT_STATE_VALUE = { closed: 0, 'half-open': 1, open: 2, isolated: 3 } as const;

/** Seconds; spans a cached answer (a few ms) to a slow local model on a long answer (minutes). */
const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300];
const TTFT_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 60];

/**
 * The seed's standard metrics (Phase 11.2) on prom-client, in a registry of Jarvis's own: the default
 * Node metrics are never registered (three of them fail `promtool check metrics`, and another
 * extension's registry must not see ours). Labels carry only bounded, non-secret values — provider,
 * model, placement, outcome, error category — never prompt text, file names or keys.
 */
export class MetricsCollector {
  readonly registry = new Registry();
  private readonly tasks: Counter<'outcome' | 'placement' | 'kind'>;
  private readonly taskDuration: Histogram<'outcome' | 'placement'>;
  private readonly calls: Counter<'provider' | 'model' | 'placement' | 'outcome'>;
  private readonly tokens: Counter<'provider' | 'model' | 'direction'>;
  private readonly cost: Counter<'provider' | 'model'>;
  private readonly errors: Counter<'category' | 'kind'>;
  private readonly cacheHits: Counter;
  private readonly cacheMisses: Counter;
  private readonly escalations: Counter;
  private readonly ttft: Histogram<'provider' | 'model'>;
  private readonly duration: Histogram<'provider' | 'model' | 'outcome'>;

  constructor(sources?: GaugeSources) {
    const registers = [this.registry];
    this.tasks = new Counter({
      name: 'tasks_total',
      help: 'Requests handled by the routing service, by outcome.',
      labelNames: ['outcome', 'placement', 'kind'],
      registers,
    });
    this.taskDuration = new Histogram({
      name: 'tasks_duration_seconds',
      help: 'Time from a request reaching the routing service to its last chunk.',
      labelNames: ['outcome', 'placement'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.calls = new Counter({
      name: 'llm_calls_total',
      help: 'Model calls, successful or not.',
      labelNames: ['provider', 'model', 'placement', 'outcome'],
      registers,
    });
    this.tokens = new Counter({
      name: 'llm_tokens_total',
      help: 'Tokens consumed, input and output.',
      labelNames: ['provider', 'model', 'direction'],
      registers,
    });
    this.cost = new Counter({
      name: 'llm_cost_dollars_total',
      help: 'Cost of model calls in US dollars (calls with an unknown price add nothing).',
      labelNames: ['provider', 'model'],
      registers,
    });
    this.errors = new Counter({ name: 'errors_total', help: 'Failed requests by error category.', labelNames: ['category', 'kind'], registers });
    this.cacheHits = new Counter({ name: 'cache_hits_total', help: 'Requests answered from the response cache.', registers });
    this.cacheMisses = new Counter({ name: 'cache_misses_total', help: 'Cacheable requests the response cache could not answer.', registers });
    this.escalations = new Counter({ name: 'llm_escalations_total', help: 'Local answers replaced by a cloud answer after the quality check.', registers });
    this.ttft = new Histogram({
      name: 'llm_time_to_first_token_seconds',
      help: 'Time from sending a model call to its first text.',
      labelNames: ['provider', 'model'],
      buckets: TTFT_BUCKETS,
      registers,
    });
    this.duration = new Histogram({
      name: 'llm_request_duration_seconds',
      help: 'Duration of one model call, to its last token or failure.',
      labelNames: ['provider', 'model', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    if (sources) this.registerGauges(sources);
  }

  recordCall(r: LlmCallRecord): void {
    const model = { provider: r.provider, model: r.model };
    const outcome = r.success ? 'success' : 'error';
    this.calls.inc({ ...model, placement: r.local ? 'local' : 'cloud', outcome });
    this.duration.observe({ ...model, outcome }, r.latencyMs / 1000);
    if (r.ttftMs !== undefined) this.ttft.observe(model, r.ttftMs / 1000);
    if (r.usage) {
      if (r.usage.inputTokens > 0) this.tokens.inc({ ...model, direction: 'input' }, r.usage.inputTokens);
      if (r.usage.outputTokens > 0) this.tokens.inc({ ...model, direction: 'output' }, r.usage.outputTokens);
    }
    // inc(0) still creates the series, so a local model shows up at $0 (its price is known: free).
    if (r.costUsd !== undefined) this.cost.inc(model, r.costUsd);
  }

  recordTask(r: TaskRecord): void {
    this.tasks.inc({ outcome: r.outcome, placement: r.placement, kind: r.kind });
    this.taskDuration.observe({ outcome: r.outcome, placement: r.placement }, r.durationMs / 1000);
    if (r.outcome === 'error') this.errors.inc({ category: r.errorCategory ?? 'fatal', kind: r.kind });
  }

  recordCache(hit: boolean): void {
    (hit ? this.cacheHits : this.cacheMisses).inc();
  }

  recordEscalation(): void {
    this.escalations.inc();
  }

  /** The Prometheus text exposition format (version 0.0.4). */
  prometheus(): Promise<string> {
    return this.registry.metrics();
  }

  /** The same figures as prom-client's JSON (one object per metric with its values). */
  json(): Promise<object[]> {
    return this.registry.getMetricsAsJSON();
  }

  private registerGauges(sources: GaugeSources): void {
    const registers = [this.registry];
    // collect() runs at each scrape; a throwing source must not break the exposition.
    const safely = (read: () => void) =>
      function collect() {
        try {
          read();
        } catch {
          /* the gauge keeps its last value */
        }
      };
    const share: Gauge = new Gauge({
      name: 'routing_local_share_ratio',
      help: 'Share of recent automatically routed answers computed locally (0..1), the figure held near jarvis.routing.localRatio.',
      registers,
      collect: safely(() => share.set(sources.localShare())),
    });
    const circuits: Gauge<'breaker'> = new Gauge({
      name: 'circuit_breaker_state',
      help: 'Circuit breaker state per provider or model: 0 closed, 1 half-open, 2 open, 3 isolated.',
      labelNames: ['breaker'],
      registers,
      collect: safely(() => {
        circuits.reset();
        for (const c of sources.circuits()) circuits.set({ breaker: c.key }, CIRCUIT_STATE_VALUE[c.state]);
      }),
    });
    const used: Gauge<'period'> = new Gauge({
      name: 'budget_used_dollars',
      help: 'Cloud spend in US dollars in the current budget period.',
      labelNames: ['period'],
      registers,
      collect: safely(() => {
        const b = sources.budget();
        used.set({ period: 'day' }, b.dayUsd);
        used.set({ period: 'month' }, b.monthUsd);
      }),
    });
    const limit: Gauge<'period'> = new Gauge({
      name: 'budget_limit_dollars',
      help: 'Cloud budget cap in US dollars per period (0: no cap).',
      labelNames: ['period'],
      registers,
      collect: safely(() => {
        const b = sources.budget();
        limit.set({ period: 'day' }, b.dailyCapUsd);
        limit.set({ period: 'month' }, b.monthlyCapUsd);
      }),
    });
  }
}
