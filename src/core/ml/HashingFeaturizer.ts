import { JarvisError } from '../../common/errors';
import { foldText, fnvStep, isWordUnit, mix32 } from './hashText';
import type { SparseVector } from './SparseVector';

/** Settings of a featurizer; stored in the model file so that inference hashes as training did. */
export interface HashingFeaturizerOptions {
  /** Hash space for the text features, a power of two (2^8 … 2^22). */
  buckets: number;
  /** Word n-grams from 1 up to this (0 disables words). @default 2 */
  wordNgramMax?: number;
  /** Character n-grams inside words (padded with a space at both ends), from min to max. @default 3 */
  charNgramMin?: number;
  /** @default 5 (0 disables character n-grams) */
  charNgramMax?: number;
  /**
   * Only this many characters of text are read: the first three quarters and the last quarter, where a
   * request's ask usually is. Bounds the cost of a 1 MB prompt. @default 4096
   */
  maxChars?: number;
  /** Names of dense numeric features appended after the hashed ones, in this order. @default [] */
  numeric?: string[];
}

// Different seeds per feature family: the word "port" and the character gram "port" are different features.
const WORD_SEED = 0x811c9dc5;
const BIGRAM_SEED = 0x050c5d1f;
const TRIGRAM_SEED = 0x1b873593;
const CHAR_SEED = 0x9747b28c;

/**
 * Turns text (plus optional numeric features) into a sparse vector by the hashing trick: word 1–n-grams
 * and accent-folded character n-grams hashed into a fixed number of signed buckets, L2-normalised so a
 * long prompt does not outweigh a short one. No vocabulary to ship; unseen words still land somewhere.
 * Deterministic: the same text always gives the same vector.
 */
export class HashingFeaturizer {
  readonly options: Readonly<Required<HashingFeaturizerOptions>>;
  /** Length of the vectors produced: buckets + numeric features. */
  readonly dims: number;
  private readonly mask: number;
  // Int32 counts, not float64: a 2^15-bucket scratch of 128 KB stays in cache far better than 256 KB.
  private readonly scratch: Int32Array;
  private readonly touched: Int32Array;

  // Distinct words of the text being featurized (open addressing on the word hash): slot → word hash,
  // first occurrence (start, length) and count. Reused across calls and grown for longer texts, so
  // featurizing allocates no string per word.
  private slotHash = new Uint32Array(0);
  private slotStart = new Int32Array(0);
  private slotLength = new Int32Array(0);
  private slotCount = new Int32Array(0);
  private usedSlots = new Int32Array(0);
  private readonly sortBuffer: Int32Array;

  constructor(options: HashingFeaturizerOptions) {
    this.options = checkOptions(options);
    this.dims = this.options.buckets + this.options.numeric.length;
    this.mask = this.options.buckets - 1;
    this.scratch = new Int32Array(this.options.buckets);
    this.touched = new Int32Array(this.options.buckets);
    this.sortBuffer = new Int32Array(this.options.buckets);
  }

  /**
   * @param numeric values for `options.numeric`, same order; scale them yourself (e.g. log1p of a count).
   */
  featurize(text: string, numeric: ArrayLike<number> = []): SparseVector {
    if (typeof text !== 'string') throw new JarvisError('invalid-input', 'featurize needs a string.');
    return this.featurizeFolded(foldText(clipText(text, this.options.maxChars)), numeric);
  }

