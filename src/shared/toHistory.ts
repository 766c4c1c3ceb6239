import type { TranscriptMessage } from './protocol';

/** Structurally identical to core's ChatTurn, which src/shared may not import. */
export interface HistoryTurn {
  role: 'user' | 'assistant';
  content: string;
}

/**
 * The conversation as the engine wants it: user prompts and the answers' markdown, oldest first.
 * Errors are for people, not context. The engine trims to `jarvis.chat.historyTurns` itself;
 * `maxMessages` only bounds what crosses over (the setting's maximum is 100 turns = 200 messages).
 */
export function toHistory(messages: readonly TranscriptMessage[], maxMessages = 200): HistoryTurn[] {
  const turns: HistoryTurn[] = [];
  for (const m of messages) {
    if (m.role === 'user') turns.push({ role: 'user', content: m.text });
    else if (m.role === 'assistant' && m.text.trim() !== '') turns.push({ role: 'assistant', content: m.text });
  }
  return maxMessages > 0 ? turns.slice(-maxMessages) : [];
}
