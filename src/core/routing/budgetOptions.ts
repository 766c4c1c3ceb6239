import type { JarvisSettings } from '../config/settings';
import type { BudgetOptions } from './BudgetGovernor';

/** The budget governor's caps from `jarvis.budget.*`. */
export function budgetOptions(s: JarvisSettings): BudgetOptions {
  // 0 means "no cap" in settings; the governor wants undefined for that.
  return { dailyUsd: s.budget.dailyUsd > 0 ? s.budget.dailyUsd : undefined, monthlyUsd: s.budget.monthlyUsd > 0 ? s.budget.monthlyUsd : undefined };
}
