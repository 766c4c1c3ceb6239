import * as assert from 'node:assert/strict';
import { blindSplitName, isDev, readSplit, trainSplits, type QualityRecord } from '../../../bench/quality/qualityDataset';

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
  const train2 = readSplit('train-2');

  it('has at least 300 records, each well-formed, with unique ids', () => {
    assert.ok(train.length + heldout.length >= 300, `${train.length + heldout.length} records`);
    for (const [split, records, prefix] of [
      ['train', train, 't-'],
      ['heldout', heldout, 'h-'],
      ['train-2', train2, 'h2'],
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
      [...train, ...train2].filter((r) => held.has(key(r))).map((r) => r.id),
      [],
    );
    const first = new Set(train.map(key));
    assert.deepEqual(
      train2.filter((r) => first.has(key(r))).map((r) => r.id),
      [],
    );
  });

  for (const [file, records] of [
    ['train', train],
    ['train-2', train2],
  ] as const) {
    it(`carves a dev quarter out of ${file} with both labels and every language, disjoint from what is fitted`, () => {
      const { fit, dev } = trainSplits(file);
      assert.equal(fit.length + dev.length, records.length);
      assert.ok(dev.every(isDev) && !fit.some(isDev));
      assert.ok(dev.some((r) => r.label === 'good') && dev.some((r) => r.label === 'bad'));
      assert.ok(dev.length > records.length / 5 && dev.length < records.length / 3, `${dev.length} of ${records.length}`);
      for (const lang of new Set(records.map((r) => r.lang)))
        assert.ok(
          dev.some((r) => r.lang === lang),
          `${file} dev has ${lang}`,
        );
    });
  }

  it('puts only training ids in the dev split', () => {
    assert.equal(isDev({ id: 'h-004' } as QualityRecord), false, 'held-out ids are never dev');
    assert.equal(isDev({ id: 'h3en-004' } as QualityRecord), false, 'a new blind set is never dev');
    assert.equal(isDev({ id: 't-008' } as QualityRecord), true);
    assert.equal(isDev({ id: 'h2fr-012' } as QualityRecord), true);
    assert.equal(isDev({ id: 'h2fr-013' } as QualityRecord), false);
  });

  it('measures the newest blind heldout-N (N ≥ 2) present, and none when only seen files are there', () => {
    assert.equal(blindSplitName(['heldout.jsonl', 'train.jsonl', 'train-2.jsonl', 'train-2.md'], ''), undefined);
    assert.equal(blindSplitName(['heldout.jsonl', 'heldout-3.jsonl', 'heldout-3.md', 'train-2.jsonl'], ''), 'heldout-3');
    assert.equal(blindSplitName(['heldout-3.jsonl', 'heldout-12.jsonl', 'heldout-4.jsonl'], ''), 'heldout-12');
    assert.equal(blindSplitName(['heldout-3.jsonl'], 'heldout-9'), 'heldout-9', 'JARVIS_QUALITY_BLIND names one');
  });
});
