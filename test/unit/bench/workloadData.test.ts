import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { byTier, mean, summarizeRun, type RequestRecord } from '../../../bench/workload/metrics';
import { loadWorkload, parseWorkload, TIERS } from '../../../bench/workload/workload';
import { pieceOffsets, splitPieces } from '../../fakes/SimulatedReply';
import { percentile } from '../../harness/benchStats';

const repo = path.resolve(__dirname, '../../../..');
const line = (o: object) => JSON.stringify(o);
const files: Record<string, string> = { 'a.ts': 'export const a = 1;\n' };
const read = (name: string) => files[name];

describe('workload benchmark: loader', () => {
  it('loads sessions in order, attaches files with their language, and links repeats to the original', () => {
    const w = parseWorkload(
      [
        line({ id: 'w1', session: 's1', tier: 'low', prompt: 'Explain this', attachment: 'a.ts' }),
        line({ id: 'w2', session: 's1', tier: 'medium', prompt: 'Now refactor it', code: 'ts' }),
        '',
        line({ id: 'w3', session: 's2', tier: 'low', prompt: 'Explain this', attachment: 'a.ts', repeatOf: 'w1' }),
      ].join('\n'),
      read,
    );
    assert.deepEqual(
      w.sessions.map((s) => [s.id, s.turns.map((t) => t.id)]),
      [
        ['s1', ['w1', 'w2']],
        ['s2', ['w3']],
      ],
    );
    assert.deepEqual(w.requests[0].attached, { name: 'a.ts', content: 'export const a = 1;\n', languageId: 'typescript' });
    assert.equal(w.requests[2].original, 'w1');
  });

  it('reports every bad line with its number and loads nothing', () => {
    const text = [
      line({ id: 'w1', session: 's1', tier: 'easy', prompt: 'hello there' }),
      'not json',
      line({ id: 'w3', session: 's1', tier: 'low', prompt: 'hello there', attachment: 'missing.ts' }),
      line({ id: 'w4', session: 's1', tier: 'low', prompt: 'hello there', colour: 'red' }),
      line({ id: 'w5', session: 's1', tier: 'low', prompt: 'x', repeatOf: 'w9' }),
    ].join('\n');
    assert.throws(
      () => parseWorkload(text, read),
      (e: Error) => {
        for (const want of [
          'line 1: w1: tier must be one of',
          'line 2: not JSON',
          'line 3: attachment missing.ts not found',
          'line 4: w4: unknown field(s) colour',
          'line 5: w5: prompt must be',
        ])
          assert.ok(e.message.includes(want), `${want} in ${e.message}`);
        return true;
      },
    );
  });

  it('rejects a repeat that is not word for word, and an unmarked duplicate', () => {
    const a = line({ id: 'w1', session: 's1', tier: 'low', prompt: 'Explain this' });
    assert.throws(
      () => parseWorkload(`${a}\n${line({ id: 'w2', session: 's2', tier: 'low', prompt: 'Explain that', repeatOf: 'w1' })}`, read),
      /repeatOf w1 but prompt, attachment or tier differ/,
    );
    assert.throws(
      () => parseWorkload(`${a}\n${line({ id: 'w2', session: 's2', tier: 'low', prompt: 'Explain this' })}`, read),
      /w2: same prompt as w1 but not marked repeatOf/,
    );
    assert.throws(() => parseWorkload('\n\n', read), /Workload is empty/);
  });

  it('the committed workload loads and covers all five tiers, repeats and attached code', () => {
    const w = loadWorkload(path.join(repo, 'data', 'workload'));
    for (const t of TIERS)
      assert.ok(
        w.requests.some((r) => r.tier === t),
        t,
      );
    assert.ok(w.requests.some((r) => r.repeatOf) && w.requests.some((r) => r.attached));
  });
});

function rec(over: Partial<RequestRecord>): RequestRecord {
  return {
    id: 'x',
    tier: 'low',
    durationMs: 1000,
    outcome: 'answered',
    cached: false,
    local: true,
    costUsd: 0,
    unknownCost: false,
    escalated: false,
    good: true,
    ...over,
  };
}

describe('workload benchmark: metrics', () => {
  it('nearest-rank percentiles and means', () => {
    const xs = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10];
    assert.equal(percentile(xs, 50), 5);
    assert.equal(percentile(xs, 95), 10);
    assert.equal(percentile(xs, 0), 1);
    assert.equal(mean([1, 2, 3]), 2);
    assert.ok(Number.isNaN(percentile([], 50)));
    assert.throws(() => percentile(xs, 101), /within 0..100/);
  });

  it('summarizes a run: failures count in latency and errors; cache hits are left out of the local share', () => {
    const records = [
      rec({ durationMs: 2000, local: true }),
      rec({ durationMs: 4000, local: false, costUsd: 0.5, escalated: true }),
      rec({ durationMs: 10, cached: true, local: false }),
      rec({ durationMs: 60000, outcome: 'abandoned', local: undefined, good: false }),
    ];
    const s = summarizeRun(records, 120_000);
    assert.equal(s.requests, 4);
    assert.equal(s.costUsd, 0.5);
    assert.equal(s.meanMs, (2000 + 4000 + 10 + 60000) / 4);
    assert.equal(s.p95Ms, 60000);
    assert.equal(s.cacheHitRate, 0.25);
    assert.equal(s.errorRate, 0.25);
    assert.equal(s.throughputPerMin, 2);
    assert.equal(s.localShare, 0.5);
    assert.equal(s.escalations, 1);
    assert.equal(s.goodShare, 0.75);
    assert.equal(s.localMeanMs, 2000);
    assert.equal(s.cloudMeanMs, 4000);
    assert.throws(() => summarizeRun([], 1), /no records/);
    assert.throws(() => summarizeRun(records, 0), /makespan must be positive/);
  });

  it('breaks a run down by the human-labelled tier', () => {
    const t = byTier([rec({ tier: 'high', judgedTier: 'low', good: false }), rec({ tier: 'high', judgedTier: 'high', local: false, costUsd: 0.2 })], TIERS);
    assert.deepEqual(t, [{ tier: 'high', requests: 2, judged: { low: 1, high: 1 }, localShare: 0.5, goodShare: 0.5, meanMs: 1000, costUsd: 0.2 }]);
  });
});

describe('simulated replies (fakes)', () => {
  it('splits text into pieces that join back exactly, several words each when asked', () => {
    const text = 'one two  three\nfour five';
    assert.equal(splitPieces(text).join(''), text);
    assert.deepEqual(splitPieces(text, 2), ['one two', '  three\nfour', ' five']);
  });

  it('schedules the first piece at the time to first token and the rest over the generation time', () => {
    assert.deepEqual(pieceOffsets({ ttftMs: 500, tokensPerSecond: 10, completionTokens: 20 }, 3), [500, 1500, 2500]);
    assert.deepEqual(pieceOffsets({ ttftMs: 500, tokensPerSecond: 10, completionTokens: 20 }, 0), []);
  });
});
