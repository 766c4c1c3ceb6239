/**
 * Which listed models Jarvis offers for chat. OpenAI's list holds every model the key may use —
 * embeddings, speech, images, moderation, realtime, video, legacy completions — and a compatible server
 * (LM Studio, vLLM, a proxy) lists models under any names. So the rule is a deny list of the
 * non-chat families OpenAI names, matched on whole name parts (split at `-`, `.`, `:`, `/`, `_`), and
 * everything else is offered: an allow list of `gpt-`/`o3`… prefixes would hide every model of a
 * compatible server. Anthropic lists only Messages API models, so all of its models are chat models.
 */
const NON_CHAT_PARTS = new Set([
  'embedding',
  'embed',
  'tts',
  'whisper',
  'transcribe',
  'audio',
  'realtime',
  'dall',
  'image',
  'moderation',
  'sora',
  'computer',
  'babbage',
  'davinci',
]);

export function isChatModelId(provider: 'openai' | 'anthropic', id: string): boolean {
  if (provider === 'anthropic') return true;
  const lower = id.toLowerCase();
  // gpt-3.5-turbo-instruct answers only the legacy completions endpoint (an "-instruct" model of a
  // compatible server, e.g. Llama-3-8B-Instruct, is a chat model).
  if (lower.startsWith('gpt-3.5-turbo-instruct')) return false;
  // Fine-tunes (`ft:gpt-4o-mini:org::id`) are chat models of their base.
  return !lower.split(/[-.:/_]/).some((part) => NON_CHAT_PARTS.has(part) || part.startsWith('embedding'));
}

/** Longest model id kept; longer ones are not names a person configures. */
export const MAX_MODEL_ID_LENGTH = 200;

/**
 * The id as Jarvis keeps it, or undefined when the server sent something that is not a usable name:
 * not a string, empty, over 200 characters, or with whitespace or control/format characters (which
 * could hide a different name in a setting or a picker). Other characters — `:` in fine-tune ids,
 * `/` in a proxy's `org/model`, `@`, non-ASCII — are kept as they are.
 */
export function cleanModelId(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  if (raw.length === 0 || raw.length > MAX_MODEL_ID_LENGTH) return undefined;
  return /^[^\s\p{Cc}\p{Cf}]+$/u.test(raw) ? raw : undefined;
}
