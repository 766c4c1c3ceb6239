import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { fillerMemories, loadRetrievalSet, parseRetrievalSet } from '../../../bench/retrieval/dataset';
import { hitAt, ndcgAt, newerFirst, precisionAt, recallAt, reciprocalRank } from '../../../bench/retrieval/rankMetrics';

const repo = path.resolve(__dirname, '../../../..');
const mem = (id: string) => JSON.stringify({ id, project: 'p', type: 'decision', createdAt: '2026-06-01T09:00:00Z', text: `memory ${id}` });

describe('retrieval benchmark: ranking metrics', () => {
  const rel = new Set(['a', 'c']);
  it('recall, precision and hit at k', () => {
    assert.equal(recallAt(['a', 'b', 'c'], rel, 2), 0.5);
    assert.equal(recallAt(['a', 'b', 'c'], rel, 5), 1);
    assert.equal(precisionAt(['a', 'b'], rel, 5), 0.2);
    assert.equal(hitAt(['b', 'a'], rel, 1), 0);
    assert.equal(hitAt(['b', 'a'], rel, 2), 1);
    assert.throws(() => recallAt(['a'], new Set(), 5), /at least one relevant/);
  });

  it('reciprocal rank and nDCG (binary gains, log2 discount)', () => {
    assert.equal(reciprocalRank(['b', 'x', 'c'], rel), 1 / 3);
    assert.equal(reciprocalRank(['b'], rel), 0);
    assert.equal(ndcgAt(['a', 'c'], rel, 5), 1);
    const dcg = 1 / Math.log2(3);
    assert.ok(Math.abs(ndcgAt(['b', 'a'], rel, 5) - dcg / (1 + 1 / Math.log2(3))) < 1e-12);
  });

  it('newer-first on conflicting decisions', () => {
    assert.equal(newerFirst(['new', 'old'], new Set(['new']), new Set(['old'])), 1);
    assert.equal(newerFirst(['old', 'new'], new Set(['new']), new Set(['old'])), 0);
    assert.equal(newerFirst(['new'], new Set(['new']), new Set(['old'])), 1);
    assert.equal(newerFirst(['old'], new Set(['new']), new Set(['old'])), 0);
  });
});

describe('retrieval benchmark: labelled set', () => {
  it('parses memories and queries and checks that judged ids exist', () => {
    const set = parseRetrievalSet(`${mem('m1')}\n${mem('m2')}\n`, JSON.stringify({ id: 'q1', query: 'which', relevant: ['m2'], superseded: ['m1'] }));
    assert.equal(set.memories[0].createdAt, Date.parse('2026-06-01T09:00:00Z'));
    assert.deepEqual(set.queries[0], { id: 'q1', query: 'which', relevant: ['m2'], superseded: ['m1'] });
  });

  it('reports every problem with its file and line', () => {
    const memories = [mem('m1'), mem('m1'), JSON.stringify({ id: 'm3', project: 'p', type: 'memo', createdAt: '2026-06-01', text: 'x' })].join('\n');
    const queries = [JSON.stringify({ id: 'q1', query: 'a', relevant: ['m9'] }), JSON.stringify({ id: 'q2', query: 'b', relevant: [] })].join('\n');
    assert.throws(
      () => parseRetrievalSet(memories, queries),
      (e: Error) => {
        for (const want of [
          'memories.jsonl line 2: duplicate id m1',
          'memories.jsonl line 3: type "memo"',
          'queries.jsonl line 1: unknown memory id(s) m9',
          'queries.jsonl line 2: relevant must be',
        ])
          assert.ok(e.message.includes(want), `${want} in ${e.message}`);
        return true;
      },
    );
    assert.throws(() => parseRetrievalSet(mem('m1'), 'nope'), /queries.jsonl line 1: not JSON/);
  });

  it('the committed set has a few hundred memories, at least 100 queries and conflict queries', () => {
    const set = loadRetrievalSet(path.join(repo, 'data', 'retrieval'));
    assert.ok(set.memories.length >= 200, String(set.memories.length));
    assert.ok(set.queries.length >= 100, String(set.queries.length));
    assert.ok(set.queries.filter((q) => q.superseded).length >= 10);
  });

  it('distractors are deterministic, unique and within the time range', () => {
    const a = fillerMemories(50, 1000, 2000);
    assert.deepEqual(a, fillerMemories(50, 1000, 2000));
    assert.equal(new Set(a.map((m) => m.id)).size, 50);
    assert.ok(a.every((m) => m.createdAt >= 1000 && m.createdAt < 2000));
  });
});
