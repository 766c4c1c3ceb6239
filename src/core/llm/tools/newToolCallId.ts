import { randomBytes } from 'node:crypto';

/**
 * An id for a call from a provider that gives none (Ollama pairs results by tool name). Letters,
 * digits and "_" only, so the same id is accepted if the conversation later moves to OpenAI or Anthropic.
 */
export function newToolCallId(): string {
  return `call_${randomBytes(9)
    .toString('base64url')
    .replace(/[^a-zA-Z0-9]/g, 'x')}`;
}
