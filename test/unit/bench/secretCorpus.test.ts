import * as assert from 'node:assert/strict';
import { HELDOUT_SPLITS, readCorpus, TRAINING_SPLITS, type CorpusSplit } from '../../../bench/secrets/secretCorpus';

// Only the shape of each split is checked here, never what the detector makes of it: the held-out splits are
// for `npm run bench secrets` alone (the training splits' detection is tested in security/secretDetection).
describe('secret corpus: every split is well formed', () => {
  for (const split of [...TRAINING_SPLITS, ...HELDOUT_SPLITS] as CorpusSplit[]) {
    it(`${split}: unique ids, and each positive's secret occurs verbatim where the detector will look`, () => {
      const samples = readCorpus(split);
      assert.ok(samples.some((s) => s.label === 'secret') && samples.some((s) => s.label === 'clean'), 'both labels occur');
      assert.equal(new Set(samples.map((s) => s.id)).size, samples.length, 'ids are unique');
      const unplaced = samples
        .filter((s) => s.label === 'secret')
        .filter((s) => !s.secret || ![s.text, ...(s.attachments ?? []).map((a) => a.content)].some((t) => t.includes(s.secret as string)))
        .map((s) => s.id);
      assert.deepEqual(unplaced, []);
    });
  }
});
