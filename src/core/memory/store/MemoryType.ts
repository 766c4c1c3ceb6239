/** The seven kinds of business memory of the design manual (Phase 10, `MemoryType`). */
export const MEMORY_TYPES = ['meeting_summary', 'decision', 'action_item', 'preference', 'observation', 'insight', 'error_pattern'] as const;

export type MemoryType = (typeof MEMORY_TYPES)[number];

export function isMemoryType(value: unknown): value is MemoryType {
  return typeof value === 'string' && (MEMORY_TYPES as readonly string[]).includes(value);
}
