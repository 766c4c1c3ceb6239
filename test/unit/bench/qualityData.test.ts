import * as assert from 'node:assert/strict';
import { isDev, readSplit, trainSplits, type QualityRecord } from '../../../bench/quality/qualityDataset';

const KINDS = new Set([
  'repetition',
  'placeholder',
  'wrong-language',
  'syntax',
  'off-topic',
  'natural-language',
  'non-answer',
  'invented-api',
  'refusal',
  'truncated',
]);
const SHAPES = new Set(['short', 'long', 'code-only', 'non-english', 'prose']);
const key = (r: QualityRecord) => `${r.question}\u0000${r.answer}`;

describe('quality-gate labelled set (data/quality)', () => {
  const train = readSplit('train');
  const heldout = readSplit('heldout');

  it('has at least 300 records, each well-formed, with unique ids', () => {
    assert.ok(train.length + heldout.length >= 300, `${train.length + heldout.length} records`);
    for (const [split, records, prefix] of [
      ['train', train, 't-'],
      ['heldout', heldout, 'h-'],
    ] as const) {
      const ids = new Set<string>();
      for (const r of records) {
        assert.ok(r.id.startsWith(prefix) && !ids.has(r.id), `${split}: id ${r.id}`);
        ids.add(r.id);
        assert.ok(r.question.trim() !== '' && typeof r.answer === 'string', `${r.id}: question and answer`);
        if (r.label === 'bad') assert.ok(KINDS.has(r.kind ?? ''), `${r.id}: kind ${r.kind}`);
        else assert.ok(SHAPES.has(r.shape ?? ''), `${r.id}: shape ${r.shape}`);
        assert.ok(['en', 'de', 'es', 'fr'].includes(r.lang), `${r.id}: lang ${r.lang}`);
      }
    }
  });

  it('shares no (question, answer) pair between training and held-out data', () => {
    const held = new Set(heldout.map(key));
    assert.deepEqual(
      train.filter((r) => held.has(key(r))).map((r) => r.id),
      [],
    );
  });

  it('carves a dev quarter out of train with both labels, disjoint from what is fitted', () => {
    const { fit, dev } = trainSplits();
    assert.equal(fit.length + dev.length, train.length);
    assert.ok(dev.every(isDev) && !fit.some(isDev));
    assert.ok(dev.some((r) => r.label === 'good') && dev.some((r) => r.label === 'bad'));
    assert.ok(dev.length > train.length / 5 && dev.length < train.length / 3, `${dev.length} of ${train.length}`);
  });

  it('puts only training ids in the dev split', () => {
    assert.equal(isDev({ id: 'h-004' } as QualityRecord), false, 'held-out ids are never dev');
    assert.equal(isDev({ id: 't-008' } as QualityRecord), true);
  });
});
