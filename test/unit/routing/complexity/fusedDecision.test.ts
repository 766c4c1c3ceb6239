import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { clipText } from '../../../../src/core/ml/HashingFeaturizer';
import { TextClassifier } from '../../../../src/core/ml/TextClassifier';
import { applyRails } from '../../../../src/core/routing/complexity/applyRails';
import type { ComplexityModelMeta } from '../../../../src/core/routing/complexity/ComplexityClassifier';
import { complexitySignals, numericFeatures } from '../../../../src/core/routing/complexity/complexityFeatures';
import { readRouterRows } from '../../../../src/core/routing/complexity/train/routerData';
import { placeLocal } from '../../../../src/core/routing/complexity/train/trainComplexityModel';
import { decideTier, mediumThreshold } from '../../../../src/core/routing/complexity/tierDecision';

const root = path.resolve(__dirname, '../../../../..');

// The shipped classifier dots the featurizer's hashed counts with the weights directly (no vector, no
// sort); training and every earlier figure used the sorted, normalised vector. The two must decide alike.
describe('fused featurize-and-score path of the complexity model', function () {
  this.timeout(900_000); // CPU-bound: a limit that only catches a hang, however loaded the machine
  const model = TextClassifier.parse<ComplexityModelMeta>(fs.readFileSync(path.join(root, 'media/router/complexity-model.json'), 'utf8'));
  const meta = model.meta!;
  const threshold = mediumThreshold(meta.calibration.points, 0.8);

  const decide = (p: Float64Array, s: ReturnType<typeof complexitySignals>) => {
    const veto = meta.thresholds.stakesVeto === undefined ? undefined : { pLow: p[0] + p[1], threshold: meta.thresholds.stakesVeto };
    const guard = meta.thresholds.guard && { pHigh: p[3] + p[4], pCritical: p[4], ...meta.thresholds.guard };
    const tier = applyRails(decideTier(p, meta.thresholds), s, {
      closeReading: true,
      analysisLines: meta.analysisLines,
      analysisFiles: meta.analysisFiles,
      veto,
      guard,
    }).level;
    return { tier, local: placeLocal(tier - 1, p, threshold) };
  };

  for (const file of ['train.jsonl', 'heldout.jsonl']) {
    it(`gives the vector path's probabilities (±1e-6) and the same tier and placement on every row of ${file}`, () => {
      const rows = readRouterRows(path.join(root, 'data/router', file));
      let worst = 0;
      for (const r of rows) {
        const s = complexitySignals(r.prompt, undefined, r.fileCount, r.codeLines);
        const numeric = numericFeatures(s, meta.analysisLines, meta.analysisFiles);
        const read = clipText(s.window, model.featurizer.options.maxChars);
        const viaVector = model.predictVector(model.featurizer.featurizeFolded(read, numeric)).proba;
        const fused = model.predictFolded(read, numeric).proba;
        for (let c = 0; c < 5; c++) worst = Math.max(worst, Math.abs(viaVector[c] - fused[c]));
        assert.deepEqual(decide(fused, s), decide(viaVector, s), `${r.id}: ${r.prompt}`);
      }
      assert.ok(worst < 1e-6, `largest probability difference ${worst}`);
    });
  }

  it('leaves the featurizer clean: a vector made after a fused prediction is the vector made before it', () => {
    const text = 'rename the variable tmp to slot, then rename it back';
    const zeros = new Array(model.featurizer.options.numeric.length).fill(0);
    const before = model.featurizer.featurizeFolded(text, zeros);
    model.predictFolded('a different text with other words, words, words', zeros);
    const after = model.featurizer.featurizeFolded(text, zeros);
    assert.deepEqual(Array.from(after.indices), Array.from(before.indices));
    assert.deepEqual(Array.from(after.values), Array.from(before.values));
  });

  it('rejects a wrong number of numeric features with a clear error', () => {
    assert.throws(() => model.predictFolded('hello', [1]), /Expected 9 numeric features/);
  });

  it('gives the bias-only answer for text without words, like the vector path', () => {
    const numeric = new Array(model.featurizer.options.numeric.length).fill(0);
    const fused = model.predictFolded('!!! ???', numeric).proba;
    const viaVector = model.predictVector(model.featurizer.featurizeFolded('!!! ???', numeric)).proba;
    for (let c = 0; c < 5; c++) assert.ok(Math.abs(fused[c] - viaVector[c]) < 1e-9);
  });
});
