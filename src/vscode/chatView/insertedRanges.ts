/** A span of a document as character offsets (what `TextDocument.offsetAt` returns). */
export interface OffsetRange {
  start: number;
  end: number;
}

/**
 * Where text ends up after it replaced each of several selections in one edit: each selection's
 * start moves by what the earlier (in document order) replacements added or removed. Selections
 * in an editor never overlap (VS Code merges them), which this relies on.
 * Returned in document order.
 */
export function insertedRanges(selections: readonly OffsetRange[], insertedLength: number): OffsetRange[] {
  if (!Number.isInteger(insertedLength) || insertedLength < 0) {
    throw new RangeError(`insertedRanges: insertedLength must be a non-negative integer (got ${insertedLength}).`);
  }
  const sorted = [...selections].sort((a, b) => a.start - b.start);
  let shift = 0;
  return sorted.map((s) => {
    if (!(s.start >= 0 && s.end >= s.start)) {
      throw new RangeError(`insertedRanges: bad selection ${JSON.stringify(s)}.`);
    }
    const start = s.start + shift;
    shift += insertedLength - (s.end - s.start);
    return { start, end: start + insertedLength };
  });
}

/** The text as the document will store it: VS Code converts line endings to the document's. */
export function withEol(text: string, eol: '\n' | '\r\n'): string {
  return text.replace(/\r\n|\r|\n/g, eol);
}
