import { dayKey, type UsageDay } from './UsageLedger';

/** Cloud cost of one model over some ledger days. */
export interface ModelCost {
  model: string;
  usd: number;
  requests: number;
  /** Answers whose price was unknown: counted in `requests`, not in `usd`. */
  unknownCost: number;
}

/**
 * The ledger days of the calendar month `now` falls in, in the user's time zone (the budget's
 * month). The dashboard and the status bar both cut "this month" here, so their figures agree.
 */
export function daysOfMonth(days: readonly UsageDay[], now: number, timezoneOffsetMinutes: number): UsageDay[] {
  const month = dayKey(now, timezoneOffsetMinutes).slice(0, 7);
  return days.filter((d) => d.day.startsWith(month));
}

/** Cloud cost per model over `days`, most expensive first (then most answers, then by name, so the order is stable). */
export function cloudCostByModel(days: readonly UsageDay[]): ModelCost[] {
  const by = new Map<string, ModelCost>();
  for (const d of days)
    for (const e of d.entries) {
      if (e.placement !== 'cloud') continue;
      const m = by.get(e.model) ?? { model: e.model, usd: 0, requests: 0, unknownCost: 0 };
      m.usd += e.usd;
      m.requests += e.answers;
      m.unknownCost += e.unpriced;
      by.set(e.model, m);
    }
  return [...by.values()].sort((a, b) => b.usd - a.usd || b.requests - a.requests || (a.model < b.model ? -1 : a.model > b.model ? 1 : 0));
}
