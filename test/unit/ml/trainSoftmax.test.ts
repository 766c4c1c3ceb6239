import * as assert from 'node:assert/strict';
import { isJarvisError } from '../../../src/common/errors';
import { HashingFeaturizer } from '../../../src/core/ml/HashingFeaturizer';
import { SoftmaxModel, softmax } from '../../../src/core/ml/SoftmaxModel';
import { TextClassifier } from '../../../src/core/ml/TextClassifier';
import { trainSoftmax } from '../../../src/core/ml/trainSoftmax';

const ROWS: Array<[string, string]> = [
  ['what does HTTP stand for', 'fact'],
  ['what is the default port of redis', 'fact'],
  ['define idempotent', 'fact'],
  ['que significa CORS', 'fact'],
  ['was bedeutet DNS', 'fact'],
  ['design a sharded event store for billing', 'hard'],
  ['architect a multi region failover for the payments database', 'hard'],
  ['prove this lock free queue is linearizable', 'hard'],
  ['diseña una arquitectura de replicación multi región', 'hard'],
  ['entwirf ein verteiltes konsensprotokoll für den cluster', 'hard'],
];

function train(seed = 3) {
  const f = new HashingFeaturizer({ buckets: 1 << 10, numeric: ['len'] });
  const labels = ['fact', 'hard'];
  const data = ROWS.map(([t, l]) => ({ x: f.featurize(t, [Math.log1p(t.length) / 5]), y: labels.indexOf(l) }));
  const model = trainSoftmax(data, { classes: 2, dims: f.dims, epochs: 40, seed, classWeights: 'balanced' });
  return new TextClassifier(labels, f, model, { note: 'test' });
}

describe('ml: trainSoftmax + TextClassifier', () => {
  it('learns a separable toy task, including unseen phrasings', () => {
    const clf = train();
    for (const [t, l] of ROWS) assert.equal(clf.predict(t, [Math.log1p(t.length) / 5]).label, l, t);
    assert.equal(clf.predict('what is the default port of postgres', [0.7]).label, 'fact');
    assert.equal(clf.predict('design a linearizable replicated log for the billing cluster', [0.9]).label, 'hard');
  });

  it('is deterministic: same data and seed → identical file bytes; another seed → different weights', () => {
    assert.equal(train(3).serialize(), train(3).serialize());
    assert.notEqual(train(3).serialize(), train(4).serialize());
  });

  it('round-trips through the file format exactly (predictions and bytes)', () => {
    const clf = train();
    const text = clf.serialize();
    const back = TextClassifier.parse<{ note: string }>(text);
    assert.equal(back.serialize(), text);
    assert.equal(back.meta?.note, 'test');
    const p1 = clf.predict('define mutex', [0.4]).proba;
    const p2 = back.predict('define mutex', [0.4]).proba;
    assert.deepEqual(Array.from(p1), Array.from(p2));
  });

  it('reports a corrupt model file clearly: not JSON, wrong format, truncated weights, bad bias', () => {
    const good = JSON.parse(train().serialize());
    const cases: Array<[string, RegExp]> = [
      ['{"format": "jarvis-text-cl', /not valid JSON/],
      [JSON.stringify({ ...good, format: 'other' }), /not a jarvis-text-classifier\/1 file/],
      [JSON.stringify({ ...good, model: { ...good.model, weights: good.model.weights.slice(0, 100) } }), /weights hold \d+ bytes, expected/],
      [JSON.stringify({ ...good, model: { ...good.model, bias: [1] } }), /bias must hold one finite number per class/],
      [JSON.stringify({ ...good, labels: ['a', 'b', 'c'] }), /3 labels for a 2-class model/],
      [JSON.stringify({ ...good, featurizer: { ...good.featurizer, buckets: 2048 } }), /Featurizer makes 2049 features, model expects 1025/],
    ];
    for (const [text, re] of cases)
      assert.throws(
        () => TextClassifier.parse(text),
        (e) => isJarvisError(e, 'invalid-input') && re.test(e.message),
        text.slice(0, 60),
      );
  });

  it('validates training input', () => {
    const f = new HashingFeaturizer({ buckets: 256 });
    assert.throws(() => trainSoftmax([], { classes: 2, dims: f.dims }), /No training examples/);
    assert.throws(() => trainSoftmax([{ x: f.featurize('a b'), y: 2 }], { classes: 2, dims: f.dims }), /class 2, outside 0…1/);
    assert.throws(() => trainSoftmax([{ x: f.featurize('a b'), y: 0 }], { classes: 2, dims: 10 }), /outside 0…9/);
  });

  it('softmax is stable for large logits and ignores out-of-range features at inference', () => {
    const p = softmax([1000, 1000, -1000]);
    assert.ok(Math.abs(p[0] - 0.5) < 1e-12 && p[2] === 0);
    const m = new SoftmaxModel(2, 2, new Float32Array([1, 0, 0, 1]), new Float64Array([0, 0]), 1 / 4096);
    const l = m.logits({ indices: new Int32Array([0, 7, -1]), values: new Float32Array([2, 5, 5]) });
    assert.deepEqual(Array.from(l), [2, 0]);
  });
});
