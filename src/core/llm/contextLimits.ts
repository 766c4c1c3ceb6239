/** Input and output limits in tokens, as the providers document them. */
export interface ContextLimits {
  maxInputTokens: number;
  maxOutputTokens: number;
}

/**
 * Documented limits of the cloud models Jarvis routes to, by name prefix (longest match wins).
 * OpenAI: platform model pages; Anthropic: the models overview (200k context for every current
 * Claude; output limits differ by model).
 */
const CLOUD_LIMITS: [prefix: string, limits: ContextLimits][] = [
  ['gpt-4o-mini', { maxInputTokens: 128_000, maxOutputTokens: 16_384 }],
  ['gpt-4o', { maxInputTokens: 128_000, maxOutputTokens: 16_384 }],
  ['gpt-4.1', { maxInputTokens: 1_047_576, maxOutputTokens: 32_768 }],
  ['gpt-5', { maxInputTokens: 272_000, maxOutputTokens: 128_000 }],
  ['o1', { maxInputTokens: 200_000, maxOutputTokens: 100_000 }],
  ['o3', { maxInputTokens: 200_000, maxOutputTokens: 100_000 }],
  ['o4-mini', { maxInputTokens: 200_000, maxOutputTokens: 100_000 }],
  ['gpt-4-turbo', { maxInputTokens: 128_000, maxOutputTokens: 4_096 }],
  ['gpt-3.5-turbo', { maxInputTokens: 16_385, maxOutputTokens: 4_096 }],
  ['claude-opus-4', { maxInputTokens: 200_000, maxOutputTokens: 32_000 }],
  ['claude-sonnet-4', { maxInputTokens: 200_000, maxOutputTokens: 64_000 }],
  ['claude-haiku-4', { maxInputTokens: 200_000, maxOutputTokens: 64_000 }],
  ['claude-3-7-sonnet', { maxInputTokens: 200_000, maxOutputTokens: 64_000 }],
  ['claude-3-5-sonnet', { maxInputTokens: 200_000, maxOutputTokens: 8_192 }],
  ['claude-3-5-haiku', { maxInputTokens: 200_000, maxOutputTokens: 8_192 }],
  ['claude-3', { maxInputTokens: 200_000, maxOutputTokens: 4_096 }],
];

/** For a model Jarvis knows nothing about: small enough that VS Code trims rather than overflows. */
export const UNKNOWN_CLOUD_LIMITS: ContextLimits = { maxInputTokens: 32_000, maxOutputTokens: 4_096 };
/** Ollama's own default when `/api/show` reports no context length. */
export const UNKNOWN_OLLAMA_CONTEXT = 4_096;

export function cloudLimits(model: string): ContextLimits & { documented: boolean } {
  const m = model.toLowerCase();
  let best: [string, ContextLimits] | undefined;
  for (const row of CLOUD_LIMITS) if (m.startsWith(row[0]) && (!best || row[0].length > best[0].length)) best = row;
  return best ? { ...best[1], documented: true } : { ...UNKNOWN_CLOUD_LIMITS, documented: false };
}
