import type { SpendSummary } from '../routing/RoutingServiceContract';
import { formatUsd } from './formatUsd';

/** From this fraction of a budget on, the cost item asks for attention. */
export const BUDGET_WARNING_FRACTION = 0.8;

export type BudgetLevel = 'ok' | 'warning' | 'exceeded';

export interface CostStatusView {
  /** Status-bar text with its codicon, e.g. `$(credit-card) $0.12 today`. */
  text: string;
  /** Markdown tooltip: month vs budget, local share, calls without a known price. */
  tooltip: string;
  /** Screen-reader label (no codicon syntax). */
  accessibilityLabel: string;
  level: BudgetLevel;
}

/** What the cost status-bar item shows for a spend summary. Pure, so it is tested without VS Code. */
export function formatCostStatus(s: SpendSummary): CostStatusView {
  const today = formatUsd(s.todayUsd);
  const level = worst(budgetLevel(s.todayUsd, s.dailyBudgetUsd), budgetLevel(s.monthUsd, s.monthlyBudgetUsd));
  const lines = [
    '**Jarvis cloud spend**',
    '',
    `- Today: ${againstBudget(s.todayUsd, s.dailyBudgetUsd, 'daily')}`,
    `- This month: ${againstBudget(s.monthUsd, s.monthlyBudgetUsd, 'monthly')}`,
    `- Answered locally: ${formatShare(s.localShare)}`,
  ];
  if (s.unknownCostCalls > 0) {
    const calls = s.unknownCostCalls === 1 ? '1 cloud call' : `${s.unknownCostCalls} cloud calls`;
    lines.push(
      `- ${calls} this month used a model without a known price and ${s.unknownCostCalls === 1 ? 'is' : 'are'} not in these totals (add its price in \`jarvis.pricing.overrides\`).`,
    );
  }
  if (level === 'exceeded') lines.push('', 'A budget is spent: cloud requests are refused until it resets, unless you allow one.');
  else if (level === 'warning') lines.push('', `Over ${Math.round(BUDGET_WARNING_FRACTION * 100)}% of a budget: Jarvis sends fewer requests to the cloud.`);
  lines.push('', 'Click for routing status.');
  return {
    text: `$(credit-card) ${today} today`,
    tooltip: lines.join('\n'),
    accessibilityLabel: `Jarvis cloud spend: ${today} today, ${formatUsd(s.monthUsd)} this month`,
    level,
  };
}

/** `ok` without a cap (0 or less means no cap), `warning` from 80 % of it, `exceeded` at or above it. */
export function budgetLevel(spentUsd: number, budgetUsd: number): BudgetLevel {
  if (!(budgetUsd > 0) || !Number.isFinite(spentUsd)) return 'ok';
  const used = spentUsd / budgetUsd;
  if (used >= 1) return 'exceeded';
  return used >= BUDGET_WARNING_FRACTION ? 'warning' : 'ok';
}

/** A 0–1 share as a whole percentage; "no answers yet" when there is nothing to measure. */
export function formatShare(share: number): string {
  if (typeof share !== 'number' || !Number.isFinite(share) || share < 0 || share > 1) return 'no answers yet';
  return `${Math.round(share * 100)}%`;
}

function againstBudget(spent: number, budget: number, kind: 'daily' | 'monthly'): string {
  if (!(budget > 0)) return `${formatUsd(spent)} (no ${kind} cap)`;
  const pct = Number.isFinite(spent) && spent >= 0 ? ` (${Math.round((spent / budget) * 100)}%)` : '';
  return `${formatUsd(spent)} of ${formatUsd(budget)}${pct}`;
}

function worst(a: BudgetLevel, b: BudgetLevel): BudgetLevel {
  const rank: Record<BudgetLevel, number> = { ok: 0, warning: 1, exceeded: 2 };
  return rank[a] >= rank[b] ? a : b;
}
