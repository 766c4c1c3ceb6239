import { JarvisError, errorMessage } from '../../common/errors';
import { HashingFeaturizer, type HashingFeaturizerOptions } from './HashingFeaturizer';
import { SoftmaxModel, type SoftmaxModelJson } from './SoftmaxModel';
import type { SparseVector } from './SparseVector';

export const TEXT_CLASSIFIER_FORMAT = 'jarvis-text-classifier/1';

/** The model file: featurizer settings, labels, weights, and whatever the owner wants kept with them. */
export interface TextClassifierJson<Meta = unknown> {
  format: typeof TEXT_CLASSIFIER_FORMAT;
  labels: string[];
  featurizer: HashingFeaturizerOptions;
  model: SoftmaxModelJson;
  /** Caller-defined, e.g. thresholds or training figures. Not read by this module. */
  meta?: Meta;
}

export interface Prediction {
  /** The most probable label. */
  label: string;
  /** Index of `label` in `labels`. */
  index: number;
  /** One probability per label, same order as `labels`. */
  proba: Float64Array;
}

/** A featurizer and a softmax model that belong together: text (+ numeric features) in, label out. */
export class TextClassifier<Meta = unknown> {
  constructor(
    readonly labels: readonly string[],
    readonly featurizer: HashingFeaturizer,
    readonly model: SoftmaxModel,
    readonly meta?: Meta,
  ) {
    if (labels.length !== model.classes) throw new JarvisError('invalid-input', `${labels.length} labels for a ${model.classes}-class model.`);
    if (featurizer.dims !== model.dims) throw new JarvisError('invalid-input', `Featurizer makes ${featurizer.dims} features, model expects ${model.dims}.`);
  }

  featurize(text: string, numeric?: ArrayLike<number>): SparseVector {
    return this.featurizer.featurize(text, numeric);
  }

  predict(text: string, numeric?: ArrayLike<number>): Prediction {
    return this.predictVector(this.featurize(text, numeric));
  }

  /**
   * `predict` for text already clipped and folded (`featurizeFolded`'s input), without building the
   * vector: the featurizer dots its hashed counts with the weights directly. Same probabilities up to
   * float rounding (see SoftmaxModel.predictProbaFromDot).
   */
  predictFolded(folded: string, numeric: ArrayLike<number> = []): Prediction {
    const names = this.featurizer.options.numeric;
    if (numeric.length !== names.length) {
      throw new JarvisError('invalid-input', `Expected ${names.length} numeric features (${names.join(', ')}), got ${numeric.length}.`);
    }
    const dot = new Float64Array(this.model.classes);
    const norm = this.featurizer.dotFolded(folded, this.model.weightSteps, this.model.classes, dot);
    return this.pick(this.model.predictProbaFromDot(dot, norm, numeric, this.featurizer.options.buckets));
  }

  predictVector(x: SparseVector): Prediction {
    return this.pick(this.model.predictProba(x));
  }

  private pick(proba: Float64Array): Prediction {
    let index = 0;
    for (let c = 1; c < proba.length; c++) if (proba[c] > proba[index]) index = c;
    return { label: this.labels[index], index, proba };
  }

  toJSON(): TextClassifierJson<Meta> {
    const out: TextClassifierJson<Meta> = {
      format: TEXT_CLASSIFIER_FORMAT,
      labels: [...this.labels],
      featurizer: { ...this.featurizer.options },
      model: this.model.toJSON(),
    };
    if (this.meta !== undefined) out.meta = this.meta;
    return out;
  }

  /** Stable text for the model file: same model → same bytes. */
  serialize(): string {
    return `${JSON.stringify(this.toJSON())}\n`;
  }

  /**
   * Reads a model file's text. @throws JarvisError('invalid-input') with a message saying what is wrong
   * (not JSON, wrong format, truncated weights…), so the caller can log it and fall back.
   */
  static parse<Meta = unknown>(text: string): TextClassifier<Meta> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new JarvisError('invalid-input', `Model file is not valid JSON (${errorMessage(e)}).`, { cause: e });
    }
    return TextClassifier.fromJSON<Meta>(json);
  }

  static fromJSON<Meta = unknown>(json: unknown): TextClassifier<Meta> {
    const j = json as Partial<TextClassifierJson<Meta>> | null;
    if (j === null || typeof j !== 'object' || j.format !== TEXT_CLASSIFIER_FORMAT) {
      throw new JarvisError('invalid-input', `Model file is not a ${TEXT_CLASSIFIER_FORMAT} file.`);
    }
    if (!Array.isArray(j.labels) || !j.labels.every((l) => typeof l === 'string')) throw new JarvisError('invalid-input', 'Model file has no list of labels.');
    return new TextClassifier<Meta>(j.labels, new HashingFeaturizer(j.featurizer as HashingFeaturizerOptions), SoftmaxModel.fromJSON(j.model), j.meta);
  }
}
