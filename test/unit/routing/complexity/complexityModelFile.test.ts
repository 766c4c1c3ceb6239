import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TUNING_SPLITS, readRouterRows } from '../../../../src/core/routing/complexity/train/routerData';
import { trainComplexityModel } from '../../../../src/core/routing/complexity/train/trainComplexityModel';

const root = path.resolve(__dirname, '../../../../..');
const MODEL = path.join(root, 'media/router/complexity-model.json');
const TRAIN = path.join(root, 'data/router/train.jsonl');

describe('committed complexity model', function () {
  // Retraining takes a few seconds on a shared machine; nothing here measures time.
  this.timeout(900_000); // CPU-bound: a limit that only catches a hang, however loaded the machine

  it('is under 2 MB', () => {
    assert.ok(fs.statSync(MODEL).size < 2 * 1024 * 1024, `${fs.statSync(MODEL).size} bytes`);
  });

  it('records the hash of the training data it was trained on', () => {
    const meta = JSON.parse(fs.readFileSync(MODEL, 'utf8')).meta;
    const sha = createHash('sha256').update(fs.readFileSync(TRAIN, 'utf8')).digest('hex');
    assert.equal(meta.trainedOn.sha256, sha, 'data/router/train.jsonl changed: run `npm run train:router` and commit the model');
  });

  // The tuning splits that are in data/router, in the order the training script reads them.
  const tuning = TUNING_SPLITS.filter((f) => fs.existsSync(path.join(root, 'data/router', f))).map((f) => {
    const file = path.join(root, 'data/router', f);
    return { name: f, rows: readRouterRows(file), text: fs.readFileSync(file, 'utf8') };
  });

  it('records the hash of every tuning split its thresholds were tuned on', () => {
    const meta = JSON.parse(fs.readFileSync(MODEL, 'utf8')).meta;
    assert.ok(tuning.length >= 2, 'dev-2 and heldout-2 are tuning splits');
    assert.deepEqual(
      meta.tunedOn,
      tuning.map((t) => ({ file: t.name, rows: t.rows.length, sha256: createHash('sha256').update(t.text).digest('hex') })),
      'a tuning split changed: run `npm run train:router` and commit the model',
    );
  });

  it('is exactly what `npm run train:router` produces from the data and the script', () => {
    const result = trainComplexityModel(readRouterRows(TRAIN), fs.readFileSync(TRAIN, 'utf8'), { tuning });
    assert.ok(result.text === fs.readFileSync(MODEL, 'utf8'), 'the committed model differs from a retrain: run `npm run train:router` and commit the model');
  });
});
