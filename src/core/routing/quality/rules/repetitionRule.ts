import type { QualityRule } from '../QualityRule';

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
    const lines = answer.blocks
      .flatMap((b) => b.code.split('\n'))
      .map((l) => l.trim())
      .filter((l) => l.length >= 4 && !/^[\s{}()[\];,]*$/.test(l));
    const code = lines.length >= 6 ? 1 - new Set(lines).size / lines.length : 0;
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
  const seen = new Set<string>();
  let repeats = 0;
  const total = tokens.length - n + 1;
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
