/**
 * A literal prefilter for a rail's regex: from the regex's own source, the two- or three-character
 * literals every match must start with. A rail whose literals are nowhere in the text cannot match, so
 * its regex is not run. Why: each stakes kind is one regex of 10–50 alternatives, and irregexp tries them
 * at every word start of the 512-character window (2–5 µs per kind, 28% of an 8 KB decision); one union
 * regex of all kinds was slower. Most prompts contain none of a kind's literals, and one pass over the
 * window's word starts answers that for every kind at once.
 *
 * Derived, not hand-written, so it can never drift from the patterns: a branch whose start this parser
 * cannot pin to a literal of two or more characters makes its regex run always (never a missed match).
 */

/** Every match starts with one of `wordStart` at a word start, or contains `anywhere`; `undefined` = run always. */
export interface Literals {
  wordStart: string[];
  anywhere: string[];
  digitWordStart: boolean;
}

type Node =
  | { t: 'char'; c: string; min: number; max: number }
  | { t: 'group'; alts: Node[][]; min: number; max: number; zeroWidth: boolean }
  | { t: 'wordBoundary' }
  | { t: 'digit' }
  | { t: 'stop' };

const WORD = /^[a-z0-9_]$/i;

/** The regex source as a tree: literal characters, groups and what ends a literal prefix. */
function parse(src: string): Node[][] {
  let i = 0;
  const quant = (): { min: number; max: number } => {
    const c = src[i];
    if (c === '?') return (i++, { min: 0, max: 1 });
    if (c === '*') return (i++, { min: 0, max: Infinity });
    if (c === '+') return (i++, { min: 1, max: Infinity });
    if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
      if (m) {
        i += m[0].length;
        return { min: Number(m[1]), max: m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]) };
      }
    }
    return { min: 1, max: 1 };
  };
  const alternation = (): Node[][] => {
    const alts: Node[][] = [[]];
    while (i < src.length && src[i] !== ')') {
      const c = src[i];
      const seq = alts[alts.length - 1];
      if (c === '|') {
        i++;
        alts.push([]);
      } else if (c === '(') {
        let zeroWidth = false;
        if (src.startsWith('(?:', i)) i += 3;
        else if (/^\(\?<?[=!]/.test(src.slice(i))) {
          zeroWidth = true;
          i += src[i + 2] === '<' ? 4 : 3;
        } else if (src.startsWith('(?<', i)) i = src.indexOf('>', i) + 1;
        else i++;
        const inner = alternation();
        i++; // ')'
        seq.push({ t: 'group', alts: inner, zeroWidth, ...quant() });
      } else if (c === '\\') {
        const e = src[i + 1];
        i += 2;
        if (e === 'b') seq.push({ t: 'wordBoundary' });
        else if (e === 'd') {
          const q = quant();
          seq.push(q.min === 0 ? { t: 'stop' } : { t: 'digit' });
        } else if (/[a-zA-Z0-9]/.test(e)) {
          quant();
          seq.push({ t: 'stop' }); // \w, \s, \B, \u…, backreferences: no literal
        } else seq.push({ t: 'char', c: e, ...quant() });
      } else if (c === '[' || c === '.' || c === '^' || c === '$') {
        if (c === '[') i = classEnd(src, i);
        else i++;
        quant();
        seq.push({ t: 'stop' });
      } else {
        i++;
        seq.push({ t: 'char', c, ...quant() });
      }
    }
    return alts;
  };
  return alternation();
}

function classEnd(src: string, i: number): number {
  for (let j = i + 1; j < src.length; j++) {
    if (src[j] === '\\') j++;
    else if (src[j] === ']') return j + 1;
  }
  return src.length;
}

interface Prefix {
  text: string;
  /** A \b before the first character (which is a word character): the match starts at a word start. */
  anchored: boolean;
  digit: boolean;
}

// Literal prefixes are read up to this many characters: the longer, the fewer false candidates ("in prod",
// not "in "), and each is checked with one startsWith.
const LONG = 12;

