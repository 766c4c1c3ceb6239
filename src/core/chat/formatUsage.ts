import type { ChatChunk, ChatCost } from './ChatChunk';
import { formatConversationCost, type ConversationCost } from './conversationCost';

type Done = Extract<ChatChunk, { type: 'done' }>;

/**
 * "llama3 · local · 12 → 48 tokens · free (local) · 1.3 s" — the same line under answers in both
 * front ends (the chat view gets it from the host, so the webview never formats it differently).
 * Order: model · where · tokens · cost · latency · cache · cut-off.
 * @param local where the answer was computed. @default done.local, else true
 * @param conversation the running total of the conversation including this answer (shown from the second answer on)
 */
export function formatUsage(done: Done, local: boolean = done.local ?? true, conversation?: ConversationCost): string {
  const parts = [done.model, local ? 'local' : 'cloud', `${done.usage.inputTokens} → ${done.usage.outputTokens} tokens`];
  const cost = formatCost(done.cost, local, done.cached === true);
  if (cost) parts.push(cost);
  const latency = formatSeconds(done.durationMs);
  parts.push(
    done.ttftMs !== undefined && Number.isFinite(done.ttftMs) && done.ttftMs >= 0 ? `${latency} (first token ${formatSeconds(done.ttftMs)})` : latency,
  );
  if (done.cached) parts.push('from cache');
  if (done.truncated) parts.push('cut off at the length limit');
  const total = conversation && formatConversationCost(conversation);
  if (total) parts.push(total);
  return parts.join(' · ');
}

/**
 * "$0.0012", "cost unknown" or "free (local)". Unknown prices stay unknown rather than "$0"; a
 * cached answer without a price says nothing (the "from cache" part explains it).
 */
export function formatCost(cost: ChatCost | undefined, local: boolean, cached = false): string | undefined {
  if (cost === undefined) {
    if (cached) return undefined;
    return local ? 'free (local)' : 'cost unknown';
  }
  if ('unknown' in cost || !Number.isFinite(cost.usd) || cost.usd < 0) return 'cost unknown';
  if (cost.usd === 0) return local ? 'free (local)' : '$0.00';
  if (cost.usd < 0.0001) return '< $0.0001';
  // Single calls cost fractions of a cent: four decimals show them; whole dollars need only two.
  return cost.usd < 1 ? `$${cost.usd.toFixed(4)}` : `$${cost.usd.toFixed(2)}`;
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}
