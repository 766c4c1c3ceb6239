import type { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { promClient } from './promClient';

/** Read at scrape time: the gauges show the state now, not a copy kept in sync by hand. */
export interface GaugeSources {
  localShare(): number;
  circuits(): Array<{ key: string; state: 'closed' | 'open' | 'half-open' | 'isolated' }>;
  budget(): { dayUsd: number; monthUsd: number; dailyCapUsd: number; monthlyCapUsd: number };
}

/** Seconds; spans a cached answer (a few ms) to a slow local model on a long answer (minutes). */
const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300];
const TTFT_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 60];

/** Circuit states as numbers, the usual encoding for a state gauge (documented in HELP). */
export const CIRCUIT_STATE_VALUE = { closed: 0, 'half-open': 1, open: 2, isolated: 3 } as const;

/** The collector's series, in a registry of their own. */
export interface MetricSeries {
  registry: Registry;
  tasks: Counter<'outcome' | 'placement' | 'kind'>;
  taskDuration: Histogram<'outcome' | 'placement'>;
  calls: Counter<'provider' | 'model' | 'placement' | 'outcome'>;
  tokens: Counter<'provider' | 'model' | 'direction'>;
  cost: Counter<'provider' | 'model'>;
  errors: Counter<'category' | 'kind'>;
  cacheHits: Counter;
  cacheMisses: Counter;
  escalations: Counter;
  ttft: Histogram<'provider' | 'model'>;
  duration: Histogram<'provider' | 'model' | 'outcome'>;
}

/** Creates the seed's standard series (and, with `sources`, the gauges read at each scrape). */
export function createMetricSeries(sources?: GaugeSources): MetricSeries {
  const { Counter, Histogram, Registry } = promClient();
  const registry = new Registry();
  const registers = [registry];
  const tasks = new Counter({
    name: 'tasks_total',
    help: 'Requests handled by the routing service, by outcome.',
    labelNames: ['outcome', 'placement', 'kind'],
    registers,
  });
  const taskDuration = new Histogram({
    name: 'tasks_duration_seconds',
    help: 'Time from a request reaching the routing service to its last chunk.',
    labelNames: ['outcome', 'placement'],
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const calls = new Counter({
    name: 'llm_calls_total',
    help: 'Model calls, successful or not.',
    labelNames: ['provider', 'model', 'placement', 'outcome'],
    registers,
  });
  const tokens = new Counter({
    name: 'llm_tokens_total',
    help: 'Tokens consumed, input and output.',
    labelNames: ['provider', 'model', 'direction'],
    registers,
  });
  const cost = new Counter({
    name: 'llm_cost_dollars_total',
    help: 'Cost of model calls in US dollars (calls with an unknown price add nothing).',
    labelNames: ['provider', 'model'],
    registers,
  });
  const errors = new Counter({ name: 'errors_total', help: 'Failed requests by error category.', labelNames: ['category', 'kind'], registers });
  const cacheHits = new Counter({ name: 'cache_hits_total', help: 'Requests answered from the response cache.', registers });
  const cacheMisses = new Counter({ name: 'cache_misses_total', help: 'Cacheable requests the response cache could not answer.', registers });
  const escalations = new Counter({ name: 'llm_escalations_total', help: 'Local answers replaced by a cloud answer after the quality check.', registers });
  const ttft = new Histogram({
    name: 'llm_time_to_first_token_seconds',
    help: 'Time from sending a model call to its first text.',
    labelNames: ['provider', 'model'],
    buckets: TTFT_BUCKETS,
    registers,
  });
  const duration = new Histogram({
    name: 'llm_request_duration_seconds',
    help: 'Duration of one model call, to its last token or failure.',
    labelNames: ['provider', 'model', 'outcome'],
    buckets: LATENCY_BUCKETS,
    registers,
  });

  if (sources) registerGauges(registry, sources);
  return { registry, tasks, taskDuration, calls, tokens, cost, errors, cacheHits, cacheMisses, escalations, ttft, duration };
}

function registerGauges(registry: Registry, sources: GaugeSources): void {
  const { Gauge } = promClient();
  const registers = [registry];
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
