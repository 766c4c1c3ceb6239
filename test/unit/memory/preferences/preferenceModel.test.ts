import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isJarvisError } from '../../../../src/common/errors';
import { TextClassifier } from '../../../../src/core/ml/TextClassifier';
import { preferenceModel, PREFERENCE_LABELS } from '../../../../src/core/memory/preferences/PreferenceClassifier';
import { parseCorpus, PREFERENCE_TRAINING_FILES } from '../../../../src/core/memory/preferences/preferenceCorpus';
import { trainPreferenceClassifier } from '../../../../src/core/memory/preferences/trainPreferenceClassifier';

const ROOT = path.resolve(__dirname, '../../../../..');
const read = (...p: string[]) => fs.readFileSync(path.join(ROOT, ...p), 'utf8');

describe('preference model and data', () => {
  const trainTexts = PREFERENCE_TRAINING_FILES.map((f) => read('data', 'preferences', f));
  const trainRows = PREFERENCE_TRAINING_FILES.flatMap((f, i) => parseCorpus(trainTexts[i], f));
  const committed = read('src', 'core', 'memory', 'preferences', 'preferenceModel.json');

  it('the committed model was trained on the committed training files (npm run train:prefs reproduces it)', function () {
    this.timeout(900_000); // one full training run: about a second; the limit only catches a hang, however loaded the machine
    const meta = preferenceModel().meta!;
    assert.equal(meta.dataSha256, createHash('sha256').update(trainTexts.join('')).digest('hex'), 'a training file changed: run npm run train:prefs');
    assert.equal(meta.trainedOn, trainRows.length);
    const again = trainPreferenceClassifier(trainRows, meta, {
      thresholds: { threshold: meta.threshold, structuredThreshold: meta.structuredThreshold },
    });
    assert.equal(again.serialize(), committed, 'training script and model disagree: run npm run train:prefs');
    assert.deepEqual(preferenceModel().labels, [...PREFERENCE_LABELS]);
  });

  it('the splits follow the schema and share no sentence or id', () => {
    // Every held-out file present (heldout.jsonl, and a blind heldout-N.jsonl once copied in).
    const heldoutFiles = fs.readdirSync(path.join(ROOT, 'data', 'preferences')).filter((f) => /^heldout(?:-\d+)?\.jsonl$/.test(f));
    assert.ok(heldoutFiles.includes('heldout.jsonl'));
    const norm = (s: string) =>
      s
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
    const seen = new Set(trainRows.map((r) => norm(r.text)));
    const ids = new Set(trainRows.map((r) => r.id));
    assert.equal(ids.size, trainRows.length, 'ids are unique across the training files');
    for (const f of heldoutFiles) {
      const heldout = parseCorpus(read('data', 'preferences', f), f);
      assert.deepEqual(
        heldout.filter((r) => seen.has(norm(r.text)) || ids.has(r.id)).map((r) => r.id),
        [],
        `${f} shares rows with training`,
      );
      for (const lang of ['en', 'de', 'es', 'fr'])
        assert.ok(
          heldout.some((r) => r.lang === lang && !r.preference),
          `${f}: ${lang} has non-preferences`,
        );
    }
    // heldout-2 was spent (measured once, then trained on): it lives on only as train-2.jsonl.
    assert.ok(!heldoutFiles.includes('heldout-2.jsonl'), 'heldout-2 is train-2.jsonl now');
    assert.ok(!heldoutFiles.includes('heldout-3.jsonl'), 'heldout-3 is train-3.jsonl now');
    assert.ok(
      trainRows.some((r) => r.id.startsWith('h3-')),
      'train-3 is read for training',
    );
    assert.ok(trainRows.length > 2 * parseCorpus(read('data', 'preferences', 'heldout.jsonl')).length, 'training is the bigger part');
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
