/**
 * The parts of eld 2's "small" database its `detect` reads: the n-gram table (n-gram → language
 * number → score), its language codes, the separator regex, the byte → character dictionary and the
 * average scores `isReliable` compares with. eld's package exports only its entry files, so these
 * come from its source files (see loadEldDatabase in EldLanguageIdentifier.ts).
 */
export interface EldDatabase {
  ngramsData: { languages: Record<string, string>; ngrams: Record<string, Record<string, number>> };
  separators: RegExp;
  dictionary: readonly string[];
  avgScore: Record<string, number>;
}

/** eld's n-grams are at most 6 characters (a space, 4 bytes, a space), each a byte below 256. */
const MAX_GRAM = 6;
/** eld subtracts this from every stored score to make its database smaller. */
const BASE_NGRAM_SCORE = 53;
/** eld's `orderAndScale` scale and `isReliable` default threshold ratio. */
const SCALE = 25;
const THRESHOLD_RATIO = 0.75;
const SPACE = 32;

/**
 * eld's `detect` (language and `isReliable`) with its scoring loop over typed arrays: eld looks each
 * n-gram up in an 81,000-key object and walks the hit with `for…in`, building a string per n-gram; here
 * an n-gram is a number (its ≤ 6 characters in base 256, and its length), looked up in an
 * open-addressing table, and each hit's language numbers and scores are two small typed arrays.
 * Every step is eld's, in eld's order, on the same data: the scores are integer sums (exact in any
 * order), and the ordering and reliability test copy eld's arithmetic, so the result is eld's
 * (gateFastPaths.test.ts compares the two on every training text and on generated ones).
 */
export class EldScorer {
  /** Open addressing, at most half full: n-gram number (0: empty) and its hit (start × 64 + count). */
  private readonly keys: Float64Array;
  private readonly slots: Int32Array;
  private readonly shift: number;
  private readonly langs: Uint8Array;
  private readonly scores: Uint16Array;
  private readonly chars = new Uint8Array(256);
  private readonly codes: string[];
  private readonly avg: Float64Array;
  private readonly separators: RegExp;
  /** UTF-8 bytes (as eld's dictionary characters) of the words read; eld reads at most ~384 bytes. */
  private readonly buf = new Uint8Array(400);
  private readonly wordEnds = new Int32Array(400);
  private readonly sums: Float64Array;
  /**
   * The n-grams met in this detect (eld counts each once): a stamped open-addressing table instead of
   * a Set of n-gram numbers, which boxed each one (they pass 2^31). A detect adds fewer than 540 (one
   * per 3 bytes of a word and one per word, of at most 400 bytes), so 2,048 slots stay under half full.
   */
  private readonly seenKey = new Float64Array(2048);
  private readonly seenStamp = new Int32Array(2048);
  private stamp = 0;

  /** Undefined when the database is not in the shape this port reads (then eld's own detect is used). */
  static from(db: EldDatabase): EldScorer | undefined {
    try {
      return new EldScorer(db);
    } catch {
      return undefined;
    }
  }

