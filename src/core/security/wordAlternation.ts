/**
 * A regex alternation of `words` factored by common prefixes (`a(?:lgolia|sana)|b(?:…)`). V8 tries a
 * plain `w1|w2|…|w100` alternative by alternative at every position; factored, a position that starts
 * no word fails on its first character. It matches exactly the same strings. Words are letters,
 * digits, `_` and `-` only (no regex syntax).
 */
export function wordAlternation(words: readonly string[]): string {
  return alternation([...new Set(words)].sort());
}

function alternation(words: string[]): string {
  const byFirst = new Map<string, string[]>();
  let optional = false;
  for (const w of words) {
    if (w === '') optional = true;
    else byFirst.set(w[0], [...(byFirst.get(w[0]) ?? []), w.slice(1)]);
  }
  const branches = [...byFirst].map(([c, rests]) => {
    if (rests.length === 1) return c + rests[0];
    const inner = alternation(rests);
    // An inner result is either one group already (`(?:…)?`) or a list of branches to group.
    return c + (inner.startsWith('(?:') && inner.endsWith(')?') ? inner : `(?:${inner})`);
  });
  const body = branches.join('|');
  return optional ? `(?:${body})?` : body;
}
