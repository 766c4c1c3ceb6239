/**
 * One kind's alternatives, each its own regex (`parts`), in the order the kind as one regex (`re`) tries
 * them: alternatives with a leading \b first, then the others. A kind's match is its parts' leftmost one
 * (the earlier part on a tie), which is what `re` finds; running only the parts whose literals occur
 * (see literalPrefilter) costs a fraction of running `re`, which tries every alternative at every word start.
 */
export interface Rail {
  kind: string;
  /** The kind as one regex: what the parts together must match (stakesRails.test checks it on every labelled row). */
  re: RegExp;
  parts: RegExp[];
}

export function rail(kind: string, alternatives: string[]): Rail {
  const B = String.raw`\b`;
  const anchored = alternatives.filter((x) => x.startsWith(B)).map((x) => x.slice(B.length));
  const other = alternatives.filter((x) => !x.startsWith(B));
  return {
    kind,
    re: new RegExp([`${B}(?:${anchored.join('|')})`, ...other].join('|')),
    parts: [...anchored.map((x) => new RegExp(`${B}(?:${x})`)), ...other.map((x) => new RegExp(x))],
  };
}
