import { systemClock, type Clock } from '../../../common/Clock';
import { JarvisError } from '../../../common/errors';
import { isKnownCost, type Cost } from '../../llm/pricing/PricingTable';
import type { ProviderId, TokenUsage } from '../../llm/types';
import { LatencyRing } from './LatencyRing';

/** One model call, successful or not. */
export interface CallSample {
  provider: ProviderId;
  model: string;
  success: boolean;
  latencyMs: number;
  /** Time to first text; absent when no text came. */
  ttftMs?: number;
  usage?: TokenUsage;
  cost?: Cost;
}

export interface Percentiles {
  p50?: number;
  p95?: number;
  p99?: number;
  /** How many samples the percentiles are computed from (at most the ring size). */
  samples: number;
}

export interface ModelStats {
  provider: ProviderId;
  model: string;
  requests: number;
  successes: number;
  failures: number;
  successRate: number;
  ttftMs: Percentiles;
  latencyMs: Percentiles;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  /** Calls whose price was unknown: their cost is NOT in costUsd. */
  unknownCostCalls: number;
  /** Requests in the last 60 s by the clock. */
  requestsPerMinute: number;
}

export interface CostBreakdown {
  totalUsd: number;
  unknownCostCalls: number;
  byModel: Record<string, { usd: number; unknownCostCalls: number; requests: number }>;
  byProvider: Record<string, { usd: number; unknownCostCalls: number; requests: number }>;
}

export interface PerformanceTrackerOptions {
  clock?: Clock;
  /** Latency samples kept per model. @default 1000 */
  ringSize?: number;
  /** Models tracked at once; the least recently used is dropped beyond it. @default 100 */
  maxModels?: number;
}

interface Entry {
  provider: ProviderId;
  model: string;
  requests: number;
  successes: number;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  unknownCostCalls: number;
  latency: LatencyRing;
  ttft: LatencyRing;
  /** Epoch seconds of the last 60 one-second buckets, with their request counts. */
  bucketSec: number[];
  bucketCount: number[];
}

/** Persisted form; version it so a future shape can migrate old state. */
export interface TrackerState {
  version: 1;
  models: Array<Omit<Entry, 'latency' | 'ttft'> & { latency: number[]; ttft: number[] }>;
}

const WINDOW_SEC = 60;

/** Per-model latency, tokens, cost and success rate, with bounded memory and JSON/CSV export. */
export class PerformanceTracker {
  private readonly clock: Clock;
  private readonly ringSize: number;
  private readonly maxModels: number;
  // Map order doubles as recency order: a recorded model is moved to the end.
  private readonly entries = new Map<string, Entry>();

  constructor(options: PerformanceTrackerOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.ringSize = checkInt(options.ringSize, 1000, 'ringSize', 10, 1_000_000);
    this.maxModels = checkInt(options.maxModels, 100, 'maxModels', 1, 10_000);
  }

  record(sample: CallSample): void {
    checkSample(sample);
    const key = `${sample.provider}:${sample.model}`;
    const e = this.entry(key, sample.provider, sample.model);
    e.requests++;
    if (sample.success) e.successes++;
    e.latency.push(sample.latencyMs);
    if (sample.ttftMs !== undefined) e.ttft.push(sample.ttftMs);
    e.tokensIn += sample.usage?.inputTokens ?? 0;
    e.tokensOut += sample.usage?.outputTokens ?? 0;
    if (sample.cost) {
      if (isKnownCost(sample.cost)) e.costUsd += sample.cost.usd;
      else e.unknownCostCalls++;
    }
    const sec = Math.floor(this.clock.now() / 1000);
    const slot = sec % WINDOW_SEC;
    if (e.bucketSec[slot] !== sec) {
      e.bucketSec[slot] = sec;
      e.bucketCount[slot] = 0;
    }
    e.bucketCount[slot]++;
  }

  statsFor(provider: ProviderId, model: string): ModelStats | undefined {
    const e = this.entries.get(`${provider}:${model}`);
    return e && this.stats(e);
  }

  allStats(): ModelStats[] {
    return [...this.entries.values()].map((e) => this.stats(e));
  }

  costBreakdown(): CostBreakdown {
    const out: CostBreakdown = { totalUsd: 0, unknownCostCalls: 0, byModel: {}, byProvider: {} };
    for (const [key, e] of this.entries) {
      out.totalUsd += e.costUsd;
      out.unknownCostCalls += e.unknownCostCalls;
      out.byModel[key] = { usd: e.costUsd, unknownCostCalls: e.unknownCostCalls, requests: e.requests };
      const p = (out.byProvider[e.provider] ??= { usd: 0, unknownCostCalls: 0, requests: 0 });
      p.usd += e.costUsd;
      p.unknownCostCalls += e.unknownCostCalls;
      p.requests += e.requests;
    }
    return out;
  }

  exportJSON(): string {
    return JSON.stringify({ models: this.allStats(), costs: this.costBreakdown() }, null, 2);
  }

  exportCSV(): string {
    const header = [
      'provider',
      'model',
      'requests',
      'successes',
      'failures',
      'success_rate',
      'ttft_p50_ms',
      'ttft_p95_ms',
      'ttft_p99_ms',
      'latency_p50_ms',
      'latency_p95_ms',
      'latency_p99_ms',
      'tokens_in',
      'tokens_out',
      'cost_usd',
      'unknown_cost_calls',
      'requests_per_minute',
    ];
    const rows = this.allStats().map((s) => [
      s.provider,
      s.model,
      s.requests,
      s.successes,
      s.failures,
      s.successRate,
      s.ttftMs.p50,
      s.ttftMs.p95,
      s.ttftMs.p99,
      s.latencyMs.p50,
      s.latencyMs.p95,
      s.latencyMs.p99,
      s.tokensIn,
      s.tokensOut,
      s.costUsd,
      s.unknownCostCalls,
      s.requestsPerMinute,
    ]);
    return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
  }

