import type { TextClassifier } from '../../ml/TextClassifier';
import { readPreferences } from './extractPreferences';
import type { PreferenceModelMeta } from './PreferenceClassifier';
import type { CorpusRow } from './preferenceCorpus';

export interface ExtractionFigures {
  positives: number;
  negatives: number;
  /** Share of preference sentences from which something was extracted. */
  found: number;
  /** Share of preference sentences extracted with the labelled category. */
  rightCategory: number;
  /** Share of structured preference sentences extracted with the labelled key and value. */
  rightKeyValue: number;
  structured: number;
  /** Share of preference sentences extracted at or above the prompt threshold (the rest go to review). */
  aboveThreshold: number;
  /** Share of non-preference sentences from which something was (wrongly) extracted. */
  falseExtractions: number;
}

export interface Miss {
  id: string;
  text: string;
  why: 'missed' | 'category' | 'key-value' | 'false';
  got?: string;
}

/** False extractions among the non-preferences of one kind (question, thanks, one-off…). */
export interface KindFigures {
  negatives: number;
  falseExtractions: number;
}

export interface ExtractionReport {
  all: ExtractionFigures;
  byLanguage: Record<string, ExtractionFigures>;
  byKind: Record<string, KindFigures>;
  misses: Miss[];
}

type ModelFor = TextClassifier<PreferenceModelMeta> | ((row: CorpusRow) => TextClassifier<PreferenceModelMeta>);

/**
 * Runs the whole extractor over labelled rows: overall figures, per language, false extractions per
 * non-preference kind, and what went wrong. `model` may pick a model per row (cross-validation: the one
 * that did not see it); by default the committed one.
 */
export function evaluatePreferenceExtraction(rows: readonly CorpusRow[], model?: ModelFor, promptThreshold = 0.7): ExtractionReport {
  const misses: Miss[] = [];
  const kinds = new Map<string, [number, number]>();
  const tally = new Map<string, number[]>(); // lang → [pos, neg, found, cat, kvOk, kvN, above, false]
  const bump = (lang: string, i: number) => {
    for (const k of [lang, '*']) {
      const t = tally.get(k) ?? tally.set(k, new Array<number>(8).fill(0)).get(k)!;
      t[i]++;
    }
  };
  for (const r of rows) {
    const got = readPreferences(r.text, typeof model === 'function' ? model(r) : model).preferences;
    const first = got[0];
    const describe = first ? `${first.category}${first.key.startsWith('statement:') ? '' : ` ${first.key}=${first.value}`} (${first.confidence})` : undefined;
    if (!r.preference) {
      bump(r.lang, 1);
      const k = kinds.get(r.kind!) ?? kinds.set(r.kind!, [0, 0]).get(r.kind!)!;
      k[0]++;
      if (got.length > 0) k[1]++;
      if (got.length > 0) {
        bump(r.lang, 7);
        misses.push({ id: r.id, text: r.text, why: 'false', got: describe });
      }
      continue;
    }
    bump(r.lang, 0);
    if (r.key) bump(r.lang, 5);
    if (!first) {
      misses.push({ id: r.id, text: r.text, why: 'missed' });
      continue;
    }
    bump(r.lang, 2);
    if (first.confidence >= promptThreshold) bump(r.lang, 6);
    if (first.category === r.category) bump(r.lang, 3);
    else misses.push({ id: r.id, text: r.text, why: 'category', got: describe });
    if (r.key) {
      if (first.key === r.key && first.value === r.value) bump(r.lang, 4);
      else misses.push({ id: r.id, text: r.text, why: 'key-value', got: describe });
    }
  }
  const figures = (t: number[] = new Array<number>(8).fill(0)): ExtractionFigures => ({
    positives: t[0],
    negatives: t[1],
    found: share(t[2], t[0]),
    rightCategory: share(t[3], t[0]),
    rightKeyValue: share(t[4], t[5]),
    structured: t[5],
    aboveThreshold: share(t[6], t[0]),
    falseExtractions: share(t[7], t[1]),
  });
  const byLanguage: Record<string, ExtractionFigures> = {};
  for (const lang of [...tally.keys()].filter((k) => k !== '*').sort()) byLanguage[lang] = figures(tally.get(lang));
  const byKind: Record<string, KindFigures> = {};
  for (const [kind, [n, f]] of [...kinds].sort((a, b) => a[0].localeCompare(b[0]))) byKind[kind] = { negatives: n, falseExtractions: share(f, n) };
  return { all: figures(tally.get('*')), byLanguage, byKind, misses };
}

const share = (n: number, d: number): number => (d === 0 ? 0 : n / d);
