import type { JarvisSettings } from '../config/settings';
import { genaiPriceCatalog } from '../llm/pricing/GenaiPriceCatalog';
import { PricingTable } from '../llm/pricing/PricingTable';
import { computeSavings, type Savings } from './computeSavings';
import type { RequestHistory } from './RequestHistory';

/** What the status bar adds to the spend summary (all from this window's recorded requests). */
export interface CostExtras {
  /** Cloud cost per model since the window opened. */
  byModel?: Array<{ model: string; usd: number; requests: number }>;
  savings?: Savings;
  /** Messages of the active alerts. */
  alerts?: string[];
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

/** The status bar's breakdown, savings and alerts from this window's recorded requests. */
export function costExtras(history: RequestHistory, settings: JarvisSettings, alerts: string[]): CostExtras {
  const requests = history.recent();
  const byModel = new Map<string, { model: string; usd: number; requests: number }>();
  for (const r of requests) {
    if (r.placement !== 'cloud' || r.outcome !== 'success' || !r.model) continue;
    const e = byModel.get(r.model) ?? { model: r.model, usd: 0, requests: 0 };
    e.usd += r.costUsd ?? 0;
    e.requests++;
    byModel.set(r.model, e);
  }
  const reference = referenceCloudModel(settings);
  const savings = reference ? computeSavings(requests, pricingFor(settings.pricing.overrides), reference) : undefined;
  return { byModel: [...byModel.values()], ...(savings ? { savings } : {}), alerts };
}

/** The price table for the current overrides: rebuilt only when the overrides object changes (settings changes replace it), not per render. */
let cached: { overrides: JarvisSettings['pricing']['overrides']; table: PricingTable } | undefined;
export function pricingFor(overrides: JarvisSettings['pricing']['overrides']): PricingTable {
  if (cached?.overrides !== overrides) cached = { overrides, table: new PricingTable(overrides, undefined, genaiPriceCatalog) };
  return cached.table;
}