  toJSON(): TrackerState {
    return {
      version: 1,
      models: [...this.entries.values()].map((e) => ({
        ...e,
        latency: e.latency.toArray(),
        ttft: e.ttft.toArray(),
        bucketSec: [...e.bucketSec],
        bucketCount: [...e.bucketCount],
      })),
    };
  }

  /** Restores persisted state; malformed state is refused with a clear error rather than half-loaded. */
  static fromJSON(state: unknown, options: PerformanceTrackerOptions = {}): PerformanceTracker {
    const t = new PerformanceTracker(options);
    const s = state as Partial<TrackerState> | null;
    if (s === null || typeof s !== 'object' || s.version !== 1 || !Array.isArray(s.models)) {
      throw new JarvisError(
        'invalid-input',
        'Saved performance statistics are not in a format this version understands (expected version 1); they were not loaded.',
      );
    }
    for (const m of s.models) {
      const nums = [m?.requests, m?.successes, m?.tokensIn, m?.tokensOut, m?.costUsd, m?.unknownCostCalls];
      if (
        typeof m?.model !== 'string' ||
        typeof m.provider !== 'string' ||
        nums.some((n) => typeof n !== 'number' || !(n >= 0)) ||
        !isNumArray(m.latency) ||
        !isNumArray(m.ttft) ||
        !isNumArray(m.bucketSec) ||
        !isNumArray(m.bucketCount)
      ) {
        throw new JarvisError('invalid-input', `Saved performance statistics for ${JSON.stringify(m?.model)} are malformed; they were not loaded.`);
      }
      const e = t.entry(`${m.provider}:${m.model}`, m.provider, m.model);
      Object.assign(e, {
        requests: m.requests,
        successes: m.successes,
        tokensIn: m.tokensIn,
        tokensOut: m.tokensOut,
        costUsd: m.costUsd,
        unknownCostCalls: m.unknownCostCalls,
      });
      // The ring may be smaller now than when saved: keep the most recent samples.
      for (const v of m.latency.slice(-t.ringSize)) e.latency.push(v);
      for (const v of m.ttft.slice(-t.ringSize)) e.ttft.push(v);
      if (m.bucketSec.length === WINDOW_SEC && m.bucketCount.length === WINDOW_SEC) {
        e.bucketSec = [...m.bucketSec];
        e.bucketCount = [...m.bucketCount];
      }
    }
    return t;
  }

  private entry(key: string, provider: ProviderId, model: string): Entry {
    let e = this.entries.get(key);
    if (e) {
      this.entries.delete(key);
    } else {
      e = {
        provider,
        model,
        requests: 0,
        successes: 0,
        tokensIn: 0,
        tokensOut: 0,
        costUsd: 0,
        unknownCostCalls: 0,
        latency: new LatencyRing(this.ringSize),
        ttft: new LatencyRing(this.ringSize),
        bucketSec: new Array(WINDOW_SEC).fill(-1),
        bucketCount: new Array(WINDOW_SEC).fill(0),
      };
      if (this.entries.size >= this.maxModels) this.entries.delete(this.entries.keys().next().value as string);
    }
    this.entries.set(key, e);
    return e;
  }

  private stats(e: Entry): ModelStats {
    const nowSec = Math.floor(this.clock.now() / 1000);
    let rpm = 0;
    for (let i = 0; i < WINDOW_SEC; i++) if (e.bucketSec[i] > nowSec - WINDOW_SEC && e.bucketSec[i] <= nowSec) rpm += e.bucketCount[i];
    const pct = (r: LatencyRing): Percentiles => ({ p50: r.percentile(50), p95: r.percentile(95), p99: r.percentile(99), samples: r.size });
    return {
      provider: e.provider,
      model: e.model,
      requests: e.requests,
      successes: e.successes,
      failures: e.requests - e.successes,
      successRate: e.requests === 0 ? 0 : e.successes / e.requests,
      ttftMs: pct(e.ttft),
      latencyMs: pct(e.latency),
      tokensIn: e.tokensIn,
      tokensOut: e.tokensOut,
      costUsd: e.costUsd,
      unknownCostCalls: e.unknownCostCalls,
      requestsPerMinute: rpm,
    };
  }
}

function checkInt(v: number | undefined, def: number, name: string, min: number, max: number): number {
  if (v === undefined) return def;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new JarvisError('invalid-input', `${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(v)}).`);
  }
  return v;
}

function checkSample(s: CallSample): void {
  const ms = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
  if (!s || typeof s.model !== 'string' || s.model === '' || typeof s.provider !== 'string') {
    throw new JarvisError('invalid-input', 'A call sample needs a provider and a model name.');
  }
  if (typeof s.success !== 'boolean') throw new JarvisError('invalid-input', 'A call sample needs success: true or false.');
  if (!ms(s.latencyMs) || (s.ttftMs !== undefined && !ms(s.ttftMs))) {
    throw new JarvisError('invalid-input', `Latencies must be non-negative milliseconds (got latencyMs=${s.latencyMs}, ttftMs=${s.ttftMs}).`);
  }
}

function isNumArray(v: unknown): v is number[] {
  return Array.isArray(v) && v.every((n) => typeof n === 'number' && Number.isFinite(n));
}

function csvField(v: unknown): string {
  if (v === undefined) return '';
  let s = String(v);
  // A cell starting with = + - @ is a formula in spreadsheet apps: neutralise it (CSV injection).
  if (typeof v === 'string' && /^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
