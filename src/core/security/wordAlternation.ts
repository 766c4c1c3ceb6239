/**
 * A regex alternation of `words` factored by common prefixes (`a(?:lgolia|sana)|b(?:…)`). V8 tries a
 * plain `w1|w2|…|w100` alternative by alternative at every position; factored, a position that starts
 * no word fails on its first character. It matches exactly the same strings. Words are letters,
 * digits, `_` and `-` only (no regex syntax).
 */
export function wordAlternation(words: readonly string[]): string {
  return alternation([...new Set(words)].sort()).source;
}

/** `atomic`: the source needs no group to be followed by more (one branch, or already one group). */
function alternation(words: string[]): { source: string; atomic: boolean } {
  const byFirst = new Map<string, string[]>();
  let optional = false;
  for (const w of words) {
    if (w === '') optional = true;
    else byFirst.set(w[0], [...(byFirst.get(w[0]) ?? []), w.slice(1)]);
  }
  const branches = [...byFirst].map(([c, rests]) => {
    const inner = alternation(rests);
    return c + (inner.atomic ? inner.source : `(?:${inner.source})`);
  });
  const source = branches.join('|');
  if (branches.length === 0) return { source: '', atomic: true };
  if (optional) return { source: branches.length === 1 && branches[0].length === 1 ? `${source}?` : `(?:${source})?`, atomic: true };
  return { source, atomic: branches.length <= 1 };
}
