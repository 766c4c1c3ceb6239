import { JarvisError } from '../../common/errors';
import { foldText, fnvStep, mix32, wordTokens } from './hashText';
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

  constructor(options: HashingFeaturizerOptions) {
    this.options = checkOptions(options);
    this.dims = this.options.buckets + this.options.numeric.length;
    this.mask = this.options.buckets - 1;
    this.scratch = new Int32Array(this.options.buckets);
    this.touched = new Int32Array(this.options.buckets);
  }

  /**
   * @param numeric values for `options.numeric`, same order; scale them yourself (e.g. log1p of a count).
   */
  featurize(text: string, numeric: ArrayLike<number> = []): SparseVector {
    if (typeof text !== 'string') throw new JarvisError('invalid-input', 'featurize needs a string.');
    const { numeric: names } = this.options;
    if (numeric.length !== names.length) {
      throw new JarvisError('invalid-input', `Expected ${names.length} numeric features (${names.join(', ')}), got ${numeric.length}.`);
    }
    let touched = 0;
    const { scratch, mask } = this;
    const seen = this.touched;
    const add = (h: number, times = 1): void => {
      const m = mix32(h);
      const b = m & mask;
      // A bucket that sums back to exactly zero may be listed twice; the second visit reads 0 and is skipped.
      if (scratch[b] === 0) seen[touched++] = b;
      // The top bit signs the feature: colliding features cancel instead of adding up.
      scratch[b] += m & 0x80000000 ? -times : times;
    };

    const tokens = wordTokens(foldText(clip(text, this.options.maxChars)));
    const { wordNgramMax, charNgramMin, charNgramMax } = this.options;
    const wordHashes = new Uint32Array(tokens.length);
    const repeats = new Map<string, number>();
    for (let t = 0; t < tokens.length; t++) {
      const tok = tokens[t];
      let h = WORD_SEED;
      for (let i = 0; i < tok.length; i++) h = fnvStep(h, tok.charCodeAt(i));
      wordHashes[t] = h;
      if (wordNgramMax >= 1) add(h);
      if (wordNgramMax >= 2 && t >= 1) add(Math.imul(wordHashes[t - 1] ^ BIGRAM_SEED, 31) ^ h);
      if (wordNgramMax >= 3 && t >= 2) add(Math.imul(Math.imul(wordHashes[t - 2] ^ TRIGRAM_SEED, 31) ^ wordHashes[t - 1], 31) ^ h);
      if (charNgramMax > 0) repeats.set(tok, (repeats.get(tok) ?? 0) + 1);
    }
    // Character n-grams once per distinct word, weighted by how often it occurs: the same counts as
    // hashing every occurrence (so the same vector), at a fraction of the cost on real prose, where
    // most words repeat.
    for (const [tok, times] of repeats) {
      // " tok " padded; every n-gram from each start position, grown one character at a time.
      const len = tok.length + 2;
      for (let s = 0; s + charNgramMin <= len; s++) {
        let g = CHAR_SEED;
        for (let n = 1; n <= charNgramMax && s + n <= len; n++) {
          const p = s + n - 1;
          g = fnvStep(g, p === 0 || p === len - 1 ? 32 : tok.charCodeAt(p - 1));
          if (n >= charNgramMin) add(g ^ n, times);
        }
      }
    }

    const numericCount = names.length;
    const indices = new Int32Array(touched + numericCount);
    const values = new Float32Array(touched + numericCount);
    let j = 0;
    let norm = 0;
    // Ascending index order: the vector does not depend on the order hashes arrived in, and models trained
    // by an earlier version (same features, sorted) keep reproducing byte for byte.
    const order = seen.subarray(0, touched).sort();
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
}

function clip(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const head = Math.floor((maxChars * 3) / 4);
  return `${text.slice(0, head)} ${text.slice(text.length - (maxChars - head))}`;
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
