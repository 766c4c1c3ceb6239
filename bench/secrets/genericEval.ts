import * as path from 'node:path';
import { CORPUS_DIR, readSamples, type CorpusSample } from './secretCorpus';

/**
 * The generic contextual detector's own evaluation set (`test/fixtures/secrets/generic/`), written with
 * the detector before it was tuned: shapes the hand-written rules do not cover, and look-alikes. Same
 * record format as the labelled splits.
 */
export const GENERIC_EVAL = 'generic-eval' as const;

export function readGenericEval(): CorpusSample[] {
  return readSamples(path.join(CORPUS_DIR, '..', 'generic', `${GENERIC_EVAL}.jsonl`));
}
