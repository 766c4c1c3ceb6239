/**
 * The topic rule's words — maximal runs of WORD_CHAR code points, as `text.match(WORD)` lists them —
 * asked about without listing them: is there a word starting with this prefix, a word equal to this
 * one, at least n words? On a 4 KB answer the list was the largest cost of the rule (≈ 700 strings
 * made for the one or two terms an answer does not contain as written). Same answers as the list
 * (gateFastPaths.test.ts compares them on generated text).
 */
export const WORD = /[\p{L}\p{N}_$#+]+/gu;
const WORD_COUNTER = new RegExp(WORD.source, WORD.flags); // its own lastIndex
const NON_ASCII_WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** Whether code point `c` is one WORD matches (ASCII decided by hand, the rest by the regex). */
function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c === 35 || c === 43;
  return NON_ASCII_WORD_CHAR.test(String.fromCodePoint(c));
}

const isHigh = (u: number) => u >= 0xd800 && u <= 0xdbff;
const isLow = (u: number) => u >= 0xdc00 && u <= 0xdfff;

/** The code point ending just before index i (a surrogate pair counts as one), or -1 at the start. */
function codePointBefore(text: string, i: number): number {
  if (i <= 0) return -1;
  const u = text.charCodeAt(i - 1);
  return isLow(u) && i >= 2 && isHigh(text.charCodeAt(i - 2)) ? (text.codePointAt(i - 2) ?? u) : u;
}

/** Where the word starting at i ends (i itself when none starts there); -1 when i splits a surrogate pair. */
function wordEndFrom(text: string, i: number): number {
  if (i > 0 && isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1))) return -1;
  if (isWordChar(codePointBefore(text, i))) return i; // inside a word, not at its start
  let j = i;
  while (j < text.length) {
    const c = text.codePointAt(j) ?? 0;
    if (!isWordChar(c)) break;
    j += c > 0xffff ? 2 : 1;
  }
  return j;
}

/** Some word of `text` starts with `prefix` (UTF-16 units, as String.prototype.startsWith compares). */
export function hasWordStarting(text: string, prefix: string): boolean {
  if (prefix === '') return hasWords(text, 1);
  for (let i = text.indexOf(prefix); i >= 0; i = text.indexOf(prefix, i + 1)) if (wordEndFrom(text, i) >= i + prefix.length) return true;
  return false;
}

/** Some word of `text` is exactly `word`. */
export function hasWordEqual(text: string, word: string): boolean {
  if (word === '') return false;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) if (wordEndFrom(text, i) === i + word.length) return true;
  return false;
}

/** Whether `text` has at least `n` words: counted, stopping at `n`, not listed. */
export function hasWords(text: string, n: number): boolean {
  const re = WORD_COUNTER;
  re.lastIndex = 0;
  let seen = 0;
  while (seen < n && re.exec(text)) seen++;
  re.lastIndex = 0;
  return seen >= n;
}
