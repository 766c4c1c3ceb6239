import { describePriceSource } from '../llm/pricing/describePriceSource';
import type { PricingTable } from '../llm/pricing/PricingTable';

function perMillion(usd: number): string {
  return `$${usd < 1 ? usd.toFixed(3).replace(/0$/, '') : usd.toFixed(2)}`;
}

/**
 * A listed model's price and where it comes from, for the model chooser: "$2.50 in / $10.00 out per 1M
 * tokens · genai-prices 0.1.8 (published 2026-09-23)", "… · built-in table (2025-10-20)", "… ·
 * jarvis.pricing.overrides", or "no known price" (such a model's answers are counted but not priced).
 */
export function describeModelPrice(table: PricingTable, model: string): string {
  const price = table.priceOf(model);
  const src = table.sourceOf(model);
  if (!price || !src) return 'no known price (add it in jarvis.pricing.overrides)';
  return `${perMillion(price.input)} in / ${perMillion(price.output)} out per 1M tokens · ${describePriceSource(src, model)}`;
}
