import type { QualityRule } from '../QualityRule';
import { repeatedTokenShare } from './codeRepeats';
import { repeatedWordShare } from './repeatedWords';

// Closing braces, brackets and separators: lines every code repeats.
const TRIVIAL_LINE = /^[\s{}()[\];,]*$/;

/**
 * Repetition loops: a small model repeating a sentence, a bullet pair or a whole code block. Prose is
 * measured as the share of repeated word 4-grams, code as the share of repeated token 10-grams with
 * counters normalised (codeRepeats.ts: a loop that bumps `step_2` to `step_3` still repeats) and as the
 * share of repeated non-trivial lines, over all blocks together (a block pasted five times counts).
 * Ordinary text repeats almost none of its 4-grams; code repeats a few lines (closing braces are
 * ignored) and data rows (tables, test cases) are left out of the token measure.
 */
export const repetitionRule: QualityRule = {
  name: 'repetition',
  check({ answer }) {
    // The words are those of PROSE_WORD (repeatedWords.ts), counted where they lie in the text.
    const prose = repeatedWordShare(answer.prose.toLowerCase(), 4, 30);
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
    const byLine = lines >= 6 ? 1 - distinct.size / lines : 0;
    const code = Math.max(byLine, answer.blocks.length > 0 ? repeatedTokenShare(answer.blocks.map((b) => b.code)) : 0);
    const proseSeverity = clamp((prose - 0.15) / 0.35);
    const codeSeverity = clamp((code - 0.3) / 0.35);
    const severity = Math.max(proseSeverity, codeSeverity);
    if (severity <= 0) return undefined;
    const where = proseSeverity >= codeSeverity ? `${Math.round(prose * 100)}% of its phrases` : `${Math.round(code * 100)}% of its code`;
    return { rule: 'repetition', severity, reason: `repeats itself (${where} are repeats)`, note: 'repeats itself' };
  },
};

function clamp(x: number): number {
  return Math.max(0, Math.min(1, x));
}
