import { JarvisError } from '../../../common/errors';
import type { TokenUsage } from '../types';
import { DEFAULT_PRICES, type ModelPrice } from './defaultPrices';

/** What a call cost. An unknown price stays unknown: reporting it as $0 would hide real spend. */
export type Cost = { usd: number } | { unknown: true };

export function isKnownCost(cost: Cost): cost is { usd: number } {
  return 'usd' in cost;
}

export interface CostOptions {
  /** Answers computed on this machine cost nothing, whatever the model is called. */
  local?: boolean;
}

/**
 * Prices per model, matched by longest known prefix so dated snapshots (gpt-4o-2024-08-06) and
 * aliases (claude-3-5-sonnet-latest) price like their family without listing every release.
 */
export class PricingTable {
  private readonly prices = new Map<string, ModelPrice>();
  /** Longest first, so the first prefix that matches is the most specific one. */
  private readonly prefixes: string[];

  /**
   * @param overrides model (or prefix) → $ per 1M tokens; replaces or adds to the built-in table.
   * @param base the built-in table. @default DEFAULT_PRICES
   */
  constructor(overrides: Record<string, ModelPrice> = {}, base: Readonly<Record<string, ModelPrice>> = DEFAULT_PRICES) {
    if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
      throw new JarvisError('invalid-input', 'Price overrides must be an object of model → { input, output } in $ per 1M tokens.');
    }
    for (const [model, price] of [...Object.entries(base), ...Object.entries(overrides)]) {
      this.prices.set(normalise(model), checkPrice(model, price));
    }
    this.prefixes = [...this.prices.keys()].sort((a, b) => b.length - a.length);
  }

  /** The price that applies to `model`, or undefined when no known prefix matches. */
  priceOf(model: string): ModelPrice | undefined {
    const name = normalise(model);
    const exact = this.prices.get(name);
    if (exact) return exact;
    for (const prefix of this.prefixes) {
      // A prefix only counts at a name boundary: gpt-4 must not price gpt-4.5 or gpt-4o-like names.
      if (name.startsWith(prefix) && BOUNDARY.has(name.charAt(prefix.length))) return this.prices.get(prefix);
    }
    return undefined;
  }

  costOf(model: string, usage: TokenUsage, options: CostOptions = {}): Cost {
    checkUsage(usage);
    if (options.local) return { usd: 0 };
    const price = this.priceOf(model);
    if (!price) return { unknown: true };
    return { usd: (usage.inputTokens * price.input + usage.outputTokens * price.output) / 1_000_000 };
  }
}

// Separators seen after a family name: dated snapshots (-2024-08-06), tags (:latest), Vertex (@2024…).
const BOUNDARY = new Set(['-', ':', '@']);

function normalise(model: string): string {
  return model.trim().toLowerCase();
}

function checkPrice(model: string, price: unknown): ModelPrice {
  if (model.trim() === '') throw new JarvisError('invalid-input', 'A price override has an empty model name.');
  const p = price as Partial<ModelPrice> | null;
  const ok = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
  if (p === null || typeof p !== 'object' || !ok(p.input) || !ok(p.output)) {
    throw new JarvisError(
      'invalid-input',
      `The price for "${model}" must be { input, output } with non-negative numbers of $ per 1M tokens (got ${JSON.stringify(price)}).`,
    );
  }
  return { input: p.input as number, output: p.output as number };
}

function checkUsage(usage: TokenUsage): void {
  const ok = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (!usage || !ok(usage.inputTokens) || !ok(usage.outputTokens)) {
    throw new JarvisError('invalid-input', `Token usage must have whole, non-negative inputTokens and outputTokens (got ${JSON.stringify(usage)}).`);
  }
}