  /**
   * The same vector as `featurize(text)`, for a caller that already holds `foldText(clipText(text,
   * maxChars))` (the complexity rails read that same window): the text is not clipped or folded again.
   */
  featurizeFolded(folded: string, numeric: ArrayLike<number> = []): SparseVector {
    this.checkInput(folded, numeric);
    const names = this.options.numeric;
    const touched = this.hashFolded(folded);
    const { scratch } = this;
    const seen = this.touched;
    const numericCount = names.length;
    const indices = new Int32Array(touched + numericCount);
    const values = new Float32Array(touched + numericCount);
    let j = 0;
    let norm = 0;
    // Ascending index order: the vector does not depend on the order hashes arrived in, and models trained
    // by an earlier version (same features, sorted) keep reproducing byte for byte.
    const order = sortBuckets(seen, touched, this.sortBuffer);
    for (let k = 0; k < touched; k++) {
      const b = order[k];
      const v = scratch[b];
      scratch[b] = 0;
      if (v === 0) continue;
      indices[j] = b;
      values[j++] = v;
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    for (let k = 0; k < j; k++) values[k] /= norm;
    for (let k = 0; k < numericCount; k++) {
      const v = Number(numeric[k]);
      indices[j] = this.options.buckets + k;
      values[j++] = Number.isFinite(v) ? v : 0;
    }
    return j === indices.length ? { indices, values } : { indices: indices.slice(0, j), values: values.slice(0, j) };
  }

  /**
   * The hashed text features of `featurizeFolded(folded)` dotted with a feature-major int16 weight table,
   * without building the vector: per class c, `out[c] += Σ count(b) × steps[b × classes + c]` over the
   * text's buckets b (raw counts, integer sums, so exact and independent of order: no sort), and the
   * return value is the L2 norm of the counts the vector would have been divided by (0 for no features).
   * The numeric features are the caller's (they are not hashed). What makes a decision on a long prompt
   * cheaper: no sort, no typed arrays allocated per request.
   */
  dotFolded(folded: string, steps: Int16Array, classes: number, out: Float64Array): number {
    if (typeof folded !== 'string') throw new JarvisError('invalid-input', 'featurize needs a string.');
    if (steps.length < this.options.buckets * classes || out.length < classes)
      throw new JarvisError('invalid-input', 'dotFolded: weights or output too short.');
    const touched = this.hashFolded(folded);
    const { scratch } = this;
    const seen = this.touched;
    let norm = 0;
    for (let k = 0; k < touched; k++) {
      const b = seen[k];
      const v = scratch[b];
      // A bucket listed twice (it summed to 0 and was touched again) reads 0 on its second visit.
      scratch[b] = 0;
      if (v === 0) continue;
      norm += v * v;
      const base = b * classes;
      for (let c = 0; c < classes; c++) out[c] += v * steps[base + c];
    }
    return Math.sqrt(norm);
  }

  private checkInput(folded: string, numeric: ArrayLike<number>): void {
    if (typeof folded !== 'string') throw new JarvisError('invalid-input', 'featurize needs a string.');
    const { numeric: names } = this.options;
    if (numeric.length !== names.length) {
      throw new JarvisError('invalid-input', `Expected ${names.length} numeric features (${names.join(', ')}), got ${numeric.length}.`);
    }
  }

  /**
   * Hashes the text's features into `scratch` (signed counts per bucket) and lists each bucket touched in
   * `touched`; returns how many were listed. The caller reads the counts and sets them back to 0.
   */
  private hashFolded(folded: string): number {
    let touched = 0;
    const { scratch, mask } = this;
    const seen = this.touched;
    const add = (h: number, times: number): void => {
      const m = mix32(h);
      const b = m & mask;
      // A bucket that sums back to exactly zero may be listed twice; the second visit reads 0 and is skipped.
      if (scratch[b] === 0) seen[touched++] = b;
      // The top bit signs the feature: colliding features cancel instead of adding up.
      scratch[b] += m & 0x80000000 ? -times : times;
    };

    const { wordNgramMax, charNgramMin, charNgramMax } = this.options;
    const slots = this.slotsFor(folded.length);
    const { slotHash, slotStart, slotLength, slotCount, usedSlots } = this;
    let distinct = 0;
    let prev = 0;
    let prev2 = 0;
    let t = 0;
    let start = -1;
    let h = WORD_SEED;
    for (let i = 0; i <= folded.length; i++) {
      if (i < folded.length && isWordUnit(folded, i, start !== -1)) {
        if (start === -1) {
          start = i;
          h = WORD_SEED;
        }
        h = fnvStep(h, folded.charCodeAt(i));
        continue;
      }
      if (start === -1) continue;
      // A word ended at i: its n-grams with the words before it, then count it for the char n-grams.
      const length = i - start;
      if (wordNgramMax >= 1) add(h, 1);
      if (wordNgramMax >= 2 && t >= 1) add(Math.imul(prev ^ BIGRAM_SEED, 31) ^ h, 1);
      if (wordNgramMax >= 3 && t >= 2) add(Math.imul(Math.imul(prev2 ^ TRIGRAM_SEED, 31) ^ prev, 31) ^ h, 1);
      if (charNgramMax > 0) {
        let s = mix32(h) & (slots - 1);
        for (;;) {
          if (slotCount[s] === 0) {
            slotHash[s] = h;
            slotStart[s] = start;
            slotLength[s] = length;
            slotCount[s] = 1;
            usedSlots[distinct++] = s;
            break;
          }
          if (slotHash[s] === h && slotLength[s] === length && sameText(folded, slotStart[s], start, length)) {
            slotCount[s]++;
            break;
          }
          s = (s + 1) & (slots - 1);
        }
      }
      prev2 = prev;
      prev = h;
      t++;
      start = -1;
    }
    // Character n-grams once per distinct word, weighted by how often it occurs: the same counts as
    // hashing every occurrence (so the same vector), at a fraction of the cost on real prose, where
    // most words repeat.
    for (let d = 0; d < distinct; d++) {
      const slot = usedSlots[d];
      const at = slotStart[slot];
      const times = slotCount[slot];
      slotCount[slot] = 0;
      // " word " padded; every n-gram from each start position, grown one character at a time.
      const len = slotLength[slot] + 2;
      for (let s = 0; s + charNgramMin <= len; s++) {
        let g = CHAR_SEED;
        const end = Math.min(len, s + charNgramMax);
        for (let p = s; p < end; p++) {
          g = fnvStep(g, p === 0 || p === len - 1 ? 32 : folded.charCodeAt(at + p - 1));
          const n = p - s + 1;
          if (n < charNgramMin) continue;
          // add(g ^ n, times) written out: this loop makes most of the features, and the call cost showed.
          let m = g ^ n;
          m ^= m >>> 16;
          m = Math.imul(m, 0x85ebca6b);
          m ^= m >>> 13;
          m = Math.imul(m, 0xc2b2ae35);
          m ^= m >>> 16;
          const b = m & mask;
          if (scratch[b] === 0) seen[touched++] = b;
          scratch[b] += m < 0 ? -times : times;
        }
      }
    }
    return touched;
  }

  /** Size of the distinct-word table for a text of n code units (a power of two, at most half full). */
  private slotsFor(n: number): number {
    const words = (n >> 1) + 1;
    let size = 64;
    while (size < 2 * words) size <<= 1;
    if (this.slotHash.length < size) {
      this.slotHash = new Uint32Array(size);
      this.slotStart = new Int32Array(size);
      this.slotLength = new Int32Array(size);
      this.slotCount = new Int32Array(size);
      this.usedSlots = new Int32Array(size);
    }
    return size;
  }
}

// Shared by every featurizer of this thread (sorting never re-enters).
const RADIX_COUNTS = new Int32Array(256);

/**
 * The first n bucket numbers of `keys`, ascending, sorted in place or into `buffer` (LSD radix sort, a
 * byte a pass: two passes for 2^16 buckets or fewer). TypedArray.prototype.sort took a third of the
 * featurizing time on a short prompt. A few dozen keys: insertion sort, cheaper than the counting passes.
 */
function sortBuckets(keys: Int32Array, n: number, buffer: Int32Array): Int32Array {
  if (n <= 32) {
    for (let i = 1; i < n; i++) {
      const k = keys[i];
      let j = i - 1;
      for (; j >= 0 && keys[j] > k; j--) keys[j + 1] = keys[j];
      keys[j + 1] = k;
    }
    return keys;
  }
  let max = 0;
  for (let i = 0; i < n; i++) if (keys[i] > max) max = keys[i];
  const counts = RADIX_COUNTS;
  let from = keys;
  let to = buffer;
  for (let shift = 0; shift === 0 || max >>> shift > 0; shift += 8) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(from[i] >>> shift) & 255]++;
    for (let d = 0, sum = 0; d < 256; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) to[counts[(from[i] >>> shift) & 255]++] = from[i];
    [from, to] = [to, from];
  }
  return from;
}

