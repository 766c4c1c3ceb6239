import { TextClassifier } from '../../ml/TextClassifier';
import type { PreferenceModelMeta } from './PreferenceClassifier';
import type { CorpusRow } from './preferenceCorpus';
import { PREFERENCE_THRESHOLDS, trainPreferenceClassifier } from './trainPreferenceClassifier';

/** A row and the model trained on the other folds, which never saw it. */
export interface OutOfFold {
  row: CorpusRow;
  model: TextClassifier<PreferenceModelMeta>;
}

/**
 * k-fold cross-validation folds, stratified: rows sorted by (label, id) and dealt round-robin, so each
 * fold gets its share of every category and of the non-preferences. Deterministic.
 */
export function crossValidatePreferences(
  rows: readonly CorpusRow[],
  meta: Pick<PreferenceModelMeta, 'dataSha256'>,
  thresholds: typeof PREFERENCE_THRESHOLDS,
  folds = 5,
): OutOfFold[] {
  const label = (r: CorpusRow) => (r.preference ? r.category! : 'none');
  const sorted = [...rows].sort((a, b) => label(a).localeCompare(label(b)) || a.id.localeCompare(b.id));
  const fold = new Map(sorted.map((r, i) => [r.id, i % folds]));
  const out: OutOfFold[] = [];
  for (let k = 0; k < folds; k++) {
    const model = trainPreferenceClassifier(
      rows.filter((r) => fold.get(r.id) !== k),
      meta,
      { thresholds },
    );
    for (const row of rows) if (fold.get(row.id) === k) out.push({ row, model });
  }
  return out;
}

/** The same weights with other decision thresholds (training does not depend on them). */
export function withThresholds(model: TextClassifier<PreferenceModelMeta>, thresholds: typeof PREFERENCE_THRESHOLDS): TextClassifier<PreferenceModelMeta> {
  return new TextClassifier<PreferenceModelMeta>(model.labels, model.featurizer, model.model, { ...model.meta!, ...thresholds });
}