  private constructor(db: EldDatabase) {
    const { ngrams, languages } = db.ngramsData;
    const count = Object.keys(languages).length;
    if (count === 0 || count > 255 || db.dictionary.length !== 256) throw new Error('unexpected eld database');
    this.codes = Array.from({ length: count }, (_, i) => languages[i]);
    this.avg = Float64Array.from(this.codes, (c) => db.avgScore[c] ?? Number.NaN);
    this.sums = new Float64Array(count);
    this.separators = db.separators;
    for (let b = 0; b < 256; b++) {
      const ch = db.dictionary[b];
      if (typeof ch !== 'string' || ch.length !== 1 || ch.charCodeAt(0) > 255) throw new Error('unexpected eld dictionary');
      this.chars[b] = ch.charCodeAt(0);
    }
    const grams = Object.keys(ngrams);
    const bits = Math.max(4, Math.ceil(Math.log2(grams.length * 2)));
    this.keys = new Float64Array(2 ** bits);
    this.slots = new Int32Array(2 ** bits);
    this.shift = 32 - bits;
    let entries = 0;
    for (const g of grams) entries += Object.keys(ngrams[g]).length;
    this.langs = new Uint8Array(entries);
    this.scores = new Uint16Array(entries);
    let at = 0;
    for (const g of grams) {
      let key = 0;
      if (g.length > MAX_GRAM) throw new Error('unexpected eld n-gram');
      for (let i = 0; i < g.length; i++) {
        const c = g.charCodeAt(i);
        if (c > 255) throw new Error('unexpected eld n-gram');
        key = key * 256 + c;
      }
      const start = at;
      const row = ngrams[g];
      for (const lang in row) {
        const l = Number(lang);
        const s = row[lang] + BASE_NGRAM_SCORE;
        if (!(l >= 0 && l < count) || !Number.isInteger(s) || s < 0 || s > 65535) throw new Error('unexpected eld score');
        this.langs[at] = l;
        this.scores[at++] = s;
      }
      this.insert(key * 8 + g.length, start * 64 + (at - start));
    }
  }

