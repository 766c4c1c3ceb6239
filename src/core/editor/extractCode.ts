import { checkCodeSyntax } from './checkCodeSyntax';
import { fenceMatches, languageLabel } from '../languages';

export type ExtractedCode =
  | {
      ok: true;
      code: string;
      /** The prose around the code (the model's note on what changed), trimmed. */
      explanation: string;
      /** How many fenced blocks in the answer were in the document's language (1 when the answer was bare code). */
      candidates: number;
    }
  | { ok: false; reason: string };

interface Fence {
  tag: string;
  code: string;
  closed: boolean;
  start: number;
  end: number;
}

/** Fenced blocks (``` or ~~~, three or more) in order; an unclosed last block runs to the end. */
export function fencedBlocks(text: string): Fence[] {
  const lines = text.split('\n');
  const out: Fence[] = [];
  let open: { marker: string; tag: string; body: string[]; start: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!open) {
      const m = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(line);
      if (m) open = { marker: m[1], tag: m[2], body: [], start: i };
      continue;
    }
    const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
    if (close && close[1][0] === open.marker[0] && close[1].length >= open.marker.length) {
      out.push({ tag: open.tag, code: open.body.join('\n'), closed: true, start: open.start, end: i });
      open = undefined;
    } else {
      open.body.push(line);
    }
  }
  if (open) out.push({ tag: open.tag, code: open.body.join('\n'), closed: false, start: open.start, end: lines.length - 1 });
  return out;
}

/**
 * The code to apply from a model's answer for a document in `languageId`. The answer must hold a
 * fenced block in that language (or an untagged one), or be bare code; prose, a block in another
 * language, a cut-off block or code that does not parse (where a parser is at hand, and when the
 * `original` it replaces parsed) is refused with the reason, so nothing wrong is ever applied.
 */
export function extractCode(answer: string, languageId: string, original?: string): ExtractedCode {
  if (typeof answer !== 'string' || answer.trim() === '') return { ok: false, reason: 'The model returned an empty answer.' };
  const lang = languageLabel(languageId);
  const blocks = fencedBlocks(answer);
  let code: string;
  let explanation = '';
  let candidates = 1;
  if (blocks.length === 0) {
    if (!looksLikeCode(answer)) return { ok: false, reason: `The model answered in prose, not ${lang} code, so there is nothing to apply.` };
    code = answer.replace(/^\n+|\s+$/g, '');
  } else {
    const matching = blocks.filter((b) => fenceMatches(b.tag, languageId));
    if (matching.length === 0) {
      const tags = [...new Set(blocks.map((b) => b.tag || 'untagged'))].join(', ');
      return { ok: false, reason: `The model's code is not ${lang} (its blocks are: ${tags}), so it was not applied.` };
    }
    if (matching.every((b) => !b.closed)) return { ok: false, reason: 'The answer was cut off in the middle of the code, so it was not applied.' };
    const closed = matching.filter((b) => b.closed);
    // Asked for one block; when a model shows "before" and "after", the fuller (later) one is the proposal.
    const best = closed.reduce((a, b) => (b.code.trim().length >= a.code.trim().length ? b : a));
    candidates = closed.length;
    code = best.code.replace(/\s+$/, '');
    const lines = answer.split('\n');
    explanation = [...lines.slice(0, blocks[0].start), ...lines.slice(blocks[blocks.length - 1].end + 1)]
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  }
  if (code.trim() === '') return { ok: false, reason: 'The model returned an empty code block.' };
  // A fragment that did not parse on its own (half a statement, an object's members) is not held to parsing.
  const problem = original === undefined || checkCodeSyntax(original, languageId) === undefined ? checkCodeSyntax(code, languageId) : undefined;
  if (problem) return { ok: false, reason: `The model's ${lang} code does not parse (${problem}), so it was not applied.` };
  return { ok: true, code, explanation, candidates };
}

/** The code streamed so far (the first block in the language, closed or not), for the live preview. */
export function partialCode(answerSoFar: string, languageId: string): string | undefined {
  const block = fencedBlocks(answerSoFar).find((b) => fenceMatches(b.tag, languageId));
  if (!block) return undefined;
  // A half-written last line may be a closing fence in the making.
  return block.closed ? block.code : block.code.replace(/\n[^\n]*$/, '');
}

/**
 * Bare answers (no fence) count as code only when no line reads like a sentence and some line has
 * code punctuation: "Sure! Here is the refactored function." must not be written into a file.
 */
export function looksLikeCode(text: string): boolean {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) return false;
  const comment = /^(\/\/|#|\*|\/\*|--|"""|''')/;
  const sentence = (l: string) => !comment.test(l) && /^[A-Z][a-z']*(\s+[A-Za-z][\w'’,-]*){4,}[.!?:]$/.test(l);
  if (lines.some(sentence)) return false;
  return lines.some((l) => /[=;{}()[\]]/.test(l));
}

/**
 * Gives the proposal the indentation of the code it replaces: models often return a method body
 * flush left although it sits two levels deep. Only adds indentation, and only when the proposal has
 * none in common while the original had some.
 */
export function matchIndentation(original: string, proposed: string): string {
  const want = commonIndent(original);
  if (want === '' || commonIndent(proposed) !== '') return proposed;
  return proposed
    .split('\n')
    .map((l) => (l.trim() === '' ? l : want + l))
    .join('\n');
}

function commonIndent(text: string): string {
  const indents = text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => /^[ \t]*/.exec(l)![0]);
  if (indents.length === 0) return '';
  return indents.reduce((a, b) => {
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return a.slice(0, i);
  });
}
