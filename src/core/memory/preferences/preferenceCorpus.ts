import { JarvisError } from '../../../common/errors';
import { isPreferenceCategory, type PreferenceCategory } from './PreferenceCategory';

export const CORPUS_LANGUAGES = ['en', 'de', 'es', 'fr'] as const;
export type CorpusLanguage = (typeof CORPUS_LANGUAGES)[number];
export const NON_PREFERENCE_KINDS = ['question', 'thanks', 'one-off', 'others', 'mention', 'code', 'log', 'injection'] as const;

/** One labelled line of data/preferences/*.jsonl (schema: data/preferences/README.md). */
export interface CorpusRow {
  id: string;
  lang: CorpusLanguage;
  text: string;
  preference: boolean;
  category?: PreferenceCategory;
  key?: string;
  value?: string;
  kind?: (typeof NON_PREFERENCE_KINDS)[number];
}

/** Parses a JSONL corpus. @throws `invalid-input` naming the line for anything off-schema. */
export function parseCorpus(text: string, name = 'corpus'): CorpusRow[] {
  const rows: CorpusRow[] = [];
  const ids = new Set<string>();
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${name}:${i + 1}`;
    let r: Partial<CorpusRow>;
    try {
      r = JSON.parse(line) as Partial<CorpusRow>;
    } catch {
      throw new JarvisError('invalid-input', `${where} is not JSON.`);
    }
    const bad = (why: string): never => {
      throw new JarvisError('invalid-input', `${where}: ${why}.`);
    };
    if (typeof r.id !== 'string' || ids.has(r.id)) bad('missing or duplicate id');
    if (!CORPUS_LANGUAGES.includes(r.lang as CorpusLanguage)) bad(`lang must be one of ${CORPUS_LANGUAGES.join(', ')}`);
    if (typeof r.text !== 'string' || r.text.trim() === '') bad('text must be a non-empty string');
    if (typeof r.preference !== 'boolean') bad('preference must be true or false');
    if (r.preference && !isPreferenceCategory(r.category)) bad('a preference needs one of the eight categories');
    if (!r.preference && !NON_PREFERENCE_KINDS.includes(r.kind as never)) bad(`a non-preference needs a kind (${NON_PREFERENCE_KINDS.join(', ')})`);
    if ((r.key === undefined) !== (r.value === undefined)) bad('key and value go together');
    ids.add(r.id as string);
    rows.push(r as CorpusRow);
  });
  return rows;
}

/**
 * The training files under data/preferences, in the order they are read: `train-2.jsonl` was the blind
 * heldout-2 (measured once at 0249211, then trained on from session 21), `train-3.jsonl` the blind heldout-3
 * (measured once at 44e4c0c, trained on from session 21's second round).
 */
export const PREFERENCE_TRAINING_FILES = ['train.jsonl', 'train-2.jsonl', 'train-3.jsonl'] as const;
