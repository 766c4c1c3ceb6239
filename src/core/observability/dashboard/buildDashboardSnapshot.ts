import { PRICES_TAKEN_ON } from '../../llm/pricing/defaultPrices';
import { describePriceSource } from '../../llm/pricing/describePriceSource';
import type { PricingTable } from '../../llm/pricing/PricingTable';
import { computeSavings, SAVINGS_METHOD } from '../computeSavings';
import type { RequestSummary } from '../RequestHistory';
import type {
  DashboardCloudModels,
  DashboardLatency,
  DashboardPrice,
  DashboardRequest,
  DashboardSavings,
  DashboardShare,
  DashboardSnapshot,
} from './DashboardSnapshot';
import { dayKey, type UsageDay, type UsageEntry } from './UsageLedger';
import { cloudCostByModel, daysOfMonth } from './usageTotals';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** What the snapshot is computed from: all read by the caller at one moment, nothing read here. */
export interface DashboardInputs {
  /** Epoch ms (the injected clock's now). */
  now: number;
  /** Minutes east of UTC for "today" and "this month" (the budget's day boundaries). */
  timezoneOffsetMinutes: number;
  /** The window's request history, oldest first. */
  requests: readonly RequestSummary[];
  /** The persisted usage ledger, oldest first. */
  usage: readonly UsageDay[];
  spend: { todayUsd: number; monthUsd: number; dailyBudgetUsd: number; monthlyBudgetUsd: number; unknownCostCalls: number; localShare: number };
  circuits: ReadonlyArray<{ key: string; state: 'closed' | 'open' | 'half-open' | 'isolated' }>;
  alerts: ReadonlyArray<{ id: string; rule: string; severity: 'info' | 'warning' | 'critical'; message: string; firedAt: number; acknowledged: boolean }>;
  pricing: PricingTable;
  /** jarvis.pricing.overrides (which models are priced from settings). */
  priceOverrides: Readonly<Record<string, unknown>>;
  /** The cloud model savings are measured against (referenceCloudModel), if any. */
  referenceModel?: string;
  /** jarvis.routing.localRatio. */
  localRatioTarget: number;
  /** Rows in "last requests". @default 50 */
  recentLimit?: number;
  /** The providers' model lists and the configured models they no longer name. */
  cloudModels?: DashboardCloudModels;
}

/**
 * The dashboard's figures, as a pure function of the recorded history, the usage ledger and the
 * service's current state: no clock, no I/O, so a test gives it a known history and a fixed `now`.
 * A few passes over the history (counts, hours, latency per model); `npm run bench dashboard` measures
 * it at 10,000 recorded requests.
 */
