import type { AssistantStatus, UiModelInfo, UiTurnStats } from './protocol';

/**
 * The line under "Jarvis" on an answer, e.g. `llama3 · local · 357 tokens · 1.2 s`: which model
 * answered, whether the prompt left the machine, and what the answer cost.
 */
export function formatModelBadge(model: UiModelInfo | undefined, stats: UiTurnStats | undefined, status: AssistantStatus): string {
  const parts: string[] = [];
  if (model) {
    parts.push(model.model, model.local ? 'local' : `cloud (${model.provider})`);
  }
  if (stats) {
    const tokens = stats.usage.inputTokens + stats.usage.outputTokens;
    parts.push(`${tokens.toLocaleString('en-US')} tokens`, formatDuration(stats.durationMs));
    if (stats.truncated) parts.push('cut off (length limit)');
  }
  if (status === 'stopped') parts.push('stopped');
  return parts.join(' · ');
}

/** Tooltip for the badge: the token split that the short form sums up. */
export function formatModelBadgeTitle(model: UiModelInfo | undefined, stats: UiTurnStats | undefined): string {
  const lines: string[] = [];
  if (model) {
    lines.push(model.local ? `Answered on this machine by ${model.provider} (${model.model})` : `Answered in the cloud by ${model.provider} (${model.model})`);
  }
  if (stats) {
    lines.push(`${stats.usage.inputTokens} prompt tokens, ${stats.usage.outputTokens} answer tokens`);
  }
  return lines.join('\n');
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const total = Math.round(ms / 1000);
  return `${Math.floor(total / 60)} min ${total % 60} s`;
}
