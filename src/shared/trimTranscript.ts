import type { TranscriptMessage } from './protocol';

/** @default 200 messages (100 exchanges, the maximum of `jarvis.chat.historyTurns`). */
export const MAX_STORED_MESSAGES = 200;
/** @default 1,000,000 characters: workspace state is read whole at startup, so keep it modest. */
export const MAX_STORED_CHARS = 1_000_000;

/**
 * The newest messages that fit the limits, oldest first. The newest message is always kept, even
 * if it alone is over the character limit, so the turn just finished is never lost.
 */
export function trimTranscript(messages: readonly TranscriptMessage[], maxMessages = MAX_STORED_MESSAGES, maxChars = MAX_STORED_CHARS): TranscriptMessage[] {
  if (!Number.isInteger(maxMessages) || maxMessages < 1) {
    throw new RangeError(`trimTranscript: maxMessages must be a positive integer (got ${maxMessages}).`);
  }
  let chars = 0;
  let start = messages.length;
  while (start > 0 && messages.length - start < maxMessages) {
    const size = sizeOf(messages[start - 1]);
    if (start < messages.length && chars + size > maxChars) break;
    chars += size;
    start--;
  }
  return messages.slice(start);
}

function sizeOf(m: TranscriptMessage): number {
  if (m.role === 'error') return m.message.length;
  if (m.role === 'user') return m.text.length;
  let size = m.text.length;
  for (const r of m.references ?? []) size += r.title.length + (r.detail?.length ?? 0) + (r.uri?.length ?? 0);
  for (const n of m.notices ?? []) size += n.message.length;
  return size;
}
