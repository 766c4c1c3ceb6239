import { HashingFeaturizer, type HashingFeaturizerOptions } from '../../ml/HashingFeaturizer';
import { TextClassifier } from '../../ml/TextClassifier';
import { trainSoftmax, type TrainSoftmaxOptions } from '../../ml/trainSoftmax';
import type { CorpusRow } from './preferenceCorpus';
import { messageSentences } from './messageSentences';
import { NUMERIC_FEATURES, numericFeatures, PREFERENCE_LABELS, type PreferenceModelMeta } from './PreferenceClassifier';

/** The settings `npm run train:prefs` uses; the committed model was trained with exactly these. */
export const PREFERENCE_FEATURIZER: HashingFeaturizerOptions = {
  buckets: 1 << 12,
  wordNgramMax: 2,
  charNgramMin: 3,
  charNgramMax: 5,
  maxChars: 512,
  numeric: [...NUMERIC_FEATURES],
};
export const PREFERENCE_TRAINING: Omit<TrainSoftmaxOptions, 'classes' | 'dims'> = {
  epochs: 40,
  learningRate: 0.4,
  l2: 1e-4,
  seed: 18,
  classWeights: 'balanced',
};
export const PREFERENCE_THRESHOLDS = { threshold: 0.5, structuredThreshold: 0.35 };

/**
 * What the classifier sees of a row: its prose sentences joined (pasted code and logs are cut the same way
 * the extractor cuts them). A row whose text is all data trains "none" on an empty string.
 */
export function trainingText(row: CorpusRow): string {
  return messageSentences(row.text).join(' ');
}

/** Trains the preference classifier on rows. Deterministic: same rows and options, same bytes. */
export function trainPreferenceClassifier(
  rows: readonly CorpusRow[],
  meta: Pick<PreferenceModelMeta, 'dataSha256'>,
  options: { featurizer?: HashingFeaturizerOptions; training?: Omit<TrainSoftmaxOptions, 'classes' | 'dims'>; thresholds?: typeof PREFERENCE_THRESHOLDS } = {},
): TextClassifier<PreferenceModelMeta> {
  const featurizer = new HashingFeaturizer(options.featurizer ?? PREFERENCE_FEATURIZER);
  const examples = rows.map((r) => ({
    x: featurizer.featurize(trainingText(r), numericFeatures(trainingText(r), featurizer.options.numeric.length)),
    y: r.preference ? PREFERENCE_LABELS.indexOf(r.category!) : 0,
  }));
  const model = trainSoftmax(examples, { ...(options.training ?? PREFERENCE_TRAINING), classes: PREFERENCE_LABELS.length, dims: featurizer.dims });
  return new TextClassifier<PreferenceModelMeta>([...PREFERENCE_LABELS], featurizer, model, {
    ...(options.thresholds ?? PREFERENCE_THRESHOLDS),
    trainedOn: rows.length,
    dataSha256: meta.dataSha256,
  });
}
