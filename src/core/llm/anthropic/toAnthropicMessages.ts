import { JarvisError } from '../../../common/errors';
import type { ChatMessage } from '../types';

export interface AnthropicConversation {
  /** All system messages, joined: the Messages API takes the system prompt as a top-level field. */
  system?: string;
  messages: { role: 'user' | 'assistant'; content: string }[];
}

/**
 * Shapes provider-neutral messages for the Messages API, which has no `system` role, is trained on
 * alternating user/assistant turns (compatible servers often insist on it) and rejects empty text.
 */
export function toAnthropicMessages(messages: readonly ChatMessage[]): AnthropicConversation {
  const system: string[] = [];
  const turns: AnthropicConversation['messages'] = [];
  for (const m of messages) {
    if (m.content.trim() === '') continue;
    if (m.role === 'system') {
      system.push(m.content);
      continue;
    }
    const last = turns[turns.length - 1];
    if (last && last.role === m.role) last.content += `\n\n${m.content}`;
    else turns.push({ role: m.role, content: m.content });
  }
  // History trimmed to the last N turns can start with an answer whose question was cut off.
  // Older API versions and compatible servers reject a leading assistant turn, and an answer
  // without its question adds little, so it is dropped.
  while (turns.length > 0 && turns[0].role === 'assistant') turns.shift();
  if (turns.length === 0) {
    throw new JarvisError('invalid-input', 'An Anthropic chat request needs at least one non-empty user message.');
  }
  return { ...(system.length > 0 ? { system: system.join('\n\n') } : {}), messages: turns };
}
