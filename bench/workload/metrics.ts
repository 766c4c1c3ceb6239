/** What one request of a workload run produced, and the seed's rows computed from a run's records. */
import { percentile } from '../../test/harness/benchStats';

export interface RequestRecord {
  id: string;
  tier: string;
  /** Simulated ms from the request being sent to the answer (or error) being complete. */
  durationMs: number;
  /** Simulated ms to the first answer text, when any arrived. */
  firstTextMs?: number;
  outcome: 'answered' | 'error' | 'abandoned';
  cached: boolean;
  /** Where the shown answer was computed (false for cloud). */
  local?: boolean;
  model?: string;
  costUsd: number;
  /** A cloud call with no known price happened. */
  unknownCost: boolean;
  escalated: boolean;
  /** The shown answer is one the simulated model produced as good enough (errors never are). */
  good: boolean;
  /** The tier Jarvis's complexity analysis gave the request (from the first model's reason). */
  judgedTier?: string;
}

export interface TierBreakdown {
  tier: string;
  requests: number;
  /** How the router judged requests a human put in this tier. */
  judged: Record<string, number>;
  localShare: number;
  goodShare: number;
  meanMs: number;
  costUsd: number;
}

/** Per human-labelled tier: where requests went, how good the answers were, what they cost. */
export function byTier(records: readonly RequestRecord[], tiers: readonly string[]): TierBreakdown[] {
  return tiers.flatMap((tier) => {
    const rs = records.filter((r) => r.tier === tier);
    if (rs.length === 0) return [];
    const judged: Record<string, number> = {};
    for (const r of rs) judged[r.judgedTier ?? 'n/a'] = (judged[r.judgedTier ?? 'n/a'] ?? 0) + 1;
    const computed = rs.filter((r) => r.outcome === 'answered' && !r.cached);
    return [
      {
        tier,
        requests: rs.length,
        judged,
        localShare: computed.length === 0 ? 0 : computed.filter((r) => r.local === true).length / computed.length,
        goodShare: rs.filter((r) => r.good).length / rs.length,
        meanMs: mean(rs.map((r) => r.durationMs)),
        costUsd: rs.reduce((a, r) => a + r.costUsd, 0),
      },
    ];
  });
}

export interface RunSummary {
  requests: number;
  costUsd: number;
  /** Mean and p95 over every request, failed ones included (the user waited for those too). */
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  meanFirstTextMs: number;
  cacheHitRate: number;
  /** Requests that ended in an error or were abandoned by the user. */
  errorRate: number;
  /** Requests completed per simulated minute at the run's fixed concurrency. */
  throughputPerMin: number;
  /** Of answers computed by a model (cache hits excluded), the share computed locally. */
  localShare: number;
  escalations: number;
  /** Good answers over all requests: what the user actually got. */
  goodShare: number;
  /** Mean duration of answers computed locally / in the cloud (cache hits excluded). */
  localMeanMs?: number;
  cloudMeanMs?: number;
  unknownCostCalls: number;
}

export function mean(xs: readonly number[]): number {
  return xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** `makespanMs`: simulated time from the first request sent to the last one finished. */
export function summarizeRun(records: readonly RequestRecord[], makespanMs: number): RunSummary {
  if (records.length === 0) throw new Error('summarizeRun: no records.');
  if (!(makespanMs > 0)) throw new Error(`summarizeRun: makespan must be positive (got ${makespanMs}).`);
  const durations = records.map((r) => r.durationMs);
  const computed = records.filter((r) => r.outcome === 'answered' && !r.cached);
  const local = computed.filter((r) => r.local === true);
  const cloud = computed.filter((r) => r.local === false);
  const firsts = records.flatMap((r) => (r.firstTextMs === undefined ? [] : [r.firstTextMs]));
  const share = (n: number) => n / records.length;
  return {
    requests: records.length,
    costUsd: records.reduce((a, r) => a + r.costUsd, 0),
    meanMs: mean(durations),
    p50Ms: percentile(durations, 50),
    p95Ms: percentile(durations, 95),
    meanFirstTextMs: mean(firsts),
    cacheHitRate: share(records.filter((r) => r.cached).length),
    errorRate: share(records.filter((r) => r.outcome !== 'answered').length),
    throughputPerMin: records.length / (makespanMs / 60_000),
    localShare: computed.length === 0 ? 0 : local.length / computed.length,
    escalations: records.filter((r) => r.escalated).length,
    goodShare: share(records.filter((r) => r.good).length),
    localMeanMs: local.length > 0 ? mean(local.map((r) => r.durationMs)) : undefined,
    cloudMeanMs: cloud.length > 0 ? mean(cloud.map((r) => r.durationMs)) : undefined,
    unknownCostCalls: records.filter((r) => r.unknownCost).length,
  };
}
