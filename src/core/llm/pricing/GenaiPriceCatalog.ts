import type { ModelPrice } from './defaultPrices';

/** A maintained price database, asked before the built-in table (see PricingTable). */
export interface PriceCatalog {
  /** e.g. "genai-prices 0.1.8 (published 2026-09-23)". */
  readonly source: string;
  /** $ per 1M tokens at the base tier, with the catalog's own model id; undefined when it does not know the model. */
  priceOf(model: string): (ModelPrice & { id: string }) | undefined;
}

/** The installed @pydantic/genai-prices release; a unit test checks it against node_modules. */
export const GENAI_PRICES_VERSION = '0.1.8';
export const GENAI_PRICES_PUBLISHED = '2026-09-23';

type CalcPrice = (
  usage: Record<string, number>,
  modelId: string,
  options?: { providerId?: string },
) => {
  input_price: number;
  output_price: number;
  model: { id: string };
} | null;

/** Provider ids the database uses, from a model name (local model names match no provider). */
function providerOf(model: string): string | undefined {
  const m = model.toLowerCase();
  if (m.startsWith('claude')) return 'anthropic';
  if (/^(gpt-|o\d|chatgpt-)/.test(m)) return 'openai';
  return undefined;
}

/**
 * Prices from @pydantic/genai-prices (Pydantic's maintained price database, MIT, Node ≥ 20), the data
 * snapshot shipped inside the package: its remote auto-update is never switched on, so nothing is
 * fetched. The package (480 KB) is required on the first price asked for, from dist/vendor in the
 * bundle. Prices are read at the base tier (a 1,000-token call): tiers start at 200k input tokens
 * per request, beyond what a chat request sends. Answers are memoised per model name.
 */
export class GenaiPriceCatalog implements PriceCatalog {
  readonly source = `genai-prices ${GENAI_PRICES_VERSION} (published ${GENAI_PRICES_PUBLISHED})`;
  private calc: CalcPrice | null | undefined;
  private readonly memo = new Map<string, (ModelPrice & { id: string }) | undefined>();

  // A literal require so esbuild maps it to dist/vendor/genai-prices.js, evaluated on the first lookup only.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  constructor(private readonly load: () => { calcPrice: CalcPrice } = () => require('@pydantic/genai-prices') as { calcPrice: CalcPrice }) {}

  priceOf(model: string): (ModelPrice & { id: string }) | undefined {
    const key = model.trim().toLowerCase();
    if (this.memo.has(key)) return this.memo.get(key);
    const provider = providerOf(key);
    // Only cloud model names are looked up: a local "llama3" must never pick up some host's price.
    const found = provider ? this.lookup(key, provider) : undefined;
    this.memo.set(key, found);
    return found;
  }

  private lookup(model: string, providerId: string): (ModelPrice & { id: string }) | undefined {
    if (this.calc === undefined) {
      try {
        this.calc = this.load().calcPrice;
      } catch {
        this.calc = null; // not installed or not bundled: the built-in table answers
      }
    }
    if (!this.calc) return undefined;
    try {
      const r = this.calc({ input_tokens: 1000, output_tokens: 1000 }, model, { providerId });
      if (!r || !Number.isFinite(r.input_price) || !Number.isFinite(r.output_price)) return undefined;
      // Dollars for 1,000 tokens each way → dollars per million.
      return { id: r.model.id, input: round(r.input_price * 1000), output: round(r.output_price * 1000) };
    } catch {
      return undefined;
    }
  }
}

/** Float noise from ×1000 (2.4999999999 → 2.5); prices have at most a few decimals per million. */
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** The one catalog the extension uses (its data never changes while running). */
export const genaiPriceCatalog: PriceCatalog = new GenaiPriceCatalog();
