import type { MemoryRecord } from '../store/MemoryRecord';
import type { MemoryType } from '../store/MemoryType';

/** Memory types as people say them. */
export const MEMORY_TYPE_LABELS: Record<MemoryType, string> = {
  decision: 'decision',
  action_item: 'action item',
  preference: 'preference',
  error_pattern: 'error pattern',
  insight: 'insight',
  observation: 'observation',
  meeting_summary: 'meeting summary',
};

/** "just now", "5 minutes ago", "2 days ago". Future times read as "just now". */
export function formatAge(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.floor(hours / 24);
  if (days < 60) return `${days} day${days === 1 ? '' : 's'} ago`;
  const months = Math.floor(days / 30);
  return `${months} months ago`;
}

/** The memory's text on one line, cut to `max` characters with an ellipsis. */
export function memorySnippet(text: string, max = 80): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 1).trimEnd()}…`;
}

/** e.g. "decision: Use PostgreSQL for prod (2 days ago)" — how a memory is named in chat and lists. */
export function memoryTitle(record: MemoryRecord, now: number, max = 80): string {
  return `${MEMORY_TYPE_LABELS[record.type]}: ${memorySnippet(record.text, max)} (${formatAge(now - record.metadata.createdAt)})`;
}
