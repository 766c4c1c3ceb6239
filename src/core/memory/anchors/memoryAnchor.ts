import type { MemoryRecord, MemoryTags } from '../store/MemoryRecord';
import type { LineSpan } from './assessAnchor';

/**
 * A memory remembered from a selection keeps where it came from in its tags (flat scalars, so they
 * fit the store's metadata): the file is `metadata.sourceFile`, the lines are these tags.
 */
export const ANCHOR_TAGS = {
  start: 'anchorStartLine',
  end: 'anchorEndLine',
  /** The code as the user confirmed it (after it changed): later changes are measured against this. */
  snapshot: 'anchorSnapshot',
  stale: 'possiblyStale',
  reason: 'staleReason',
  since: 'staleSince',
} as const;

/** A confirmed snapshot longer than this is not kept (the memory text stays the basis). */
const MAX_SNAPSHOT_CHARS = 4_000;

/** Retrieval multiplies a possibly-stale memory's relevance by this: still findable, ranked lower. */
export const STALE_RELEVANCE_FACTOR = 0.5;

export function anchorTags(span: LineSpan): MemoryTags {
  return { [ANCHOR_TAGS.start]: span.startLine, [ANCHOR_TAGS.end]: span.endLine };
}

/** The lines a memory was remembered from, when it was remembered from a selection. */
export function readAnchor(record: MemoryRecord): (LineSpan & { file: string }) | undefined {
  const tags = record.metadata.tags ?? {};
  const start = tags[ANCHOR_TAGS.start];
  const end = tags[ANCHOR_TAGS.end];
  const file = record.metadata.sourceFile;
  if (!file || typeof start !== 'number' || typeof end !== 'number' || !(start >= 1 && end >= start)) return undefined;
  return { file, startLine: start, endLine: end };
}

export function isPossiblyStale(record: MemoryRecord): boolean {
  return record.metadata.tags?.[ANCHOR_TAGS.stale] === true;
}

export function staleReason(record: MemoryRecord): string | undefined {
  const r = record.metadata.tags?.[ANCHOR_TAGS.reason];
  return typeof r === 'string' ? r : undefined;
}

/** What the code is compared with: the snapshot confirmed last, else the remembered text. */
export function anchorBasis(record: MemoryRecord): string {
  const snap = record.metadata.tags?.[ANCHOR_TAGS.snapshot];
  return typeof snap === 'string' && snap.trim() !== '' ? snap : record.text;
}

/**
 * Tags after flagging (or, with `reason` undefined, confirming) a memory. Other tags are kept.
 * Confirming with the current code as `snapshot` makes it the new basis for later comparisons.
 */
export function withStaleness(tags: MemoryTags | undefined, reason: string | undefined, now: number, span?: LineSpan, snapshot?: string): MemoryTags {
  const next: MemoryTags = { ...(tags ?? {}) };
  delete next[ANCHOR_TAGS.stale];
  delete next[ANCHOR_TAGS.reason];
  delete next[ANCHOR_TAGS.since];
  if (reason !== undefined) Object.assign(next, { [ANCHOR_TAGS.stale]: true, [ANCHOR_TAGS.reason]: reason, [ANCHOR_TAGS.since]: now });
  if (span) Object.assign(next, anchorTags(span));
  if (snapshot !== undefined && snapshot.length <= MAX_SNAPSHOT_CHARS) next[ANCHOR_TAGS.snapshot] = snapshot;
  return next;
}