/**
 * The literal prefixes (up to LONG characters) of every way through `seq` from `at`, continuing into the
 * enclosing sequences (`rest`) when a group ends. Sound, not tight: a prefix may be shorter than LONG.
 */
function prefixes(seq: Node[], at: number, acc: Prefix, rest: Array<[Node[], number]>, out: Prefix[]): void {
  if (acc.text.length >= LONG || acc.digit) return void out.push(acc);
  if (at >= seq.length) {
    if (rest.length === 0) return void out.push(acc);
    const [s, j] = rest[rest.length - 1];
    return prefixes(s, j, acc, rest.slice(0, -1), out);
  }
  const n = seq[at];
  if (n.t === 'wordBoundary') return prefixes(seq, at + 1, acc.text === '' ? { ...acc, anchored: true } : acc, rest, out);
  if (n.t === 'stop') return void out.push(acc);
  if (n.t === 'digit') return void out.push(acc.text === '' ? { ...acc, digit: true } : acc);
  if (n.t === 'char') {
    if (acc.text === '' && acc.anchored && !WORD.test(n.c)) acc = { ...acc, anchored: false };
    if (n.min === 0) prefixes(seq, at + 1, acc, rest, out);
    const taken = { ...acc, text: acc.text + n.c };
    // Once more than one repeat is possible, what follows is not known: the prefix ends here.
    if (n.max > 1) return void out.push(taken);
    return prefixes(seq, at + 1, taken, rest, out);
  }
  if (n.zeroWidth) return prefixes(seq, at + 1, acc, rest, out);
  if (n.min === 0) prefixes(seq, at + 1, acc, rest, out);
  for (const alt of n.alts) {
    if (n.max > 1) prefixes(alt, 0, acc, [], out);
    else prefixes(alt, 0, acc, [...rest, [seq, at + 1]], out);
  }
}

/** The literals of a regex, or undefined when some way through it starts with no literal of ≥ 2 characters. */
export function literalsOf(re: RegExp): Literals | undefined {
  if (re.flags.includes('i')) return undefined;
  const out: Prefix[] = [];
  for (const alt of parse(re.source)) prefixes(alt, 0, { text: '', anchored: false, digit: false }, [], out);
  const lit: Literals = { wordStart: [], anywhere: [], digitWordStart: false };
  for (const p of out) {
    if (p.digit && p.anchored && p.text === '') lit.digitWordStart = true;
    else if (p.text.length < 2) return undefined;
    else if (p.anchored && WORD.test(p.text[0])) lit.wordStart.push(p.text);
    else lit.anywhere.push(p.text);
  }
  lit.wordStart = [...new Set(lit.wordStart)];
  lit.anywhere = [...new Set(lit.anywhere)];
  return lit;
}

// \w of a regex without the u flag: what \b tests. A word start is a \w character after a non-\w one.
const WORD_ASCII = Uint8Array.from({ length: 128 }, (_, c) => (/\w/.test(String.fromCharCode(c)) ? 1 : 0));
// A hint of 5 bits a character (a–z, everything else 0) for the table of first three characters;
// collisions are harmless because every hit is confirmed with startsWith.
const CODE = Uint8Array.from({ length: 128 }, (_, c) => (c >= 97 && c <= 122 ? c - 96 : 0));
const code = (c: number): number => (c < 128 ? CODE[c] : 0);

/**
 * Prefilters for many regexes at once: `candidates(text)` flags the regexes that may match (a regex
 * without literals is always flagged). One pass over the text's word starts: the first three characters
 * index a table of the literals that start so, each confirmed with startsWith.
 */
export class LiteralPrefilter {
  private readonly always: Uint8Array;
  private readonly flags: Uint8Array;
  private readonly digit: number[] = [];
  // Buckets of [literal, regex index], indexed by the hint of their first two (short) or three characters, +1.
  private readonly table3 = new Int16Array(1 << 15);
  private readonly table2 = new Int16Array(1 << 10);
  private readonly buckets: Array<Array<[string, number]>> = [];
  private readonly anywhere: Array<[string, number]> = [];

