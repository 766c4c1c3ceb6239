/** Identifiers, numbers, strings and single punctuation: enough to see a block repeat itself. */
const TOKEN = /[A-Za-z_$][\w$]*|\d[\w.]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`\n]*`|[^\s\w]/g;
const LITERAL = /^(?:\d|["'`])/;
const PUNCT = /^[^\w"'`$]/;

/**
 * The share of a code's token n-grams that already occurred earlier in it: what a model stuck in a
 * loop produces (the same statements again with a counter bumped: `step_2`, `do(3)`). Numbers and an
 * identifier's trailing digits are normalised so those variations still count as repeats. Lines that
 * are mostly literals (table rows, test cases, enum values, switch cases returning constants) are
 * data, repetitive by nature, and left out. 0 below `minTokens` tokens.
 */
export function repeatedTokenShare(blocks: readonly string[], n = 10, minTokens = 60): number {
  const tokens: string[] = [];
  for (const code of blocks) {
    for (const line of code.split('\n')) {
      const raw = line.match(TOKEN);
      if (!raw || isDataLine(raw)) continue;
      for (const t of raw) tokens.push(normalise(t));
    }
  }
  if (tokens.length < minTokens) return 0;
  const seen = new Set<string>();
  let repeated = 0;
  const total = tokens.length - n + 1;
  for (let i = 0; i < total; i++) {
    const gram = tokens.slice(i, i + n).join('\u0001');
    if (seen.has(gram)) repeated++;
    else seen.add(gram);
  }
  return repeated / total;
}

function normalise(token: string): string {
  if (/^\d/.test(token)) return '0';
  if (LITERAL.test(token)) return token.replace(/\d+/g, '0');
  return token.replace(/\d+$/, '0');
}

/** A row of data: at least as many literals as identifiers, or a `case`/`when` arm. */
function isDataLine(tokens: readonly string[]): boolean {
  let literals = 0;
  let words = 0;
  for (const t of tokens) {
    if (LITERAL.test(t)) literals++;
    else if (!PUNCT.test(t)) words++;
  }
  if (literals > 0 && literals >= words) return true;
  return tokens[0] === 'case' || tokens[0] === 'when' || (tokens.length > 2 && tokens[1] === '=>' && literals > 0);
}
