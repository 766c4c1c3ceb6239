import type { PricingTable } from '../llm/pricing/PricingTable';
import type { LlmProvider } from '../llm/types';
import type { RoutingTable } from './RoutingTable';

/**
 * The cheapest cloud model of any tier's routes (price per 1M input + output tokens, from the pricing
 * table); a model with no known price comes after every priced one, and ties keep route order.
 */
export function cheapestCloudJudge(
  routes: RoutingTable,
  pricing: Pick<PricingTable, 'priceOf'>,
  provider: (id: string) => LlmProvider | undefined,
): { provider: LlmProvider; model: string } | undefined {
  let best: { provider: LlmProvider; model: string; price: number } | undefined;
  for (const c of Object.values(routes).flat()) {
    const p = provider(c.provider);
    if (!p || p.local) continue;
    const known = pricing.priceOf(c.model);
    const price = known ? known.input + known.output : Number.POSITIVE_INFINITY;
    if (!best || price < best.price) best = { provider: p, model: c.model, price };
  }
  return best && { provider: best.provider, model: best.model };
}
