import { JarvisError } from '../../common/errors';
import type { SparseVector } from './SparseVector';

/** What a softmax model's weights look like in a file: int16 steps of `scale`, base64, little-endian. */
export interface SoftmaxModelJson {
  classes: number;
  dims: number;
  bias: number[];
  scale: number;
  /** dims × classes int16 values, feature-major, base64 of little-endian bytes. */
  weights: string;
}

/**
 * Multinomial logistic regression (softmax) over sparse vectors: one weight per (feature, class).
 * Inference is a sparse dot product per class and a softmax, a few microseconds for a few thousand
 * non-zero features. Weights are stored as int16 steps so that the file is small and byte-stable.
 */
export class SoftmaxModel {
  // The int16 steps themselves (the weight is step × scale): half the memory of float32, so the rows a
  // prediction reads at random (one per non-zero feature) stay in a core's L2 cache.
  private readonly steps: Int16Array;

  constructor(
    readonly classes: number,
    readonly dims: number,
    /** Feature-major: weight of feature f for class c is `weights[f * classes + c]`; multiples of `scale`. */
    weights: Float32Array | Int16Array,
    private readonly bias: Float64Array,
    /** Quantisation step the weights are multiples of. */
    readonly scale: number,
  ) {
    if (weights.length !== classes * dims || bias.length !== classes) {
      throw new JarvisError('invalid-input', `Softmax weights do not match ${dims} features × ${classes} classes.`);
    }
    this.steps = weights instanceof Int16Array ? weights : toSteps(weights, scale);
  }

  /** Raw scores per class. Features beyond `dims` are ignored rather than read out of bounds. */
  logits(x: SparseVector): Float64Array {
    const K = this.classes;
    const out = Float64Array.from(this.bias);
    const { indices, values } = x;
    const { steps, scale } = this;
    for (let k = 0; k < indices.length; k++) {
      const f = indices[k];
      if (f < 0 || f >= this.dims) continue;
      // step × (scale × v): for the power-of-two scales the trainer picks, both products are exact, so the
      // sums are bit for bit those of float32 weights (step × scale) times v.
      const sv = scale * values[k];
      const base = f * K;
      for (let c = 0; c < K; c++) out[c] += steps[base + c] * sv;
    }
    return out;
  }

  /** Class probabilities (sum to 1). */
  predictProba(x: SparseVector): Float64Array {
    return softmax(this.logits(x));
  }

  /**
   * Class probabilities of a vector made of hashed features given as their dot product with the steps
   * (`HashingFeaturizer.dotFolded`: Σ count × step per class, and the counts' L2 norm) followed by dense
   * features from index `denseFrom` on. The same function as `predictProba` of the normalised vector, summed
   * in another order (no sort): probabilities agree to float rounding (~1e-7), not bit for bit.
   */
  predictProbaFromDot(dot: Float64Array, norm: number, dense: ArrayLike<number>, denseFrom: number): Float64Array {
    const K = this.classes;
    const { steps, scale } = this;
    const out = Float64Array.from(this.bias);
    const textScale = norm > 0 ? scale / norm : 0;
    for (let c = 0; c < K; c++) out[c] += dot[c] * textScale;
    for (let k = 0; k < dense.length; k++) {
      const f = denseFrom + k;
      if (f < 0 || f >= this.dims) continue;
      const v = Number(dense[k]);
      // The vector path stores values as float32; so does this, for the same dense inputs.
      const sv = scale * Math.fround(Number.isFinite(v) ? v : 0);
      const base = f * K;
      for (let c = 0; c < K; c++) out[c] += steps[base + c] * sv;
    }
    return softmax(out);
  }

  /** The int16 steps, feature-major (read only): for a featurizer that dots its counts with them directly. */
  get weightSteps(): Int16Array {
    return this.steps;
  }

  /** Weight of one feature for one class: what lets a caller explain a decision. */
  weight(feature: number, cls: number): number {
    return this.steps[feature * this.classes + cls] * this.scale;
  }

  toJSON(): SoftmaxModelJson {
    const bytes = new Uint8Array(this.steps.length * 2);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < this.steps.length; i++) view.setInt16(i * 2, this.steps[i], true);
    return { classes: this.classes, dims: this.dims, bias: Array.from(this.bias), scale: this.scale, weights: Buffer.from(bytes).toString('base64') };
  }

  /** @throws JarvisError('invalid-input') naming what is wrong, for a truncated or hand-edited file. */
  static fromJSON(json: unknown): SoftmaxModel {
    const bad = (what: string): never => {
      throw new JarvisError('invalid-input', `Softmax model is corrupt: ${what}.`);
    };
    if (json === null || typeof json !== 'object') bad('not an object');
    const j = json as Partial<SoftmaxModelJson>;
    const { classes, dims, scale } = j;
    if (!Number.isInteger(classes) || (classes as number) < 2 || (classes as number) > 1000) bad('classes must be 2–1000');
    if (!Number.isInteger(dims) || (dims as number) < 1 || (dims as number) > 1 << 24) bad('dims out of range');
    if (typeof scale !== 'number' || !(scale > 0) || !Number.isFinite(scale)) bad('scale must be a positive number');
    if (!Array.isArray(j.bias) || j.bias.length !== classes || !j.bias.every((b) => typeof b === 'number' && Number.isFinite(b)))
      bad('bias must hold one finite number per class');
    if (typeof j.weights !== 'string') bad('weights missing');
    const bytes = Buffer.from(j.weights as string, 'base64');
    if (bytes.length !== (classes as number) * (dims as number) * 2)
      bad(`weights hold ${bytes.length} bytes, expected ${(classes as number) * (dims as number) * 2}`);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const weights = new Int16Array((classes as number) * (dims as number));
    for (let i = 0; i < weights.length; i++) weights[i] = view.getInt16(i * 2, true);
    return new SoftmaxModel(classes as number, dims as number, weights, Float64Array.from(j.bias as number[]), scale as number);
  }
}

function toSteps(weights: Float32Array, scale: number): Int16Array {
  const steps = new Int16Array(weights.length);
  for (let i = 0; i < weights.length; i++) {
    const step = Math.round(weights[i] / scale);
    if (!(Math.abs(step) <= 32767)) throw new JarvisError('invalid-input', `Softmax weight ${weights[i]} is not on the int16 grid of step ${scale}.`);
    steps[i] = step;
  }
  return steps;
}

/** Numerically stable softmax. */
export function softmax(logits: ArrayLike<number>): Float64Array {
  let max = -Infinity;
  for (let c = 0; c < logits.length; c++) if (logits[c] > max) max = logits[c];
  const out = new Float64Array(logits.length);
  let sum = 0;
  for (let c = 0; c < logits.length; c++) {
    out[c] = Math.exp(logits[c] - max);
    sum += out[c];
  }
  for (let c = 0; c < out.length; c++) out[c] /= sum;
  return out;
}
