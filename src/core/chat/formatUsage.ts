import type { ChatChunk } from './ChatChunk';

/** "llama3 · local · 12 → 48 tokens · 1.3 s" — the same line under answers in both front ends. */
export function formatUsage(done: Extract<ChatChunk, { type: 'done' }>, local = true): string {
  const secs = done.durationMs >= 1000 ? `${(done.durationMs / 1000).toFixed(1)} s` : `${done.durationMs} ms`;
  const parts = [done.model, local ? 'local' : 'cloud', `${done.usage.inputTokens} → ${done.usage.outputTokens} tokens`, secs];
  if (done.truncated) parts.push('cut off at the length limit');
  return parts.join(' · ');
}
