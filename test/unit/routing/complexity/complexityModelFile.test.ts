import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readRouterRows } from '../../../../src/core/routing/complexity/train/routerData';
import { trainComplexityModel } from '../../../../src/core/routing/complexity/train/trainComplexityModel';

const root = path.resolve(__dirname, '../../../../..');
const MODEL = path.join(root, 'media/router/complexity-model.json');
const TRAIN = path.join(root, 'data/router/train.jsonl');
const DEV2 = path.join(root, 'data/router/dev-2.jsonl');

describe('committed complexity model', function () {
  // Retraining takes a few seconds on a shared machine; nothing here measures time.
  this.timeout(180_000);

  it('is under 2 MB', () => {
    assert.ok(fs.statSync(MODEL).size < 2 * 1024 * 1024, `${fs.statSync(MODEL).size} bytes`);
  });

  it('records the hash of the training data it was trained on', () => {
    const meta = JSON.parse(fs.readFileSync(MODEL, 'utf8')).meta;
    const sha = createHash('sha256').update(fs.readFileSync(TRAIN, 'utf8')).digest('hex');
    assert.equal(meta.trainedOn.sha256, sha, 'data/router/train.jsonl changed: run `npm run train:router` and commit the model');
  });

  it('records the hash of the dev-2 rows its thresholds were tuned on', () => {
    const meta = JSON.parse(fs.readFileSync(MODEL, 'utf8')).meta;
    const sha = createHash('sha256').update(fs.readFileSync(DEV2, 'utf8')).digest('hex');
    assert.equal(meta.tunedOn?.sha256, sha, 'data/router/dev-2.jsonl changed: run `npm run train:router` and commit the model');
  });

  it('is exactly what `npm run train:router` produces from the data and the script', () => {
    const dev2 = { rows: readRouterRows(DEV2), text: fs.readFileSync(DEV2, 'utf8') };
    const result = trainComplexityModel(readRouterRows(TRAIN), fs.readFileSync(TRAIN, 'utf8'), { dev2 });
    assert.ok(result.text === fs.readFileSync(MODEL, 'utf8'), 'the committed model differs from a retrain: run `npm run train:router` and commit the model');
  });
});
