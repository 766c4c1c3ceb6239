/** US dollars per one million tokens. */
export interface ModelPrice {
  input: number;
  output: number;
}

/**
 * List prices per 1M tokens (standard tier, no batch or cache discounts) as published on the
 * OpenAI and Anthropic pricing pages in October 2025; table taken 2025-10-20 (written offline, not
 * fetched: re-check before a release). Prices change: users override entries through settings
 * rather than waiting for a release. Keys are model-name prefixes; `PricingTable` matches a
 * versioned name (gpt-4o-2024-08-06, claude-sonnet-4-20250514) to its longest known prefix.
 */
export const PRICES_TAKEN_ON = '2025-10-20';

export const DEFAULT_PRICES: Readonly<Record<string, ModelPrice>> = Object.freeze({
  // OpenAI, current
  'gpt-5': { input: 1.25, output: 10 },
  'gpt-5-mini': { input: 0.25, output: 2 },
  'gpt-5-nano': { input: 0.05, output: 0.4 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  o1: { input: 15, output: 60 },
  'o1-mini': { input: 1.1, output: 4.4 },
  o3: { input: 2, output: 8 },
  'o3-mini': { input: 1.1, output: 4.4 },
  'o4-mini': { input: 1.1, output: 4.4 },
  // OpenAI, named by the design manual (legacy)
  'gpt-4-turbo': { input: 10, output: 30 },
  'gpt-4': { input: 30, output: 60 },
  'gpt-3.5-turbo': { input: 0.5, output: 1.5 },
  // Anthropic, current
  'claude-opus-4-5': { input: 5, output: 25 },
  'claude-opus-4-1': { input: 15, output: 75 },
  'claude-opus-4': { input: 15, output: 75 },
  'claude-sonnet-4-5': { input: 3, output: 15 },
  'claude-sonnet-4': { input: 3, output: 15 },
  'claude-haiku-4-5': { input: 1, output: 5 },
  'claude-3-7-sonnet': { input: 3, output: 15 },
  'claude-3-5-sonnet': { input: 3, output: 15 },
  'claude-3-5-haiku': { input: 0.8, output: 4 },
  'claude-3-haiku': { input: 0.25, output: 1.25 },
  // Anthropic, named by the design manual (legacy)
  'claude-3-opus': { input: 15, output: 75 },
});
