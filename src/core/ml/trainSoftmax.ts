import { JarvisError } from '../../common/errors';
import { SoftmaxModel } from './SoftmaxModel';
import type { SparseVector } from './SparseVector';

export interface TrainingExample {
  x: SparseVector;
  /** Class index, 0 … classes-1. */
  y: number;
  /** @default 1 */
  weight?: number;
}

export interface TrainSoftmaxOptions {
  classes: number;
  dims: number;
  /** Passes over the data. @default 30 */
  epochs?: number;
  /** AdaGrad base step. @default 0.5 */
  learningRate?: number;
  /** L2 penalty, applied to the weights an example touches. @default 1e-4 */
  l2?: number;
  /** Seeds the per-epoch shuffle: same data + same seed → same model, bit for bit. @default 1 */
  seed?: number;
  /** 'balanced' weighs each class by n / (classes × n_class), so rare classes are not drowned out. */
  classWeights?: 'balanced' | readonly number[];
  /** Weights are rounded to multiples of this (the int16 file format). @default 1/4096 */
  quantum?: number;
}

/**
 * Trains a softmax model by AdaGrad stochastic gradient descent with L2. Chosen over batch solvers because
 * it is short, needs no dependency, and with a seeded shuffle and float64 sums it is fully deterministic on
 * any machine Node runs on. Seconds for a few thousand examples.
 */
export function trainSoftmax(examples: readonly TrainingExample[], options: TrainSoftmaxOptions): SoftmaxModel {
  const K = options.classes;
  const D = options.dims;
  const epochs = options.epochs ?? 30;
  const lr = options.learningRate ?? 0.5;
  const l2 = options.l2 ?? 1e-4;
  const quantum = options.quantum ?? 1 / 4096;
  if (!Number.isInteger(K) || K < 2) throw new JarvisError('invalid-input', 'classes must be a whole number ≥ 2.');
  if (!Number.isInteger(D) || D < 1) throw new JarvisError('invalid-input', 'dims must be a whole number ≥ 1.');
  if (examples.length === 0) throw new JarvisError('invalid-input', 'No training examples.');
  for (const [i, e] of examples.entries()) {
    if (!Number.isInteger(e.y) || e.y < 0 || e.y >= K) throw new JarvisError('invalid-input', `Example ${i} has class ${e.y}, outside 0…${K - 1}.`);
    for (const f of e.x.indices) if (f < 0 || f >= D) throw new JarvisError('invalid-input', `Example ${i} has feature ${f}, outside 0…${D - 1}.`);
  }
  const classWeight = weightsFor(examples, K, options.classWeights);

  const W = new Float64Array(D * K);
  const G = new Float64Array(D * K);
  const b = new Float64Array(K);
  const Gb = new Float64Array(K);
  const logits = new Float64Array(K);
  const grad = new Float64Array(K);
  const order = Array.from(examples.keys());
  const random = mulberry32(options.seed ?? 1);
  const EPS = 1e-8;

  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const { x, y } = examples[i];
      const w = (examples[i].weight ?? 1) * classWeight[y];
      for (let c = 0; c < K; c++) logits[c] = b[c];
      for (let k = 0; k < x.indices.length; k++) {
        const base = x.indices[k] * K;
        const v = x.values[k];
        for (let c = 0; c < K; c++) logits[c] += W[base + c] * v;
      }
      let max = -Infinity;
      for (let c = 0; c < K; c++) if (logits[c] > max) max = logits[c];
      let sum = 0;
      for (let c = 0; c < K; c++) sum += grad[c] = Math.exp(logits[c] - max);
      for (let c = 0; c < K; c++) grad[c] = w * (grad[c] / sum - (c === y ? 1 : 0));
      for (let c = 0; c < K; c++) {
        Gb[c] += grad[c] * grad[c];
        b[c] -= (lr * grad[c]) / Math.sqrt(Gb[c] + EPS);
      }
      for (let k = 0; k < x.indices.length; k++) {
        const base = x.indices[k] * K;
        const v = x.values[k];
        for (let c = 0; c < K; c++) {
          const j = base + c;
          const g = grad[c] * v + l2 * W[j];
          G[j] += g * g;
          W[j] -= (lr * g) / Math.sqrt(G[j] + EPS);
        }
      }
    }
  }

  // Round to the file's int16 grid now, so the model evaluated here is exactly the one that is saved.
  let maxAbs = 0;
  for (let j = 0; j < W.length; j++) maxAbs = Math.max(maxAbs, Math.abs(W[j]));
  const scale = Math.max(quantum, maxAbs / 32767);
  const weights = new Float32Array(D * K);
  for (let j = 0; j < W.length; j++) weights[j] = Math.round(W[j] / scale) * scale;
  const bias = Float64Array.from(b, (v) => Math.round(v * 1e6) / 1e6);
  return new SoftmaxModel(K, D, weights, bias, scale);
}

function weightsFor(examples: readonly TrainingExample[], K: number, spec: TrainSoftmaxOptions['classWeights']): Float64Array {
  const out = new Float64Array(K).fill(1);
  if (spec === undefined) return out;
  if (spec === 'balanced') {
    const counts = new Float64Array(K);
    for (const e of examples) counts[e.y]++;
    for (let c = 0; c < K; c++) out[c] = counts[c] === 0 ? 0 : examples.length / (K * counts[c]);
    return out;
  }
  if (spec.length !== K || !spec.every((v) => Number.isFinite(v) && v >= 0)) throw new JarvisError('invalid-input', `classWeights needs ${K} numbers ≥ 0.`);
  return Float64Array.from(spec);
}

/** Small seeded PRNG (mulberry32): deterministic shuffles without a dependency. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}
