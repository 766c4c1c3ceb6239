import type { PricingTable } from '../llm/pricing/PricingTable';
import type { RequestSummary } from './RequestHistory';

export interface Savings {
  /** The cloud model every request is compared against ("what if everything went there"). */
  referenceModel: string;
  /** What the answered requests would have cost on the reference model, from their real token counts. */
  baselineUsd: number;
  /** What they did cost (local and cached answers: $0; unknown prices are left out of both sums). */
  actualUsd: number;
  savedUsd: number;
  /** Requests counted (answered, with token counts). */
  requests: number;
  /** Requests left out: no token counts, or an unknown price. */
  skipped: number;
}

/** How the savings are computed, for the tooltip and the dashboard. */
export const SAVINGS_METHOD =
  'Per answered request: its real input and output tokens at the reference model’s list price, minus what it really cost (local and cached answers cost $0).';

/**
 * Money saved against sending every request to `referenceModel`: computed per request from its own
 * token counts and list prices, never from averages. Undefined when the reference has no known price.
 */
export function computeSavings(requests: readonly RequestSummary[], pricing: PricingTable, referenceModel: string): Savings | undefined {
  // Nothing to compare yet (e.g. at activation): no price is looked up, so the price database stays unloaded.
  if (requests.length === 0 || !pricing.priceOf(referenceModel)) return undefined;
  let baselineUsd = 0;
  let actualUsd = 0;
  let counted = 0;
  let skipped = 0;
  for (const r of requests) {
    if (r.outcome !== 'success' && r.outcome !== 'cached' && r.outcome !== 'degraded') continue;
    const actual = r.outcome === 'success' ? r.costUsd : 0;
    if (r.tokensIn === undefined || r.tokensOut === undefined || actual === undefined) {
      skipped++;
      continue;
    }
    const baseline = pricing.costOf(referenceModel, { inputTokens: r.tokensIn, outputTokens: r.tokensOut });
    if (!('usd' in baseline)) {
      skipped++;
      continue;
    }
    baselineUsd += baseline.usd;
    actualUsd += actual;
    counted++;
  }
  return { referenceModel, baselineUsd, actualUsd, savedUsd: baselineUsd - actualUsd, requests: counted, skipped };
}