  constructor(regexes: readonly RegExp[]) {
    this.always = new Uint8Array(regexes.length);
    this.flags = new Uint8Array(regexes.length);
    regexes.forEach((re, k) => {
      const lit = literalsOf(re);
      if (!lit) {
        this.always[k] = 1;
        return;
      }
      for (const s of compact(lit.wordStart)) {
        const [table, at] =
          s.length === 2
            ? [this.table2, (code(s.charCodeAt(0)) << 5) | code(s.charCodeAt(1))]
            : [this.table3, (code(s.charCodeAt(0)) << 10) | (code(s.charCodeAt(1)) << 5) | code(s.charCodeAt(2))];
        if (table[at] === 0) table[at] = this.buckets.push([]);
        this.buckets[table[at] - 1].push([s, k]);
      }
      if (lit.digitWordStart) this.digit.push(k);
      for (const s of lit.anywhere) this.anywhere.push([s, k]);
    });
  }

  /** Per regex, 1 when it may match `text`. The array is reused by the next call: read it before. */
  candidates(text: string): Uint8Array {
    const flags = this.flags;
    flags.set(this.always);
    const n = text.length;
    const { table2, table3, buckets } = this;
    let prevWord = false;
    let digit = false;
    for (let i = 0; i < n; i++) {
      const a = text.charCodeAt(i);
      const w = a < 128 ? WORD_ASCII[a] === 1 : false;
      if (w && !prevWord) {
        if (a <= 57) digit = true;
        if (i + 1 >= n) break;
        const h2 = (CODE[a] << 5) | code(text.charCodeAt(i + 1));
        const b2 = table2[h2];
        if (b2 !== 0) confirm(buckets[b2 - 1], text, i, flags);
        const b3 = i + 2 < n ? table3[(h2 << 5) | code(text.charCodeAt(i + 2))] : 0;
        if (b3 !== 0) confirm(buckets[b3 - 1], text, i, flags);
      }
      prevWord = w;
    }
    if (digit) for (const k of this.digit) flags[k] = 1;
    for (const [s, k] of this.anywhere) if (flags[k] === 0 && text.includes(s)) flags[k] = 1;
    return flags;
  }
}

/**
 * The literals to look up: one that has another literal as its prefix is dropped ("deposits" when
 * "deposit" is there: every text starting with it starts with the shorter one). Literals still sharing
 * their first three characters, when there are more than COMPACT_ABOVE of them, are replaced by their
 * longest common prefix ("lose data", "lose any data", "losing writes"… → "los"): one startsWith instead
 * of dozens, and a shorter prefix of a match is still a prefix of it. Why the dropping first and the
 * limit of 12 (was 4): a three-letter prefix common in prose ("dep" of deposit/depot, "sta") let a
 * kind's regex run on most long prompts; a few more startsWith calls cost far less than the regex.
 */
const COMPACT_ABOVE = 12;
function compact(literals: readonly string[]): string[] {
  const unique = [...new Set(literals)];
  const kept = unique.filter((s) => !unique.some((o) => o !== s && s.startsWith(o)));
  const groups = new Map<string, string[]>();
  for (const s of kept) {
    const g = groups.get(s.slice(0, 3));
    if (g) g.push(s);
    else groups.set(s.slice(0, 3), [s]);
  }
  return [...groups.values()].flatMap((g) => {
    if (g.length <= COMPACT_ABOVE) return g;
    let p = g[0];
    for (const s of g) while (!s.startsWith(p)) p = p.slice(0, -1);
    return [p];
  });
}

function confirm(bucket: ReadonlyArray<readonly [string, number]>, text: string, at: number, flags: Uint8Array): void {
  for (let j = 0; j < bucket.length; j++) {
    const k = bucket[j][1];
    if (flags[k] === 0 && text.startsWith(bucket[j][0], at)) flags[k] = 1;
  }
}
