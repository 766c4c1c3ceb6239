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
 * The validation slice of the training split: a fixed quarter of the hand-written rows, chosen by a hash
 * of the id. Template rows always train: a template variation in validation would have its siblings in
 * the fit and flatter the figures.
 */
export function isValidation(row: RouterRow): boolean {
  return row.source === 'hand' && fnv1a(row.id) % 4 === 0;
}

/** 0 = trivial … 4 = critical. */
export function tierIndex(row: RouterRow): number {
  return TIER_NAMES.indexOf(row.tier);
}
