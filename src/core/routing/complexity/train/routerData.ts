import * as fs from 'node:fs';
import { fnv1a } from '../../../ml/hashText';
import { TIER_NAMES, type TierName } from '../TaskComplexity';

/** One labelled prompt of data/router/*.jsonl (schema: data/router/README.md). */
export interface RouterRow {
  id: string;
  lang: 'en' | 'de' | 'es' | 'fr';
  tier: TierName;
  prompt: string;
  codeLines: number;
  fileCount: number;
  tags?: string[];
  source?: 'hand' | 'template';
}

export function readRouterRows(file: string): RouterRow[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const r = JSON.parse(l) as RouterRow;
      if (!TIER_NAMES.includes(r.tier) || typeof r.prompt !== 'string') throw new Error(`${file}:${i + 1}: bad row`);
      return r;
    });
}

/**
 * The independently written splits (data/router) whose rows join the threshold tuning and the
 * calibration, in this order, when the file is there: never trained on, each reported on its own.
 */
export const TUNING_SPLITS: readonly string[] = [
  'dev-2.jsonl',
  'heldout-2.jsonl',
  'dev-3.jsonl',
  'heldout-3.jsonl',
  'dev-4.jsonl',
  'heldout-4.jsonl',
  'heldout-5.jsonl',
  'heldout-6.jsonl',
  'heldout-7.jsonl',
  'heldout-8.jsonl',
  'heldout-9.jsonl',
  'heldout-10.jsonl',
  'heldout-17.jsonl',
];

/** Folds of the development (cross-validation) split carved from the training data. */
export const DEV_FOLDS = 4;

/**
 * Which development fold a training row is in: hand-written rows are spread over DEV_FOLDS folds by a
 * hash of the id; template rows are in none (-1) and always train, because a template variation in a
 * dev fold would have its siblings in the fit and flatter the figures.
 */
export function devFold(row: RouterRow): number {
  return row.source === 'hand' ? fnv1a(row.id) % DEV_FOLDS : -1;
}

/** 0 = trivial … 4 = critical. */
export function tierIndex(row: RouterRow): number {
  return TIER_NAMES.indexOf(row.tier);
}
