import { TextClassifier } from '../../ml/TextClassifier';
import { PREFERENCE_CATEGORIES, type PreferenceCategory } from './PreferenceCategory';
import { CUE_NAMES, cueVector } from './sentenceCues';
import { TOPIC_NAMES, topicVector } from './topicCues';

/** Class 0 is "not a standing preference"; classes 1–8 are the categories, in PREFERENCE_CATEGORIES order. */
export const PREFERENCE_LABELS = ['none', ...PREFERENCE_CATEGORIES] as const;

/** What the training run decided and recorded in the model file next to the weights. */
export interface PreferenceModelMeta {
  /** A sentence is a preference when P(not none) reaches this. */
  threshold: number;
  /** Lower bar when a structured rule (indent, quotes…) also matched the sentence. */
  structuredThreshold: number;
  trainedOn: number;
  /** sha-256 of the training file, so a test can tell when data and model disagree. */
  dataSha256: string;
}

export interface SentenceReading {
  /** Probability that the sentence states a standing preference. */
  preference: number;
  /** Most probable category, if it is one. */
  category: PreferenceCategory;
  /** Probability of that category among the eight. */
  categoryConfidence: number;
}

/** Dense features next to the hashed words: cue words (standing rule, team, "this"…) and topic words. */
export const NUMERIC_FEATURES = [...CUE_NAMES, ...TOPIC_NAMES];

/** The dense features of a sentence; `count` is how many the model was trained with (older files: fewer). */
export function numericFeatures(sentence: string, count = NUMERIC_FEATURES.length): number[] {
  return [...cueVector(sentence), ...topicVector(sentence)].slice(0, count);
}

let loaded: TextClassifier<PreferenceModelMeta> | undefined;

/**
 * The committed model, read once on first use. Required inside the function rather than imported: esbuild
 * keeps a `require()` there as a deferred module init, so activation never evaluates the 100 KB of weights.
 */
export function preferenceModel(): TextClassifier<PreferenceModelMeta> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load, see above
  loaded ??= TextClassifier.fromJSON<PreferenceModelMeta>((require('./preferenceModelFile') as typeof import('./preferenceModelFile')).default);
  return loaded;
}

/** Reads one sentence with a classifier (by default the committed one). */
export function readSentence(sentence: string, model: TextClassifier<PreferenceModelMeta> = preferenceModel()): SentenceReading {
  const { proba } = model.predict(sentence, numericFeatures(sentence, model.featurizer.options.numeric.length));
  let best = 1;
  for (let c = 2; c < proba.length; c++) if (proba[c] > proba[best]) best = c;
  const pref = 1 - proba[0];
  return { preference: pref, category: PREFERENCE_LABELS[best] as PreferenceCategory, categoryConfidence: pref > 0 ? proba[best] / pref : 0 };
}
