import type { ChatChunk } from '../chat/ChatChunk';
import type { SpendSummary } from './RoutingServiceContract';

/** The warning shown under a cloud answer once 80 % of the daily (or else monthly) budget is spent. */
export function budgetNotice(s: SpendSummary): ChatChunk | undefined {
  const near = (spent: number, cap: number) => cap > 0 && spent >= cap * 0.8;
  if (near(s.todayUsd, s.dailyBudgetUsd)) {
    return {
      type: 'notice',
      level: 'warning',
      message: `Cloud budget: $${s.todayUsd.toFixed(2)} of $${s.dailyBudgetUsd.toFixed(2)} used today; Jarvis now prefers local models.`,
    };
  }
  if (near(s.monthUsd, s.monthlyBudgetUsd)) {
    return {
      type: 'notice',
      level: 'warning',
      message: `Cloud budget: $${s.monthUsd.toFixed(2)} of $${s.monthlyBudgetUsd.toFixed(2)} used this month; Jarvis now prefers local models.`,
    };
  }
  return undefined;
}