export function buildDashboardSnapshot(i: DashboardInputs): DashboardSnapshot {
  const today = dayKey(i.now, i.timezoneOffsetMinutes);
  const monthDays = daysOfMonth(i.usage, i.now, i.timezoneOffsetMinutes);
  const requests = i.requests;
  // One pass for the counts (this runs on every live update, over up to the whole history).
  let finished = 0;
  let errors = 0;
  let hits = 0;
  let misses = 0;
  const byCategory = new Map<string, number>();
  const escalated: RequestSummary[] = [];
  for (const r of requests) {
    if (r.outcome !== 'cancelled') finished++;
    if (r.outcome === 'error') {
      errors++;
      const c = r.errorCategory ?? 'fatal';
      byCategory.set(c, (byCategory.get(c) ?? 0) + 1);
    }
    if (r.cache === 'hit') hits++;
    else if (r.cache === 'miss') misses++;
    if (r.escalation !== undefined) escalated.push(r);
  }
  const recentLimit = i.recentLimit ?? 50;
  return {
    version: 1,
    generatedAt: i.now,
    empty: requests.length === 0 && i.usage.length === 0,
    requestsInHistory: requests.length,
    cost: {
      todayUsd: i.spend.todayUsd,
      monthUsd: i.spend.monthUsd,
      today: cloudCostByModel(i.usage.filter((d) => d.day === today)),
      month: cloudCostByModel(monthDays),
      unknownCostCalls: i.spend.unknownCostCalls,
    },
    ...savingsOf(i, monthDays),
    share: shareOf(i),
    escalations: {
      count: escalated.length,
      recent: escalated
        .slice(-10)
        .reverse()
        .map((r) => ({ at: r.at, requestId: r.requestId, ...(r.model ? { model: r.model } : {}), why: r.escalation as string })),
    },
    latency: latencyByModel(requests),
    cache: { hits, misses, ...(hits + misses > 0 ? { hitRate: hits / (hits + misses) } : {}) },
    errors: {
      total: errors,
      ...(finished > 0 ? { rate: errors / finished } : {}),
      byCategory: [...byCategory].map(([category, count]) => ({ category, count })).sort((a, b) => b.count - a.count || cmp(a.category, b.category)),
    },
    circuits: i.circuits.map((c) => ({ key: c.key, state: c.state })),
    budget: {
      ...(i.spend.dailyBudgetUsd > 0 ? { daily: budget(i.spend.dailyBudgetUsd, i.spend.todayUsd) } : {}),
      ...(i.spend.monthlyBudgetUsd > 0 ? { monthly: budget(i.spend.monthlyBudgetUsd, i.spend.monthUsd) } : {}),
    },
    alerts: i.alerts.filter((a) => !a.acknowledged).map((a) => ({ id: a.id, rule: a.rule, severity: a.severity, message: a.message, firedAt: a.firedAt })),
    recent: requests.slice(-recentLimit).reverse().map(toRow),
    pricing: pricingOf(i, monthDays),
    ...(i.cloudModels ? { cloudModels: { lists: [...i.cloudModels.lists], unlisted: [...i.cloudModels.unlisted] } } : {}),
  };
}

function budget(capUsd: number, spentUsd: number) {
  return { capUsd, spentUsd, leftUsd: Math.max(0, capUsd - spentUsd) };
}

/** This month's savings from the ledger (computeSavings), with the method the page prints. */
function savingsOf(i: DashboardInputs, monthDays: readonly UsageDay[]): { savings?: DashboardSavings } {
  const savings = i.referenceModel ? computeSavings(monthDays, i.pricing, i.referenceModel) : undefined;
  return savings ? { savings: { ...savings, method: SAVINGS_METHOD } } : {};
}

function shareOf(i: DashboardInputs): DashboardShare {
  // Hour buckets end at the current hour; `at` is each bucket's start.
  const lastStart = Math.floor(i.now / HOUR_MS) * HOUR_MS;
  const firstStart = lastStart - 23 * HOUR_MS;
  const hourly = Array.from({ length: 24 }, (_, k) => ({ at: firstStart + k * HOUR_MS, local: 0, cloud: 0 }) as DashboardShare['hourly'][number]);
  for (const r of i.requests) {
    if (r.at < firstStart || r.at >= lastStart + HOUR_MS || !isAnswer(r) || r.placement === 'none') continue;
    hourly[Math.floor((r.at - firstStart) / HOUR_MS)][r.placement]++;
  }
  for (const h of hourly) if (h.local + h.cloud > 0) h.share = h.local / (h.local + h.cloud);
  const from = dayKey(i.now - 29 * DAY_MS, i.timezoneOffsetMinutes);
  const daily = i.usage
    .filter((d) => d.day >= from)
    .map((d) => {
      const sum = (p: UsageEntry['placement']) => d.entries.filter((e) => e.placement === p).reduce((n, e) => n + e.answers, 0);
      const local = sum('local');
      const cloud = sum('cloud');
      const cloudUsd = d.entries.filter((e) => e.placement === 'cloud').reduce((n, e) => n + e.usd, 0);
      return { day: d.day, local, cloud, share: local + cloud > 0 ? local / (local + cloud) : 0, cloudUsd };
    })
    .filter((d) => d.local + d.cloud > 0);
  return { target: i.localRatioTarget, current: i.spend.localShare, hourly, daily };
}

