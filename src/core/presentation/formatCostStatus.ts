import type { SpendSummary } from '../routing/RoutingServiceContract';
import type { CostExtras as CostStatusExtras } from '../observability/costExtras';
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
  /** True while an alert is active: the item takes the warning colour whatever the budget. */
  alerting: boolean;
}

/** What the cost status-bar item shows for a spend summary. Pure, so it is tested without VS Code. */
export function formatCostStatus(s: SpendSummary, extras: CostStatusExtras = {}): CostStatusView {
  const today = formatUsd(s.todayUsd);
  const share = formatShare(s.localShare);
  const alerts = extras.alerts ?? [];
  const level = worst(budgetLevel(s.todayUsd, s.dailyBudgetUsd), budgetLevel(s.monthUsd, s.monthlyBudgetUsd));
  const lines = [
    '**Jarvis spend and savings**',
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
  // Free answers are not cost; a model whose answers all lack a price still shows, with that said.
  const models = [...(extras.byModel ?? [])].filter((m) => m.usd > 0 || m.unknownCost > 0).sort((a, b) => b.usd - a.usd);
  // The period is said in the heading: the tooltip and the dashboard must read as the same figures.
  const period = extras.period ? ` ${extras.period}` : '';
  if (models.length) {
    lines.push('', `**Cloud cost by model${period}**`, '');
    for (const m of models.slice(0, 6)) {
      const unpriced = m.unknownCost > 0 ? `, ${m.unknownCost} without a known price` : '';
      lines.push(`- ${m.model}: ${formatUsd(m.usd)} (${m.requests} ${m.requests === 1 ? 'answer' : 'answers'}${unpriced})`);
    }
    if (models.length > 6) lines.push(`- ${models.length - 6} more on the dashboard`);
  }
  const sv = extras.savings;
  if (sv && sv.requests > 0) {
    const all = sv.requests === 1 ? 'the 1 answer' : `all ${sv.requests} answers`;
    lines.push(
      '',
      `**Saved ${formatUsd(sv.savedUsd)}${period}** against sending ${all} to ${sv.referenceModel} (${formatUsd(sv.baselineUsd)} at its list price; they cost ${formatUsd(sv.actualUsd)}).`,
    );
  }
  const left = budgetLeft(s);
  if (left) lines.push('', `Budget left: ${left}`);
  if (alerts.length)
    lines.push('', `**${alerts.length === 1 ? '1 active alert' : `${alerts.length} active alerts`}**`, '', ...alerts.map((a) => `- $(warning) ${a}`));
  if (level === 'exceeded') lines.push('', 'A budget is spent: cloud requests are refused until it resets, unless you allow one.');
  else if (level === 'warning') lines.push('', `Over ${Math.round(BUDGET_WARNING_FRACTION * 100)}% of a budget: Jarvis sends fewer requests to the cloud.`);
  lines.push('', 'Click for the dashboard.');
  const localPart = share === 'no answers yet' ? '' : ` · ${share} local`;
  return {
    text: `$(hubot) ${today} today${localPart}`,
    tooltip: lines.join('\n'),
    accessibilityLabel: `Jarvis: ${today} cloud spend today, ${formatUsd(s.monthUsd)} this month${localPart ? `, ${share} answered locally` : ''}${alerts.length ? `, ${alerts.length} active alerts` : ''}`,
    level,
    alerting: alerts.length > 0,
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

function budgetLeft(s: SpendSummary): string | undefined {
  const parts: string[] = [];
  if (s.dailyBudgetUsd > 0) parts.push(`${formatUsd(Math.max(0, s.dailyBudgetUsd - s.todayUsd))} today`);
  if (s.monthlyBudgetUsd > 0) parts.push(`${formatUsd(Math.max(0, s.monthlyBudgetUsd - s.monthUsd))} this month`);
  return parts.length ? parts.join(', ') : undefined;
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