  detect(text: string): { language: string | undefined; reliable: boolean } {
    // eld's textProcessor: separators → spaces, trim, lower-case, then UTF-8 bytes word by word.
    const str = text.substring(0, 1000).replace(this.separators, ' ').trim().toLowerCase();
    const { buf, wordEnds } = this;
    let n = 0;
    let words = 0;
    let countBytes = 0;
    for (let i = 0; i < str.length; i++) {
      let c = str.charCodeAt(i);
      if (c < 0x80) {
        if (c === SPACE) {
          if (n > (words === 0 ? 0 : wordEnds[words - 1])) wordEnds[words++] = n;
          if (countBytes > 350) break;
        } else buf[n++] = c;
        countBytes++;
      } else if (c < 0x800) {
        buf[n++] = this.chars[0xc0 | (c >> 6)];
        buf[n++] = this.chars[0x80 | (c & 0x3f)];
        countBytes += 2;
      } else if (c < 0xd800 || c >= 0xe000) {
        buf[n++] = this.chars[0xe0 | (c >> 12)];
        buf[n++] = this.chars[0x80 | ((c >> 6) & 0x3f)];
        buf[n++] = this.chars[0x80 | (c & 0x3f)];
        countBytes += 3;
      } else {
        // As eld: a surrogate takes the next unit with it (NaN & 0x3ff is 0 past the end).
        i++;
        c = 0x10000 + (((c & 0x3ff) << 10) | (str.charCodeAt(i) & 0x3ff));
        buf[n++] = this.chars[0xf0 | (c >> 18)];
        buf[n++] = this.chars[0x80 | ((c >> 12) & 0x3f)];
        buf[n++] = this.chars[0x80 | ((c >> 6) & 0x3f)];
        buf[n++] = this.chars[0x80 | (c & 0x3f)];
        countBytes += 4;
      }
      if (countBytes > 380) break;
    }
    if (n > (words === 0 ? 0 : wordEnds[words - 1])) wordEnds[words++] = n;

    // eld's getByteNgrams (4 bytes, stride 3, a space before a word's first and after its last) and
    // calculateScores: each distinct n-gram counts once.
    const sums = this.sums.fill(0);
    if (++this.stamp === 0x7fffffff) {
      this.stamp = 1;
      this.seenStamp.fill(0);
    }
    const stamp = this.stamp;
    let distinct = 0;
    let long: Set<string> | undefined;
    const add = (key: number) => {
      if (!this.firstTime(key, stamp)) return;
      distinct++;
      const slot = this.find(key);
      if (slot < 0) return;
      const v = this.slots[slot];
      const start = (v - (v & 63)) / 64;
      for (let k = start, end = start + (v & 63); k < end; k++) sums[this.langs[k]] += this.scores[k];
    };
    for (let w = 0, from = 0; w < words; from = wordEnds[w++]) {
      const wordLength = wordEnds[w] - from;
      const len = Math.min(wordLength, 70);
      let j = 0;
      for (; j + 4 < len; j += 3) {
        let key = j === 0 ? SPACE : 0;
        for (let k = from + j; k < from + j + 4; k++) key = key * 256 + buf[k];
        add(key * 8 + (j === 0 ? 5 : 4));
      }
      // The last n-gram: `word.substring(len !== 3 ? len - 4 : 0)`, to the end of the word.
      const tail = from + (len !== 3 ? Math.max(0, len - 4) : 0);
      const length = (j === 0 ? 1 : 0) + (from + wordLength - tail) + 1;
      if (length > MAX_GRAM) {
        // Only a word over 70 bytes ends so: never in the table, still one n-gram more.
        (long ??= new Set()).add(String.fromCharCode(...buf.subarray(tail, from + wordLength)));
        continue;
      }
      let key = j === 0 ? SPACE : 0;
      for (let k = tail; k < from + wordLength; k++) key = key * 256 + buf[k];
      add((key * 256 + SPACE) * 8 + length);
    }
    const numNgrams = distinct + (long?.size ?? 0);

    // eld's getMaxLang (first highest raw score) and LanguageResult.isReliable (on the scaled,
    // stably sorted scores; note eld compares the best score with the runner-up's language number).
    let best = -1;
    let max = 0;
    let first = -1;
    let firstScore = -Infinity;
    let second = -1;
    let secondScore = -Infinity;
    let positive = 0;
    for (let l = 0; l < sums.length; l++) {
      const raw = sums[l];
      if (raw > 0 && raw > max) {
        max = raw;
        best = l;
      }
      if (raw > 0) {
        positive++;
        const ngramScore = raw / numNgrams;
        const scaled = ngramScore / (ngramScore + SCALE);
        if (scaled > firstScore) {
          second = first;
          secondScore = firstScore;
          first = l;
          firstScore = scaled;
        } else if (scaled > secondScore) {
          second = l;
          secondScore = scaled;
        }
      }
    }
    if (best < 0) return { language: undefined, reliable: false };
    const language = this.codes[best];
    if (positive === 0 || numNgrams < 3) return { language, reliable: false };
    const nextScore = positive > 1 ? second : 0;
    const reliable = !(this.avg[best] * THRESHOLD_RATIO > firstScore || 0.01 > Math.abs(firstScore - nextScore));
    return { language: language || undefined, reliable };
  }

  /** Marks `key` as met in the detect with this stamp; false when it already was. */
  private firstTime(key: number, stamp: number): boolean {
    const mask = this.seenKey.length - 1;
    for (let i = this.hash(key) & mask; ; i = (i + 1) & mask) {
      if (this.seenStamp[i] !== stamp) {
        this.seenStamp[i] = stamp;
        this.seenKey[i] = key;
        return true;
      }
      if (this.seenKey[i] === key) return false;
    }
  }

  private hash(key: number): number {
    const lo = (key % 4294967296) | 0;
    const hi = (key / 4294967296) | 0;
    return Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) >>> this.shift;
  }

  private insert(key: number, value: number): void {
    const mask = this.keys.length - 1;
    let i = this.hash(key);
    while (this.keys[i] !== 0) {
      if (this.keys[i] === key) throw new Error('duplicate eld n-gram');
      i = (i + 1) & mask;
    }
    this.keys[i] = key;
    this.slots[i] = value;
  }

  private find(key: number): number {
    const mask = this.keys.length - 1;
    for (let i = this.hash(key); ; i = (i + 1) & mask) {
      const k = this.keys[i];
      if (k === key) return i;
      if (k === 0) return -1;
    }
  }
}