function latencyByModel(requests: readonly RequestSummary[]): DashboardLatency[] {
  const groups = new Map<string, { model: string; placement: 'local' | 'cloud'; durations: number[]; ttfts: number[] }>();
  for (const r of requests) {
    // Cached answers take milliseconds whatever the model: they would hide its real latency.
    if (r.outcome !== 'success' || !r.model || r.placement === 'none') continue;
    const key = `${r.placement}\u0000${r.model}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { model: r.model, placement: r.placement, durations: [], ttfts: [] }));
    g.durations.push(r.durationMs);
    if (r.ttftMs !== undefined) g.ttfts.push(r.ttftMs);
  }
  return [...groups.values()]
    .map((g) => {
      const d = sorted(g.durations);
      const t = sorted(g.ttfts);
      return {
        model: g.model,
        placement: g.placement,
        requests: d.length,
        p50Ms: percentile(d, 0.5),
        p95Ms: percentile(d, 0.95),
        p99Ms: percentile(d, 0.99),
        ...(t.length ? { ttftP50Ms: percentile(t, 0.5), ttftP95Ms: percentile(t, 0.95) } : {}),
      };
    })
    .sort((a, b) => b.requests - a.requests || cmp(a.model, b.model));
}

/** Nearest-rank percentile of an ascending list (the value at rank ⌈q·n⌉), so every figure is a latency that happened. */
export function percentile(ascending: readonly number[], q: number): number {
  if (ascending.length === 0) return 0;
  const rank = Math.ceil(q * ascending.length);
  return ascending[Math.min(ascending.length, Math.max(1, rank)) - 1];
}

function toRow(r: RequestSummary): DashboardRequest {
  const opt = <K extends keyof RequestSummary>(k: K) => (r[k] !== undefined ? { [k]: r[k] } : {});
  return {
    requestId: r.requestId,
    at: r.at,
    placement: r.placement,
    tier: r.tier,
    outcome: r.outcome,
    durationMs: r.durationMs,
    ...opt('model'),
    ...opt('reason'),
    ...opt('tokensIn'),
    ...opt('tokensOut'),
    ...opt('costUsd'),
    ...opt('ttftMs'),
    ...opt('cache'),
    ...opt('escalation'),
    ...opt('errorCategory'),
    // RequestPrivacy.recordCloudAnswer writes one egress record per cloud answer, keyed by this id.
    audited: r.placement === 'cloud' && r.outcome === 'success',
  };
}

function pricingOf(i: DashboardInputs, monthDays: readonly UsageDay[]): DashboardSnapshot['pricing'] {
  const models = new Set<string>();
  for (const d of monthDays) for (const e of d.entries) if (e.placement === 'cloud') models.add(e.model);
  const catalog = i.pricing.catalogSource;
  return {
    ...(catalog ? { catalog } : {}),
    takenOn: PRICES_TAKEN_ON,
    overridden: Object.keys(i.priceOverrides).sort(cmp),
    ...(i.referenceModel ? { reference: priceOf(i, i.referenceModel) } : {}),
    models: [...models].sort(cmp).map((m) => priceOf(i, m)),
  };
}

function priceOf(i: DashboardInputs, model: string): DashboardPrice {
  const src = i.pricing.sourceOf(model);
  const price = i.pricing.priceOf(model);
  if (!src || !price) return { model, from: 'unknown', source: 'no known price (add it in jarvis.pricing.overrides)' };
  return { model, input: price.input, output: price.output, from: src.from, source: describePriceSource(src, model) };
}

const isAnswer = (r: RequestSummary) => r.outcome === 'success' || r.outcome === 'cached' || r.outcome === 'degraded';
const sorted = (xs: number[]) => xs.sort((a, b) => a - b);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
