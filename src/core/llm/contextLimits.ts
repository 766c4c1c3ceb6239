/** Input and output limits in tokens, as the providers document them. */
export interface ContextLimits {
  maxInputTokens: number;
  maxOutputTokens: number;
}

/**
 * Documented limits of the cloud models Jarvis routes to, by name prefix (longest match wins).
 * OpenAI: the platform's model pages (context window and max output; gpt-5's input is its 400k
 * window less the 128k output). Anthropic: each model's overview page (200k context unless the page
 * documents more without a beta header; output limits differ by model).
 */
const CLOUD_LIMITS: [prefix: string, limits: ContextLimits][] = [
  ['gpt-4o-mini', { maxInputTokens: 128_000, maxOutputTokens: 16_384 }],
  ['gpt-4o', { maxInputTokens: 128_000, maxOutputTokens: 16_384 }],
  ['chatgpt-4o', { maxInputTokens: 128_000, maxOutputTokens: 16_384 }],
  ['gpt-4.1', { maxInputTokens: 1_047_576, maxOutputTokens: 32_768 }],
  ['gpt-4.5', { maxInputTokens: 128_000, maxOutputTokens: 16_384 }],
  ['gpt-5', { maxInputTokens: 272_000, maxOutputTokens: 128_000 }],
  ['o1', { maxInputTokens: 200_000, maxOutputTokens: 100_000 }],
  ['o1-mini', { maxInputTokens: 128_000, maxOutputTokens: 65_536 }],
  ['o1-preview', { maxInputTokens: 128_000, maxOutputTokens: 32_768 }],
  ['o3', { maxInputTokens: 200_000, maxOutputTokens: 100_000 }],
  ['o4-mini', { maxInputTokens: 200_000, maxOutputTokens: 100_000 }],
  // The original GPT-4 shares one 8,192-token window between request and answer.
  ['gpt-4', { maxInputTokens: 8_192, maxOutputTokens: 8_192 }],
  ['gpt-4-turbo', { maxInputTokens: 128_000, maxOutputTokens: 4_096 }],
  ['gpt-3.5-turbo', { maxInputTokens: 16_385, maxOutputTokens: 4_096 }],
  ['claude-opus-5', { maxInputTokens: 1_000_000, maxOutputTokens: 128_000 }],
  ['claude-opus-4', { maxInputTokens: 200_000, maxOutputTokens: 32_000 }],
  ['claude-opus-4-5', { maxInputTokens: 200_000, maxOutputTokens: 64_000 }],
  ['claude-opus-4-6', { maxInputTokens: 200_000, maxOutputTokens: 128_000 }],
  ['claude-sonnet-4', { maxInputTokens: 200_000, maxOutputTokens: 64_000 }],
  ['claude-sonnet-4-6', { maxInputTokens: 200_000, maxOutputTokens: 128_000 }],
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

/** Output limit Jarvis offers for local models (Ollama has none of its own; the context bounds it). */
export const OLLAMA_MAX_OUTPUT = 4_096;

/**
 * What a local model with a `context`-token window leaves for the request and for the answer: the
 * answer gets 4,096 tokens, or a quarter of a small window (an 8k model keeps 6k for the request).
 */
export function ollamaLimits(context: number): ContextLimits {
  const output = Math.min(OLLAMA_MAX_OUTPUT, Math.floor(context / 4));
  return { maxInputTokens: Math.max(1, context - output), maxOutputTokens: Math.max(1, output) };
}

/**
 * Requests are counted with o200k_base, which is exact for OpenAI's current models and within about
 * 15% for the others (Llama, Qwen, Claude): for those, only this share of the documented input limit
 * is taken as certain to fit.
 */
export const STAND_IN_TOKENIZER_MARGIN = 0.85;

/** The context Ollama loads a model with unless asked (`num_ctx`); recent servers' default. */
export const OLLAMA_DEFAULT_NUM_CTX = 4_096;
/** Room left in the window for the answer when choosing `num_ctx` (Ollama shifts the context if an answer runs longer). */
const NUM_CTX_ANSWER_ROOM = 1_024;
/** Requests up to this many (stand-in) tokens fit Ollama's default window with room for the answer: no `num_ctx`. */
export const OLLAMA_DEFAULT_WINDOW_TOKENS = Math.floor((OLLAMA_DEFAULT_NUM_CTX - NUM_CTX_ANSWER_ROOM) * STAND_IN_TOKENIZER_MARGIN);

/**
 * The `num_ctx` a local request of `inputTokens` (counted with the stand-in tokenizer) needs, or
 * undefined when Ollama's default window holds it. A power of two, capped at the model's window:
 * Ollama reloads a model whenever num_ctx changes, so few distinct values keep reloads rare.
 */
export function ollamaNumCtx(inputTokens: number, window: number): number | undefined {
  if (inputTokens <= OLLAMA_DEFAULT_WINDOW_TOKENS) return undefined;
  const needed = Math.ceil(inputTokens / STAND_IN_TOKENIZER_MARGIN) + NUM_CTX_ANSWER_ROOM;
  return Math.min(window, 2 ** Math.ceil(Math.log2(needed)));
}
