import type { OffsetRange } from './CodeTarget';

/** One text change as editors report it: offsets in the document BEFORE the change. */
export interface TextChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

/** Where the code a proposal replaces is now, and whether anyone edited the code itself. */
export interface FollowedRange {
  range: OffsetRange;
  /** True once a change replaced or inserted text inside the range (typing at its edges is outside). */
  touched: boolean;
}

/**
 * Follows the target of a proposal through the user's edits while the model works. Edits elsewhere
 * only move it; an edit inside it marks it touched (Apply then refuses: it would overwrite them).
 */
export function followChange(f: FollowedRange, c: TextChange): FollowedRange {
  const { start, end } = f.range;
  const cStart = c.rangeOffset;
  const cEnd = c.rangeOffset + c.rangeLength;
  const delta = c.text.length - c.rangeLength;
  const shifted = { ...f, range: { start: start + delta, end: end + delta } };
  if (c.rangeLength === 0) {
    // Typing right before the code moves it; typing right after it leaves it where it is.
    if (cStart <= start) return shifted;
    if (cStart >= end) return f;
  } else {
    if (cEnd <= start) return shifted;
    if (cStart >= end) return f;
  }
  // Overlaps: the code itself was edited. Keep a range covering both, so it can still be shown.
  return { touched: true, range: { start: Math.min(start, cStart), end: Math.max(end, cEnd) + delta } };
}

/** Applies one event's changes (all in pre-event offsets) from the last to the first. */
export function followChanges(f: FollowedRange, changes: readonly TextChange[]): FollowedRange {
  return [...changes].sort((a, b) => b.rangeOffset - a.rangeOffset).reduce(followChange, f);
}

export type ApplyDecision =
  | { action: 'apply'; range: OffsetRange }
  /** The file changed elsewhere: apply at the code's new place, and say so. */
  | { action: 'rebase'; range: OffsetRange; message: string }
  | { action: 'refuse'; message: string };

export interface ApplyCheck {
  /** The document's version when the request was made, and now. */
  requestVersion: number;
  currentVersion: number;
  followed: FollowedRange;
  /** The code as it was when the request was made. */
  original: string;
  /** The document's text at `followed.range` now. */
  current: string;
  /** The document was closed or deleted. */
  gone?: boolean;
}

/**
 * Whether Apply may write the proposal. It never overwrites the user's edits: if the code the
 * proposal replaces was edited (or no longer reads as it did), it refuses; if only the rest of the
 * file changed, it re-bases onto the code's new place.
 */
export function decideApply(c: ApplyCheck): ApplyDecision {
  if (c.gone) return { action: 'refuse', message: 'The file was closed or deleted since Jarvis was asked; nothing was changed.' };
  if (c.currentVersion === c.requestVersion && !c.followed.touched) return { action: 'apply', range: c.followed.range };
  if (c.followed.touched || c.current !== c.original) {
    return {
      action: 'refuse',
      message:
        'You edited this code while Jarvis was working, so applying the proposal would overwrite your changes. Nothing was changed; run the command again on the current code.',
    };
  }
  return {
    action: 'rebase',
    range: c.followed.range,
    message: 'The file changed since Jarvis was asked; the proposal was applied to the same code at its new position.',
  };
}
