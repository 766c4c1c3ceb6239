/** A span of a document as character offsets, end exclusive. */
export interface OffsetRange {
  start: number;
  end: number;
}

/** One text change as editors report it: offsets in the document BEFORE the change. */
export interface TextChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

/**
 * Where a tracked span is after a change. Changes outside it shift it; a change that touches it
 * (inside, across an edge, or replacing it whole) grows it to cover the union, so rewriting the
 * inserted code still counts as editing it.
 */
export function mapRange(range: OffsetRange, change: TextChange): OffsetRange {
  const cStart = change.rangeOffset;
  const cEnd = change.rangeOffset + change.rangeLength;
  const delta = change.text.length - change.rangeLength;
  // Typing right before or after the span is not editing it; replacing text that intersects it is.
  const touches = change.rangeLength === 0 ? cStart > range.start && cStart < range.end : cStart < range.end && cEnd > range.start;
  if (!touches) return cEnd <= range.start ? { start: range.start + delta, end: range.end + delta } : range;
  return { start: Math.min(range.start, cStart), end: Math.max(range.end, cEnd) + delta };
}

/** Applies one event's changes (all in pre-event offsets) from the last to the first. */
export function mapRangeThroughChanges(range: OffsetRange, changes: readonly TextChange[]): OffsetRange {
  return [...changes].sort((a, b) => b.rangeOffset - a.rangeOffset).reduce(mapRange, range);
}
