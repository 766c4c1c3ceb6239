/** Where a remembered selection came from: 1-based inclusive lines of its file. */
export interface LineSpan {
  startLine: number;
  endLine: number;
}

export type AnchorAssessment =
  /** The remembered code is still there, verbatim (possibly moved: `span` is where it is now). */
  | { state: 'fresh'; span: LineSpan; similarity: 1 }
  /** Edited a little (renames, a changed line): still the same code, at `span`. */
  | { state: 'changed'; span: LineSpan; similarity: number }
  /** Rewritten or deleted: the memory may no longer be true. */
  | { state: 'stale'; reason: string; similarity: number };

/** Below this token similarity the code counts as rewritten. */
export const STALE_SIMILARITY = 0.6;
/** Beyond this many lines only the remembered place is compared (no search for where it moved). */
const MAX_SEARCH_LINES = 5_000;

/** Identifiers, numbers and single punctuation marks: whitespace and layout do not count. */
export function codeTokens(text: string): string[] {
  return text.match(/[A-Za-z_$][\w$]*|\d[\w.]*|[^\s\w]/g) ?? [];
}

/** Dice coefficient of the two token multisets: 1 = same tokens, 0 = nothing in common. */
export function codeSimilarity(a: string, b: string): number {
  const ta = codeTokens(a);
  const tb = codeTokens(b);
  if (ta.length === 0 && tb.length === 0) return 1;
  if (ta.length === 0 || tb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of ta) counts.set(t, (counts.get(t) ?? 0) + 1);
  let shared = 0;
  for (const t of tb) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(t, n - 1);
    }
  }
  return (2 * shared) / (ta.length + tb.length);
}

/**
 * Is the code a memory was taken from still what it was? `documentText` undefined means the file is
 * gone. The remembered text found verbatim anywhere is fresh (re-anchored if it moved); otherwise the
 * most similar window of the same height near the old place (or anywhere, in a small file) decides.
 */
export function assessAnchor(remembered: string, documentText: string | undefined, span: LineSpan): AnchorAssessment {
  if (documentText === undefined) return { state: 'stale', reason: 'its file was deleted', similarity: 0 };
  const wanted = remembered.trim();
  if (wanted === '') return { state: 'stale', reason: 'nothing was remembered', similarity: 0 };
  const at = documentText.indexOf(wanted);
  if (at >= 0) {
    const startLine = lineOf(documentText, at);
    return { state: 'fresh', span: { startLine, endLine: startLine + lineCount(wanted) - 1 }, similarity: 1 };
  }
  const lines = documentText.split('\n');
  if (documentText.trim() === '') return { state: 'stale', reason: 'its code was deleted', similarity: 0 };
  const height = Math.max(1, lineCount(wanted));
  const near = Math.min(Math.max(1, span.startLine), lines.length);
  const candidates: number[] = [];
  if (lines.length <= MAX_SEARCH_LINES) for (let s = 1; s <= Math.max(1, lines.length - height + 1); s++) candidates.push(s);
  else for (let s = Math.max(1, near - 50); s <= Math.min(lines.length, near + 50); s++) candidates.push(s);
  let best = { similarity: -1, startLine: near };
  for (const s of candidates) {
    const window = lines.slice(s - 1, s - 1 + height).join('\n');
    const sim = codeSimilarity(wanted, window);
    // Ties go to the window nearest the old place.
    if (sim > best.similarity || (sim === best.similarity && Math.abs(s - near) < Math.abs(best.startLine - near))) best = { similarity: sim, startLine: s };
  }
  const similarity = Math.round(best.similarity * 100) / 100;
  if (best.similarity < STALE_SIMILARITY) {
    return {
      state: 'stale',
      reason: similarity < 0.2 ? 'its code was deleted or replaced' : `its code was rewritten (${Math.round(similarity * 100)}% alike)`,
      similarity,
    };
  }
  return { state: 'changed', span: { startLine: best.startLine, endLine: Math.min(lines.length, best.startLine + height - 1) }, similarity };
}

function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

function lineCount(text: string): number {
  return text.split('\n').length;
}
