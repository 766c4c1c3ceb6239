/** A scan hit: matrix row and cosine similarity. */
export interface RowScore {
  row: number;
  score: number;
}

/**
 * Unit-length vectors in one growable Float32Array, row-major, so a query is a tight dot-product
 * loop over contiguous memory instead of vectra's per-item `number[]` objects.
 */
export class VectorMatrix {
  private data: Float32Array;
  private rows: number;

  constructor(
    readonly dimension: number,
    initial?: Float32Array,
  ) {
    this.data = initial ?? new Float32Array(dimension * 1024);
    this.rows = initial ? initial.length / dimension : 0;
  }

  get rowCount(): number {
    return this.rows;
  }

  /** Row view (no copy); valid until the next append grows the buffer. */
  row(i: number): Float32Array {
    return this.data.subarray(i * this.dimension, (i + 1) * this.dimension);
  }

  /** Copies the given rows, in order, into one packed block. */
  take(rows: number[]): Float32Array {
    const out = new Float32Array(rows.length * this.dimension);
    rows.forEach((r, i) => out.set(this.row(r), i * this.dimension));
    return out;
  }

  /** Appends already-normalised rows (see `normalizeRows`). */
  appendRows(block: Float32Array): void {
    const needed = this.rows * this.dimension + block.length;
    if (needed > this.data.length) {
      const grown = new Float32Array(Math.max(needed, this.data.length * 2));
      grown.set(this.data.subarray(0, this.rows * this.dimension));
      this.data = grown;
    }
    this.data.set(block, this.rows * this.dimension);
    this.rows += block.length / this.dimension;
  }

  /**
   * The `k` rows most similar to `query` (unit length) with similarity >= `minScore`, best first.
   * `accept` skips rows (deleted, filtered out) before any arithmetic is spent on them.
   */
  topK(query: Float32Array, k: number, minScore: number, accept?: (row: number) => boolean): RowScore[] {
    const d = this.dimension;
    const data = this.data;
    const best: RowScore[] = [];
    let floor = minScore;
    for (let r = 0; r < this.rows; r++) {
      if (accept && !accept(r)) continue;
      const base = r * d;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let j = 0;
      // Four accumulators: lets the CPU overlap the multiply-adds.
      for (; j + 4 <= d; j += 4) {
        s0 += data[base + j] * query[j];
        s1 += data[base + j + 1] * query[j + 1];
        s2 += data[base + j + 2] * query[j + 2];
        s3 += data[base + j + 3] * query[j + 3];
      }
      for (; j < d; j++) s0 += data[base + j] * query[j];
      const score = s0 + s1 + s2 + s3;
      if (score < floor) continue;
      let i = best.length;
      while (i > 0 && best[i - 1].score < score) i--;
      if (i >= k) continue;
      best.splice(i, 0, { row: r, score });
      if (best.length > k) best.pop();
      if (best.length === k) floor = Math.max(minScore, best[k - 1].score);
    }
    return best;
  }
}

/** Unit-length float32 copies of the vectors, packed row after row. Zero vectors stay zero. */
export function normalizeRows(vectors: ArrayLike<number>[], dimension: number): Float32Array {
  const out = new Float32Array(vectors.length * dimension);
  vectors.forEach((v, i) => {
    let norm = 0;
    for (let j = 0; j < dimension; j++) norm += v[j] * v[j];
    norm = Math.sqrt(norm);
    if (norm === 0) return;
    for (let j = 0; j < dimension; j++) out[i * dimension + j] = v[j] / norm;
  });
  return out;
}
