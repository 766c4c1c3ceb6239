import * as fs from 'node:fs';
import * as path from 'node:path';
import { CORPUS_DIR, type CorpusSample } from './secretCorpus';

/**
 * The generic contextual detector's own evaluation set (`test/fixtures/secrets/generic/`), written with
 * the detector before it was tuned: shapes the hand-written rules do not cover, and look-alikes. Same
 * record format as the labelled splits.
 */
export const GENERIC_EVAL = 'generic-eval' as const;

export function readGenericEval(): CorpusSample[] {
  const file = path.join(CORPUS_DIR, '..', 'generic', `${GENERIC_EVAL}.jsonl`);
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const s = JSON.parse(l) as CorpusSample;
      if ((s.label !== 'secret' && s.label !== 'clean') || typeof s.text !== 'string' || typeof s.kind !== 'string') {
        throw new Error(`${file} line ${i + 1}: not a corpus sample`);
      }
      return s;
    });
}
