import { throwIfAborted } from '../../../common/abort';
import type { Embedder } from './Embedder';
import { checkDimension, checkTexts } from './Embedder';
import { STOP_WORDS, tokenizeText } from './tokenizeText';

export interface OfflineEmbedderOptions {
  /** @default 384 */
  dimension?: number;
}

/**
 * Built-in embedder: no model, no download, no network. Feature hashing ("the hashing trick") of
 * word unigrams, word bigrams and character trigrams into a fixed-size signed vector, L2-normalised.
 * Deterministic: the same text always gives the same vector, on every machine.
 *
 * Honest limits: it measures LEXICAL overlap, not meaning. "car" and "automobile" are unrelated to
 * it; "database choice" finds "use PostgreSQL for the production database" through "database" only.
 * Character trigrams give some robustness to inflection and typos ("decided"/"decision" share
 * "dec", "eci"). Hash collisions add small noise (384 buckets). Cosine values are lower than a
 * neural model's: related texts typically score 0.2–0.6, so thresholds tuned for OpenAI models
 * (0.7) are far too strict here. Use Ollama or OpenAI embeddings for real semantic recall.
 */
export class OfflineEmbedder implements Embedder {
  readonly id: string;
  readonly dimension: number;

  constructor(options: OfflineEmbedderOptions = {}) {
    this.dimension = checkDimension(options.dimension ?? 384, 'The offline embedder');
    this.id = `offline-hash-v1-${this.dimension}`;
  }

  async embed(texts: string[], signal?: AbortSignal): Promise<number[][]> {
    checkTexts(texts);
    throwIfAborted(signal);
    return texts.map((t) => this.embedOne(t));
  }

  embedOne(text: string): number[] {
    const v = new Float64Array(this.dimension);
    const words = tokenizeText(text).filter((w) => !STOP_WORDS.has(w));
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      this.add(v, `w:${w}`, 1);
      if (i > 0) this.add(v, `b:${words[i - 1]} ${w}`, 0.5);
      const padded = `#${w}#`;
      if (padded.length > 4) {
        for (let j = 0; j + 3 <= padded.length; j++) this.add(v, `c:${padded.slice(j, j + 3)}`, 0.25);
      }
    }
    let norm = 0;
    for (let i = 0; i < v.length; i++) norm += v[i] * v[i];
    norm = Math.sqrt(norm);
    const out = new Array<number>(this.dimension);
    for (let i = 0; i < v.length; i++) out[i] = norm === 0 ? 0 : v[i] / norm;
    return out;
  }

  private add(v: Float64Array, feature: string, weight: number): void {
    const h = fnv1a(feature);
    // Signed hashing: a second bit decides the sign so collisions cancel out on average.
    v[h % this.dimension] += (h & 0x80000000) !== 0 ? -weight : weight;
  }
}

/** 32-bit FNV-1a over UTF-16 code units: fast and stable across runs and platforms. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
