import { JarvisError } from '../../../common/errors';
import type { TokenUsage } from '../types';
import { DEFAULT_PRICES, PRICES_TAKEN_ON, type ModelPrice } from './defaultPrices';
import type { PriceCatalog } from './GenaiPriceCatalog';

/** What a call cost. An unknown price stays unknown: reporting it as $0 would hide real spend. */
export type Cost = { usd: number } | { unknown: true };

export function isKnownCost(cost: Cost): cost is { usd: number } {
  return 'usd' in cost;
}

/** Two costs together: unknown when either is (a sum that silently drops a part would under-report). */
export function addCost(a: Cost, b: Cost): Cost {
  return isKnownCost(a) && isKnownCost(b) ? { usd: a.usd + b.usd } : { unknown: true };
}

export interface CostOptions {
  /** Answers computed on this machine cost nothing, whatever the model is called. */
  local?: boolean;
}

/** Where a model's price came from, for the dashboard. */
export type PriceSource = { from: 'override' } | { from: 'catalog'; source: string; id: string } | { from: 'table'; takenOn: string };

/**
 * Prices per model: `jarvis.pricing.overrides` first, then a maintained price database (the catalog,
 * when given), then the dated built-in table. Overrides and the table match by longest known prefix,
 * so dated snapshots (gpt-4o-2024-08-06) and aliases (claude-3-5-sonnet-latest) price like their
 * family without listing every release.
 */
export class PricingTable {
  private readonly overrides: Prefixed;
  private readonly table: Prefixed;

  /**
   * @param overrides model (or prefix) → $ per 1M tokens; wins over everything else.
   * @param base the built-in table. @default DEFAULT_PRICES
   * @param catalog asked after the overrides, before the table. @default none
   */
  constructor(
    overrides: Record<string, ModelPrice> = {},
    base: Readonly<Record<string, ModelPrice>> = DEFAULT_PRICES,
    private readonly catalog?: PriceCatalog,
  ) {
    if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
      throw new JarvisError('invalid-input', 'Price overrides must be an object of model → { input, output } in $ per 1M tokens.');
    }
    this.overrides = new Prefixed(overrides);
    this.table = new Prefixed(base);
  }

  /** The price database asked before the table, if any (for "prices from …" notes). */
  get catalogSource(): string | undefined {
    return this.catalog?.source;
  }

  /** The price that applies to `model`, or undefined when none is known. */
  priceOf(model: string): ModelPrice | undefined {
    return this.resolve(model)?.price;
  }

  /** Where priceOf's answer comes from (undefined: no price known). */
  sourceOf(model: string): PriceSource | undefined {
    return this.resolve(model)?.source;
  }

  costOf(model: string, usage: TokenUsage, options: CostOptions = {}): Cost {
    checkUsage(usage);
    if (options.local) return { usd: 0 };
    const price = this.priceOf(model);
    if (!price) return { unknown: true };
    return { usd: (usage.inputTokens * price.input + usage.outputTokens * price.output) / 1_000_000 };
  }

  /**
   * An override wins when it is at least as specific as the table's entry (an override of gpt-4o
   * must not reprice gpt-4o-mini, which the table lists itself); then the catalog; then the table.
   */
  private resolve(model: string): { price: ModelPrice; source: PriceSource } | undefined {
    const o = this.overrides.match(model);
    const t = this.table.match(model);
    if (o && (!t || o.length >= t.length)) return { price: o.price, source: { from: 'override' } };
    const c = this.catalog?.priceOf(model);
    if (c && this.catalog) return { price: { input: c.input, output: c.output }, source: { from: 'catalog', source: this.catalog.source, id: c.id } };
    if (t) return { price: t.price, source: { from: 'table', takenOn: PRICES_TAKEN_ON } };
    return o ? { price: o.price, source: { from: 'override' } } : undefined;
  }
}

/** Model names (or prefixes) → prices, matched exactly or by the longest prefix at a name boundary. */
class Prefixed {
  private readonly prices = new Map<string, ModelPrice>();
  /** Longest first, so the first prefix that matches is the most specific one. */
  private readonly prefixes: string[];

  constructor(entries: Readonly<Record<string, ModelPrice>>) {
    for (const [model, price] of Object.entries(entries)) this.prices.set(normalise(model), checkPrice(model, price));
    this.prefixes = [...this.prices.keys()].sort((a, b) => b.length - a.length);
  }

  /** The entry for `model` and how specific it is (Infinity: an exact name; else the prefix's length). */
  match(model: string): { price: ModelPrice; length: number } | undefined {
    const name = normalise(model);
    const exact = this.prices.get(name);
    if (exact) return { price: exact, length: Infinity };
    for (const prefix of this.prefixes) {
      // A prefix only counts at a name boundary: gpt-4 must not price gpt-4.5 or gpt-4o-like names.
      if (name.startsWith(prefix) && BOUNDARY.has(name.charAt(prefix.length))) return { price: this.prices.get(prefix) as ModelPrice, length: prefix.length };
    }
    return undefined;
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
