import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DATA_DIR } from '../../../bench/quality/qualityDataset';
import { tune } from '../../../bench/quality/tuneWeights';

describe('quality-gate weights (data/quality/weights.json)', function () {
  // The tuner assesses every training record once (grammars and the identifier load on first use).
  this.timeout(120_000);

  it('are what scripts/tune-quality.mjs fits on the training files now', async () => {
    const committed = JSON.parse(fs.readFileSync(path.join(DATA_DIR, 'weights.json'), 'utf8')) as { threshold: number; weights: object };
    const log = console.log;
    console.log = () => undefined;
    try {
      const fitted = await tune();
      assert.equal(committed.threshold, fitted.threshold);
      assert.deepEqual(committed.weights, fitted.weights, 'rules or data changed since the last tuning run: run node scripts/tune-quality.mjs');
    } finally {
      console.log = log;
    }
  });
});
