import type { ChatMessage } from '../llm/types';
import type { ChatTurn } from './ChatChunk';

/**
 * System prompt, then the last `historyTurns` exchanges (a user turn and its answer count as one),
 * then the new prompt. Empty turns (e.g. a cancelled answer with no text) are dropped.
 */
export function buildMessages(systemPrompt: string, history: ChatTurn[], prompt: string, historyTurns: number): ChatMessage[] {
  const messages: ChatMessage[] = [];
  if (systemPrompt) messages.push({ role: 'system', content: systemPrompt });
  const kept = historyTurns > 0 ? history.filter((t) => t.content.trim() !== '').slice(-historyTurns * 2) : [];
  for (const turn of kept) messages.push({ role: turn.role, content: turn.content });
  messages.push({ role: 'user', content: prompt });
  return messages;
}
