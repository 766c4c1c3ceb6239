import type { Savings } from '../computeSavings';
import type { ModelCost } from './usageTotals';

/**
 * What the dashboard webview draws: one self-contained, JSON-safe object built by
 * buildDashboardSnapshot and posted to the page whole (the page keeps no state of its own beyond
 * it). Times are epoch milliseconds; money is US dollars; shares are 0..1.
 */
export interface DashboardSnapshot {
  version: 1;
  generatedAt: number;
  /** Nothing recorded yet (no request in this window and no day in the usage ledger): the page shows how to start. */
  empty: boolean;
  /** Requests in the window's history that the figures below are computed from. */
  requestsInHistory: number;
  cost: DashboardCost;
  savings?: DashboardSavings;
  share: DashboardShare;
  escalations: { count: number; recent: Array<{ at: number; requestId: string; model?: string; why: string }> };
  latency: DashboardLatency[];
  cache: { hits: number; misses: number; /** undefined when the cache was never asked */ hitRate?: number };
  errors: { total: number; /** of the requests that were not cancelled */ rate?: number; byCategory: Array<{ category: string; count: number }> };
  circuits: Array<{ key: string; state: 'closed' | 'open' | 'half-open' | 'isolated' }>;
  budget: { daily?: DashboardBudget; monthly?: DashboardBudget };
  alerts: Array<{ id: string; rule: string; severity: 'info' | 'warning' | 'critical'; message: string; firedAt: number }>;
  recent: DashboardRequest[];
  pricing: DashboardPricing;
  /** The providers' model lists (absent in builds without them): one line per provider, one warning per unlisted configured model. */
  cloudModels?: DashboardCloudModels;
}

/** Already worded by core/presentation/formatCloudModelLists, so the page and the status page say the same. */
export interface DashboardCloudModels {
  lists: string[];
  unlisted: string[];
}

/** The same rows as the status bar's "by model this month" (usageTotals.cloudCostByModel). */
export type DashboardModelCost = ModelCost;

export interface DashboardCost {
  /** The budget ledger's totals (all cloud spend, persisted). */
  todayUsd: number;
  monthUsd: number;
  /** Cloud cost per model from the usage ledger, most expensive first. */
  today: DashboardModelCost[];
  month: DashboardModelCost[];
  unknownCostCalls: number;
}

/** computeSavings over this month's answers, with the method the dashboard prints. */
export type DashboardSavings = Savings & { method: string };

export interface DashboardShare {
  /** jarvis.routing.localRatio. */
  target: number;
  /** The router's current local share (its recent window). */
  current: number;
  /** The last 24 hours, one bucket per hour (oldest first); `share` is undefined for an hour without answers. */
  hourly: Array<{ at: number; local: number; cloud: number; share?: number }>;
  /** The last 30 days from the usage ledger (oldest first, days without answers left out). */
  daily: Array<{ day: string; local: number; cloud: number; share: number; cloudUsd: number }>;
}

export interface DashboardLatency {
  model: string;
  placement: 'local' | 'cloud';
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  ttftP50Ms?: number;
  ttftP95Ms?: number;
}

export interface DashboardBudget {
  capUsd: number;
  spentUsd: number;
  leftUsd: number;
}

export interface DashboardRequest {
  requestId: string;
  at: number;
  model?: string;
  placement: 'local' | 'cloud' | 'none';
  tier: string;
  outcome: string;
  reason?: string;
  tokensIn?: number;
  tokensOut?: number;
  /** Undefined: unknown price (or nothing answered). */
  costUsd?: number;
  durationMs: number;
  ttftMs?: number;
  cache?: 'hit' | 'miss';
  escalation?: string;
  errorCategory?: string;
  /** A cloud answer: the egress ledger holds a record for this request id ("why" opens it). */
  audited: boolean;
}

export interface DashboardPricing {
  /** The maintained price database asked first, e.g. "genai-prices 0.1.8 (published 2026-09-23)"; absent without one. */
  catalog?: string;
  /** When the built-in fallback table was taken (YYYY-MM-DD). */
  takenOn: string;
  /** Models priced from jarvis.pricing.overrides. */
  overridden: string[];
  /** The savings' reference model's price and where it came from. */
  reference?: DashboardPrice;
  /** Each cloud model answering this month, with its price and source. */
  models: DashboardPrice[];
}

export interface DashboardPrice {
  model: string;
  /** $ per 1M tokens; absent when no price is known. */
  input?: number;
  output?: number;
  from: 'override' | 'catalog' | 'table' | 'unknown';
  /** Readable source, e.g. "genai-prices 0.1.8 (published 2026-09-23) as gpt-4o" or "built-in table (2025-10-20)". */
  source: string;
}
