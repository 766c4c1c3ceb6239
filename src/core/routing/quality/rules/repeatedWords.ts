/**
 * The repetition rule's prose measure without a list of words: `repeatedShare(text.match(PROSE_WORD),
 * n, min)` as one scan. On a 4 KB answer the match array, a Map from ~400 fresh word strings to
 * numbers and a Set of boxed n-gram numbers were most of the rule's time; here each word is hashed
 * where it lies in the text, numbered through an open-addressing table (equal words compared
 * character by character, so numbers are exact), and repeated n-gram numbers are counted in a
 * second such table. Same share as the plain form (gateFastPaths.test.ts compares them on every training text and
 * on generated ones).
 */
/** The words the repetition rule counts: letters, digits, `_` and the two apostrophes. */
export const PROSE_WORD = /[\p{L}\p{N}_'’]+/gu;
const NON_ASCII_LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

// Whether each BMP code unit is a word character: 0 not yet asked, 1 yes, 2 no. ASCII is set by hand;
// the rest is asked of the regex once per character (answers use few distinct non-ASCII characters).
const BMP = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) BMP[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 39 ? 1 : 2;
BMP[0x2019] = 1; // ’

const isHigh = (u: number) => u >= 0xd800 && u <= 0xdbff;
const isLow = (u: number) => u >= 0xdc00 && u <= 0xdfff;

/**
 * How many code units the word character at i takes (1, or 2 for a surrogate pair), 0 when the code
 * point there is no word character. A lone surrogate is a code point of its own under the `u` flag,
 * and no letter.
 */
function wordCharUnits(text: string, i: number): number {
  const u = text.charCodeAt(i);
  if (isHigh(u) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) {
    return NON_ASCII_LETTER_OR_DIGIT.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  if (isHigh(u) || isLow(u)) return 0;
  let k = BMP[u];
  if (k === 0) BMP[u] = k = NON_ASCII_LETTER_OR_DIGIT.test(String.fromCharCode(u)) ? 1 : 2;
  return k === 1 ? 1 : 0;
}

// Scratch space reused by every call (the function is synchronous, so calls never overlap): typed
// arrays made per call were a fifth of its time. Table slots count as taken when their stamp is the
// call's number, so nothing is cleared between calls.
let starts = new Int32Array(1024);
let ends = new Int32Array(1024);
let seq = new Int32Array(1024);
let firstOf = new Int32Array(1024);
let wordStamp = new Int32Array(2048);
let wordId = new Int32Array(2048);
let gramStamp = new Int32Array(2048);
let gramKey = new Float64Array(2048);
let call = 0;

function nextCall(): number {
  if (++call === 0x7fffffff) {
    call = 1;
    wordStamp.fill(0);
    gramStamp.fill(0);
  }
  return call;
}

/** The same share as `repeatedShare(text.match(PROSE_WORD) ?? [], n, min)`. */
export function repeatedWordShare(text: string, n: number, min: number): number {
  // Word starts and ends (at most one word per two code units, plus one).
  const cap = (text.length >> 1) + 1;
  if (starts.length < cap) {
    starts = new Int32Array(cap);
    ends = new Int32Array(cap);
  }
  let words = 0;
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    let w = c < 128 ? (BMP[c] === 1 ? 1 : 0) : wordCharUnits(text, i);
    if (w === 0) {
      i++;
      continue;
    }
    const s = i;
    while (w > 0) {
      i += w;
      const d = i < text.length ? text.charCodeAt(i) : -1;
      w = d < 0 ? 0 : d < 128 ? (BMP[d] === 1 ? 1 : 0) : wordCharUnits(text, i);
    }
    starts[words] = s;
    ends[words++] = i;
  }
  if (words < min) return 0;

  // Number the words: equal words get equal numbers, in order of first occurrence (as a Map would).
  const size = 1 << Math.max(4, Math.ceil(Math.log2(words * 2)));
  const mask = size - 1;
  if (wordStamp.length < size) {
    wordStamp = new Int32Array(size);
    wordId = new Int32Array(size);
  }
  if (seq.length < words) {
    seq = new Int32Array(words);
    firstOf = new Int32Array(words);
  }
  let stamp = nextCall();
  let distinct = 0;
  for (let w = 0; w < words; w++) {
    const s = starts[w];
    const e = ends[w];
    let h = 0x811c9dc5;
    for (let k = s; k < e; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
    for (let slot = (h >>> 0) & mask; ; slot = (slot + 1) & mask) {
      if (wordStamp[slot] !== stamp) {
        wordStamp[slot] = stamp;
        wordId[slot] = distinct;
        firstOf[distinct] = w;
        seq[w] = distinct++;
        break;
      }
      const id = wordId[slot];
      if (sameWord(text, s, e, starts[firstOf[id]], ends[firstOf[id]])) {
        seq[w] = id;
        break;
      }
    }
  }

  const base = Math.max(2, distinct);
  if (base ** n >= Number.MAX_SAFE_INTEGER) {
    // Too many distinct words for numbered n-grams: the plain form, which joins them as text.
    const tokens: string[] = [];
    for (let w = 0; w < words; w++) tokens.push(text.slice(starts[w], ends[w]));
    return repeatedShare(tokens, n, min);
  }
  // An n-gram seen before is a repeat (as a Set of the numbers would tell), counted in a stamped table.
  const total = words - n + 1;
  if (total <= 0) return 0 / total; // what the plain form returns for fewer words than n (min below n)
  const gramSize = 1 << Math.max(4, Math.ceil(Math.log2(total * 2)));
  const gramMask = gramSize - 1;
  if (gramStamp.length < gramSize) {
    gramStamp = new Int32Array(gramSize);
    gramKey = new Float64Array(gramSize);
  }
  stamp = nextCall();
  let repeats = 0;
  for (let i = 0; i < total; i++) {
    let g = 0;
    for (let k = 0; k < n; k++) g = g * base + seq[i + k];
    const lo = (g % 4294967296) | 0;
    const hi = (g / 4294967296) | 0;
    for (let slot = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) & gramMask; ; slot = (slot + 1) & gramMask) {
      if (gramStamp[slot] !== stamp) {
        gramStamp[slot] = stamp;
        gramKey[slot] = g;
        break;
      }
      if (gramKey[slot] === g) {
        repeats++;
        break;
      }
    }
  }
  return repeats / total;
}

function sameWord(text: string, s1: number, e1: number, s2: number, e2: number): boolean {
  if (e1 - s1 !== e2 - s2) return false;
  for (let k = 0; k < e1 - s1; k++) if (text.charCodeAt(s1 + k) !== text.charCodeAt(s2 + k)) return false;
  return true;
}

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
