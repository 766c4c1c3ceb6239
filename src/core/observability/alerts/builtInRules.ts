import { commandIds } from '../../commandIds';
import type { RequestHistory } from '../RequestHistory';
import type { AlertRule } from './AlertManager';

export interface AlertSources {
  history: RequestHistory;
  spend(): { todayUsd: number; monthUsd: number; dailyBudgetUsd: number; monthlyBudgetUsd: number };
  circuits(): Array<{ key: string; state: string }>;
  /** Extension-host heap in use (process.memoryUsage().heapUsed). */
  heapUsedBytes(): number;
  /** `jarvis.alerts.*`, read at each evaluation. */
  settings(): { errorRate: number; memoryMb: number };
  clock: { now(): number };
}

/** The error rate is judged over this window, from at least MIN_REQUESTS requests. */
export const ERROR_WINDOW_MS = 5 * 60_000;
export const MIN_REQUESTS = 5;
/** A request runs "far longer than usual" past max(this floor, LONG_FACTOR × its tier's p95). */
export const LONG_FLOOR_MS = 120_000;
export const LONG_FACTOR = 5;

const usd = (n: number) => `$${n.toFixed(2)}`;

/**
 * The seed's built-in rules, in Jarvis's terms: high error rate, budget thresholds, long-running
 * request, circuit breaker open, memory use. Each reads the current state when evaluated.
 */
export function builtInRules(s: AlertSources): AlertRule[] {
  return [
    {
      name: 'high-error-rate',
      severity: 'critical',
      evaluate() {
        const window = s.history.since(ERROR_WINDOW_MS).filter((r) => r.outcome !== 'cancelled');
        if (window.length < MIN_REQUESTS) return undefined;
        const failed = window.filter((r) => r.outcome === 'error');
        const rate = failed.length / window.length;
        if (rate <= s.settings().errorRate) return undefined;
        const top = mostCommon(failed.map((r) => r.errorCategory ?? 'unknown'));
        return {
          message: `${failed.length} of ${window.length} requests failed in the last 5 minutes (${Math.round(rate * 100)}%; mostly ${top}).`,
          fix: { title: 'Show Log', command: commandIds.showLog },
        };
      },
    },
    {
      name: 'budget-exceeded',
      severity: 'critical',
      evaluate() {
        const b = s.spend();
        const over =
          b.dailyBudgetUsd > 0 && b.todayUsd >= b.dailyBudgetUsd ? 'daily' : b.monthlyBudgetUsd > 0 && b.monthUsd >= b.monthlyBudgetUsd ? 'monthly' : undefined;
        if (!over) return undefined;
        const [spent, cap] = over === 'daily' ? [b.todayUsd, b.dailyBudgetUsd] : [b.monthUsd, b.monthlyBudgetUsd];
        return {
          message: `The ${over} cloud budget is spent (${usd(spent)} of ${usd(cap)}): cloud calls stop until it resets.`,
          fix: { title: 'Open Budget Settings', command: commandIds.openSettings, args: [`jarvis.budget.${over}Usd`] },
        };
      },
    },
    {
      name: 'budget-near',
      severity: 'warning',
      evaluate() {
        const b = s.spend();
        const near = (spent: number, cap: number) => cap > 0 && spent >= cap * 0.8 && spent < cap;
        if (near(b.todayUsd, b.dailyBudgetUsd)) return { message: `${usd(b.todayUsd)} of the ${usd(b.dailyBudgetUsd)} daily cloud budget used (80% crossed).` };
        if (near(b.monthUsd, b.monthlyBudgetUsd))
          return { message: `${usd(b.monthUsd)} of the ${usd(b.monthlyBudgetUsd)} monthly cloud budget used (80% crossed).` };
        return undefined;
      },
    },
    {
      name: 'long-running-request',
      severity: 'warning',
      evaluate() {
        const now = s.clock.now();
        for (const r of s.history.inFlight()) {
          const limit = longLimitMs(s.history, r.tier);
          const elapsed = now - r.startedAt;
          if (elapsed > limit) {
            return { message: `A ${r.tier} request has been running for ${Math.round(elapsed / 1000)} s (limit ${Math.round(limit / 1000)} s for this tier).` };
          }
        }
        return undefined;
      },
    },
    {
      name: 'circuit-open',
      severity: 'warning',
      evaluate() {
        const open = s.circuits().filter((c) => c.state === 'open' || c.state === 'isolated');
        if (open.length === 0) return undefined;
        return {
          message: `Circuit breaker open for ${open.map((c) => c.key).join(', ')}: Jarvis skips it until it recovers.`,
          fix: { title: 'Show Routing Status', command: commandIds.showRoutingStatus },
        };
      },
    },
    {
      name: 'memory-high',
      severity: 'warning',
      evaluate() {
        const mb = s.heapUsedBytes() / (1024 * 1024);
        const limit = s.settings().memoryMb;
        return mb > limit ? { message: `The extension host uses ${Math.round(mb)} MB of heap (limit ${limit} MB).` } : undefined;
      },
    },
  ];
}

/** max(LONG_FLOOR_MS, LONG_FACTOR × p95 of the tier's recent successful requests). */
export function longLimitMs(history: RequestHistory, tier: string): number {
  const durations = history
    .recent()
    .filter((r) => r.tier === tier && r.outcome === 'success')
    .map((r) => r.durationMs)
    .sort((a, b) => a - b);
  if (durations.length < MIN_REQUESTS) return LONG_FLOOR_MS;
  const p95 = durations[Math.min(durations.length - 1, Math.ceil(durations.length * 0.95) - 1)];
  return Math.max(LONG_FLOOR_MS, LONG_FACTOR * p95);
}

function mostCommon(xs: string[]): string {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'unknown';
}
