import type { JarvisSettings } from '../config/settings';
import { genaiPriceCatalog } from '../llm/pricing/GenaiPriceCatalog';
import { PricingTable } from '../llm/pricing/PricingTable';
import { computeSavings, type Savings } from './computeSavings';
import type { UsageDay } from './dashboard/UsageLedger';
import { cloudCostByModel, daysOfMonth, type ModelCost } from './dashboard/usageTotals';

/** The period the status bar's breakdown and savings cover: the dashboard's "this month", from the same ledger days. */
export const COST_EXTRAS_PERIOD = 'this month';

/**
 * The status bar first draws the breakdown and savings this long after activation: pricing this
 * month's ledger loads the price database (~60 ms), which must not stall the extension host's
 * startup. A recorded call draws them earlier.
 */
export const FIRST_BREAKDOWN_MS = 3_000;

/** What the status bar adds to the spend summary (this month's ledger days, as the dashboard shows them). */
export interface CostExtras {
  /** Cloud cost per model over `period`, most expensive first. */
  byModel?: ModelCost[];
  savings?: Savings;
  /** What byModel and savings cover, worded for the tooltip ("this month"). */
  period?: string;
  /** Messages of the active alerts. */
  alerts?: string[];
}

export interface CostExtrasInputs {
  /** The persisted usage ledger (UsageLedger.snapshot()), oldest first. */
  usage: readonly UsageDay[];
  /** Epoch ms (the injected clock's now). */
  now: number;
  /** Minutes east of UTC: where this month starts (the budget's and the dashboard's boundaries). */
  timezoneOffsetMinutes: number;
  settings: JarvisSettings;
  alerts: string[];
}

/**
 * The cloud model savings are measured against: the first cloud candidate of the high tier (what a
 * cloud-only setup would send), e.g. `gpt-4o` from `openai:gpt-4o`.
 */
export function referenceCloudModel(s: JarvisSettings): string | undefined {
  for (const tier of ['high', 'critical', 'medium'] as const) {
    const cloud = s.routing.tiers[tier].find((c) => !c.startsWith('ollama:'));
    if (cloud) return cloud.slice(cloud.indexOf(':') + 1);
  }
  return undefined;
}

/**
 * The status bar's breakdown, savings and alerts. Read from the usage ledger for this month, like the
 * dashboard, so a reload (which empties the request history) changes neither and both show the same figures.
 */
export function costExtras(i: CostExtrasInputs): CostExtras {
  const days = daysOfMonth(i.usage, i.now, i.timezoneOffsetMinutes);
  const reference = referenceCloudModel(i.settings);
  // Nothing answered this month (e.g. at a first activation): no price is looked up, so the price database stays unloaded.
  const answered = days.some((d) => d.entries.length > 0);
  const savings = reference && answered ? computeSavings(days, pricingFor(i.settings.pricing.overrides), reference) : undefined;
  return { byModel: cloudCostByModel(days), ...(savings ? { savings } : {}), period: COST_EXTRAS_PERIOD, alerts: i.alerts };
}

/** The price table for the current overrides: rebuilt only when the overrides object changes (settings changes replace it), not per render. */
let cached: { overrides: JarvisSettings['pricing']['overrides']; table: PricingTable } | undefined;
export function pricingFor(overrides: JarvisSettings['pricing']['overrides']): PricingTable {
  if (cached?.overrides !== overrides) cached = { overrides, table: new PricingTable(overrides, undefined, genaiPriceCatalog) };
  return cached.table;
}
