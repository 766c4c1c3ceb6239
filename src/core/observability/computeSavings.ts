import type { PricingTable } from '../llm/pricing/PricingTable';
import type { UsageDay } from './dashboard/UsageLedger';

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
 * Money saved against sending every answer of `days` (usage-ledger days) to `referenceModel`. The
 * ledger sums each day's tokens per model, and a price is linear in tokens, so pricing those sums
 * equals pricing every request on its own token counts (SAVINGS_METHOD), never an average. Answers
 * without a known price are left out of both sums and counted as skipped. Undefined when the
 * reference has no known price.
 */
export function computeSavings(days: readonly UsageDay[], pricing: PricingTable, referenceModel: string): Savings | undefined {
  if (!pricing.priceOf(referenceModel)) return undefined;
  let baselineUsd = 0;
  let actualUsd = 0;
  let requests = 0;
  let skipped = 0;
  for (const d of days)
    for (const e of d.entries) {
      skipped += e.unpriced;
      const priced = e.answers - e.unpriced;
      if (priced <= 0) continue;
      const base = pricing.costOf(referenceModel, { inputTokens: e.tokensIn, outputTokens: e.tokensOut });
      if (!('usd' in base)) {
        skipped += priced;
        continue;
      }
      baselineUsd += base.usd;
      actualUsd += e.usd;
      requests += priced;
    }
  return { referenceModel, baselineUsd, actualUsd, savedUsd: baselineUsd - actualUsd, requests, skipped };
}
