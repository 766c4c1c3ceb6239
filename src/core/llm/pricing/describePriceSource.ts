import type { PriceSource } from './PricingTable';

/**
 * Where a model's price came from, in the words the dashboard and the model chooser both show:
 * "jarvis.pricing.overrides", "genai-prices 0.1.8 (published 2026-09-23) as gpt-4o-2024-08-06" (the
 * catalog entry it matched, when that is not the model's own id), or "built-in table (2025-10-20)".
 */
export function describePriceSource(src: PriceSource, model: string): string {
  if (src.from === 'override') return 'jarvis.pricing.overrides';
  if (src.from === 'catalog') return `${src.source}${src.id !== model ? ` as ${src.id}` : ''}`;
  return `built-in table (${src.takenOn})`;
}
