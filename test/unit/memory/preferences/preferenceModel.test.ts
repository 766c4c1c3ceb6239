import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isJarvisError } from '../../../../src/common/errors';
import { TextClassifier } from '../../../../src/core/ml/TextClassifier';
import { preferenceModel, PREFERENCE_LABELS } from '../../../../src/core/memory/preferences/PreferenceClassifier';
import { parseCorpus } from '../../../../src/core/memory/preferences/preferenceCorpus';
import { trainPreferenceClassifier } from '../../../../src/core/memory/preferences/trainPreferenceClassifier';

const ROOT = path.resolve(__dirname, '../../../../..');
const read = (...p: string[]) => fs.readFileSync(path.join(ROOT, ...p), 'utf8');

describe('preference model and data', () => {
  const trainText = read('data', 'preferences', 'train.jsonl');
  const committed = read('src', 'core', 'memory', 'preferences', 'preferenceModel.json');

  it('the committed model was trained on the committed training split (npm run train:prefs reproduces it)', function () {
    this.timeout(900_000); // one full training run: about a second; the limit only catches a hang, however loaded the machine
    const meta = preferenceModel().meta!;
    assert.equal(meta.dataSha256, createHash('sha256').update(trainText).digest('hex'), 'data/preferences/train.jsonl changed: run npm run train:prefs');
    const again = trainPreferenceClassifier(parseCorpus(trainText), meta, {
      thresholds: { threshold: meta.threshold, structuredThreshold: meta.structuredThreshold },
    });
    assert.equal(again.serialize(), committed, 'training script and model disagree: run npm run train:prefs');
    assert.deepEqual(preferenceModel().labels, [...PREFERENCE_LABELS]);
  });

  it('the splits follow the schema and share no sentence', () => {
    const heldout = parseCorpus(read('data', 'preferences', 'heldout.jsonl'), 'heldout.jsonl');
    const train = parseCorpus(trainText, 'train.jsonl');
    const norm = (s: string) =>
      s
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
    const seen = new Set(train.map((r) => norm(r.text)));
    assert.deepEqual(
      heldout.filter((r) => seen.has(norm(r.text))).map((r) => r.id),
      [],
    );
    assert.ok(train.length > heldout.length, 'the training split is the bigger one');
    for (const lang of ['en', 'de', 'es', 'fr'])
      assert.ok(
        heldout.some((r) => r.lang === lang && !r.preference),
        `${lang} has non-preferences`,
      );
  });

  it('a corrupt corpus line or model file is a clear error', () => {
    assert.throws(
      () => parseCorpus('{"id":"a","lang":"xx","text":"t","preference":false,"kind":"question"}', 'c.jsonl'),
      (e) => isJarvisError(e, 'invalid-input') && /c\.jsonl:1: lang/.test(e.message),
    );
    assert.throws(() => parseCorpus('{"id":"a","lang":"en","text":"t","preference":true}'), /needs one of the eight categories/);
    assert.throws(
      () => TextClassifier.parse(committed.slice(0, 200)),
      (e) => isJarvisError(e, 'invalid-input'),
    );
  });
});
