import type { AssistantStatus, UiModelInfo, UiTurnStats } from './protocol';

/**
 * The line under "Jarvis" on an answer, e.g. `llama3 · local` or `gpt-4o · cloud (openai)`: which
 * model answered and whether the prompt left the machine. Usage and cost go in the footer.
 */
export function formatModelBadge(model: UiModelInfo | undefined, status: AssistantStatus): string {
  const parts: string[] = [];
  if (model) {
    parts.push(model.model, model.local ? 'local' : `cloud (${model.provider})`);
  }
  if (status === 'stopped') parts.push('stopped');
  return parts.join(' · ');
}

/** Tooltip for the badge: why this model, where it ran, and the token split. */
export function formatModelBadgeTitle(model: UiModelInfo | undefined, stats: UiTurnStats | undefined): string {
  const lines: string[] = [];
  if (model) {
    lines.push(model.local ? `Answered on this machine by ${model.provider} (${model.model})` : `Answered in the cloud by ${model.provider} (${model.model})`);
    if (model.reason) lines.push(`Why: ${model.reason}`);
  }
  if (stats) {
    lines.push(`${stats.usage.inputTokens} prompt tokens, ${stats.usage.outputTokens} answer tokens`);
  }
  return lines.join('\n');
}

/**
 * The footer under a finished answer. The host sends core's formatUsage line (the same text
 * `@jarvis` shows); transcripts saved before that existed fall back to tokens and time.
 */
export function formatAnswerFooter(stats: UiTurnStats | undefined): string {
  if (!stats) return '';
  if (stats.footer) return stats.footer;
  const tokens = stats.usage.inputTokens + stats.usage.outputTokens;
  const parts = [`${tokens.toLocaleString('en-US')} tokens`, formatDuration(stats.durationMs)];
  if (stats.cached) parts.push('from cache');
  if (stats.truncated) parts.push('cut off (length limit)');
  return parts.filter(Boolean).join(' · ');
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const total = Math.round(ms / 1000);
  return `${Math.floor(total / 60)} min ${total % 60} s`;
}
