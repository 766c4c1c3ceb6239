import type { QualityRule } from '../QualityRule';

// Closing braces, brackets and separators: lines every code repeats.
const TRIVIAL_LINE = /^[\s{}()[\];,]*$/;

/**
 * Repetition loops: a small model repeating a sentence, a bullet pair or a whole code block. Prose is
 * measured as the share of repeated word 4-grams, code as the share of repeated non-trivial lines
 * (over all blocks together, so a block pasted five times counts). Ordinary text repeats almost none
 * of its 4-grams; code repeats a few lines (closing braces are ignored).
 */
export const repetitionRule: QualityRule = {
  name: 'repetition',
  check({ answer }) {
    const prose = repeatedShare(answer.prose.toLowerCase().match(/[\p{L}\p{N}_'’]+/gu) ?? [], 4, 30);
    let lines = 0;
    const distinct = new Set<string>();
    for (const b of answer.blocks) {
      for (const raw of b.code.split('\n')) {
        const l = raw.trim();
        if (l.length < 4 || TRIVIAL_LINE.test(l)) continue;
        lines++;
        distinct.add(l);
      }
    }
    const code = lines >= 6 ? 1 - distinct.size / lines : 0;
    const proseSeverity = clamp((prose - 0.15) / 0.35);
    const codeSeverity = clamp((code - 0.3) / 0.35);
    const severity = Math.max(proseSeverity, codeSeverity);
    if (severity <= 0) return undefined;
    const where = proseSeverity >= codeSeverity ? `${Math.round(prose * 100)}% of its phrases` : `${Math.round(code * 100)}% of its code lines`;
    return { rule: 'repetition', severity, reason: `repeats itself (${where} are repeats)`, note: 'repeats itself' };
  },
};

/** Share of n-grams that already occurred earlier; 0 below `min` tokens (too short to judge). */
export function repeatedShare(tokens: string[], n: number, min: number): number {
  if (tokens.length < min) return 0;
  const total = tokens.length - n + 1;
  // Each distinct token gets a small number and an n-gram becomes one number in base `distinct`
  // (exact while distinct^n stays below 2^53): no substring joined per position, which was most of
  // the rule's time. Tokens are words without spaces, so equal numbers mean equal n-grams.
  const ids = new Map<string, number>();
  const seq = new Array<number>(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    let id = ids.get(tokens[i]);
    if (id === undefined) ids.set(tokens[i], (id = ids.size));
    seq[i] = id;
  }
  const base = Math.max(2, ids.size);
  if (base ** n >= Number.MAX_SAFE_INTEGER) return repeatedShareByText(tokens, n, total);
  const seen = new Set<number>();
  let repeats = 0;
  for (let i = 0; i < total; i++) {
    let gram = 0;
    for (let k = 0; k < n; k++) gram = gram * base + seq[i + k];
    if (seen.has(gram)) repeats++;
    else seen.add(gram);
  }
  return repeats / total;
}

/** The same share for answers with too many distinct words for numbered n-grams. */
function repeatedShareByText(tokens: string[], n: number, total: number): number {
  const seen = new Set<string>();
  let repeats = 0;
  for (let i = 0; i < total; i++) {
    const gram = tokens.slice(i, i + n).join(' ');
    if (seen.has(gram)) repeats++;
    else seen.add(gram);
  }
  return repeats / total;
}

function clamp(x: number): number {
  return Math.max(0, Math.min(1, x));
}
