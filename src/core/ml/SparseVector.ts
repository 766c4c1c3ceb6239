/** A sparse feature vector: `values[k]` is the value of feature `indices[k]`. Indices are unique. */
export interface SparseVector {
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

/** Euclidean length of a sparse vector. */
export function sparseNorm(v: SparseVector): number {
  let s = 0;
  for (let k = 0; k < v.values.length; k++) s += v.values[k] * v.values[k];
  return Math.sqrt(s);
}
