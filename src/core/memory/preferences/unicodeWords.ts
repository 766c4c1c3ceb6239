/** A letter, digit or underscore in any script (JavaScript's own `\w` and `\b` only know ASCII). */
const W = '[\\p{L}\\p{N}_]';
const BOUNDARY = `(?:(?<!${W})(?=${W})|(?<=${W})(?!${W}))`;

/**
 * The same pattern with Unicode-aware `\b` and `\w`: without it "método" contains the word "todo",
 * and "\bécris" never matches. Patterns are written with the usual `\b`/`\w` and converted once, at
 * module load. A `\b` after a token (a letter, `)`, `]`, a quantifier) and before none ends a word and becomes
 * "no word character follows"; one before a token and after none starts a word: "no word character precedes": one cheap
 * assertion instead of the full two-sided boundary (kept where the side is unclear, as in `.*\b(`).
 */
export function uw(re: RegExp): RegExp {
  const src = re.source;
  let out = '';
  for (let i = 0; i < src.length; i++) {
    if (src[i] === '\\' && i + 1 < src.length) {
      const next = src[i + 1];
      if (next === 'b') {
        const after = src.slice(i + 2);
        const endsToken = /[\p{L}\p{N}_)\]}?*+]/u.test(src[i - 1] ?? '') && src[i - 2] !== '\\';
        const startsToken = /^(?:[\p{L}\p{N}_[\\]|\((?!\?[=!<]))/u.test(after);
        out += endsToken && !startsToken ? `(?!${W})` : startsToken && !endsToken ? `(?<!${W})` : BOUNDARY;
      } else if (next === 'w') out += W;
      else out += `\\${next}`;
      i++;
      continue;
    }
    out += src[i];
  }
  return new RegExp(out, re.flags.includes('u') ? re.flags : `${re.flags}u`);
}