function sameText(text: string, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
  return true;
}

/**
 * The part of a text that is read when it is longer than maxChars: the first three quarters and the last
 * quarter of the budget, where a request's ask usually is, joined by a line break (a boundary for the
 * n-grams and for the rails' sentence-bound patterns).
 */
export function clipText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const head = Math.floor((maxChars * 3) / 4);
  return `${text.slice(0, head)}\n${text.slice(text.length - (maxChars - head))}`;
}

function checkOptions(o: HashingFeaturizerOptions): Required<HashingFeaturizerOptions> {
  if (o === null || typeof o !== 'object') throw new JarvisError('invalid-input', 'HashingFeaturizer needs options.');
  const out: Required<HashingFeaturizerOptions> = {
    buckets: o.buckets,
    wordNgramMax: o.wordNgramMax ?? 2,
    charNgramMin: o.charNgramMin ?? 3,
    charNgramMax: o.charNgramMax ?? 5,
    maxChars: o.maxChars ?? 4096,
    numeric: [...(o.numeric ?? [])],
  };
  const int = (v: unknown, lo: number, hi: number): boolean => Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi;
  if (!int(out.buckets, 256, 1 << 22) || (out.buckets & (out.buckets - 1)) !== 0) {
    throw new JarvisError('invalid-input', `buckets must be a power of two from 256 to 4194304 (got ${JSON.stringify(o.buckets)}).`);
  }
  if (!int(out.wordNgramMax, 0, 3)) throw new JarvisError('invalid-input', 'wordNgramMax must be 0–3.');
  if (!int(out.charNgramMax, 0, 8)) throw new JarvisError('invalid-input', 'charNgramMax must be 0–8.');
  if (out.charNgramMax > 0 && !int(out.charNgramMin, 1, out.charNgramMax)) throw new JarvisError('invalid-input', 'charNgramMin must be 1…charNgramMax.');
  if (out.wordNgramMax === 0 && out.charNgramMax === 0) throw new JarvisError('invalid-input', 'Enable word or character n-grams.');
  if (!int(out.maxChars, 16, 1 << 24)) throw new JarvisError('invalid-input', 'maxChars must be a whole number ≥ 16.');
  if (!Array.isArray(out.numeric) || !out.numeric.every((n) => typeof n === 'string'))
    throw new JarvisError('invalid-input', 'numeric must be a list of names.');
  return out;
}
