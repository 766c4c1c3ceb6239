import * as assert from 'node:assert/strict';
import { FakeClock } from '../../../fakes/FakeClock';
import { ContextRetriever } from '../../../../src/core/memory/retrieval/ContextRetriever';
import { assessAnchor, codeSimilarity } from '../../../../src/core/memory/anchors/assessAnchor';
import { ANCHOR_TAGS, isPossiblyStale, readAnchor, withStaleness } from '../../../../src/core/memory/anchors/memoryAnchor';
import type { MemoryRecord } from '../../../../src/core/memory/store/MemoryRecord';

const remembered = 'function retry(times) {\n  for (let i = 0; i < times; i++) attempt();\n}';
const file = (body: string) => `import { attempt } from './a';\n\n${body}\n\nexport {};\n`;

describe('editor: is a remembered selection still true to the code', () => {
  it('is fresh when the code is there verbatim, and re-anchors it when it moved', () => {
    const r = assessAnchor(remembered, file(remembered), { startLine: 3, endLine: 5 });
    assert.deepEqual(r, { state: 'fresh', span: { startLine: 3, endLine: 5 }, similarity: 1 });
    const moved = assessAnchor(remembered, `// new\n// lines\n${file(remembered)}`, { startLine: 3, endLine: 5 });
    assert.deepEqual(moved.state === 'fresh' && moved.span, { startLine: 5, endLine: 7 });
  });

  it('is changed, not stale, after a small edit', () => {
    const edited = remembered.replace('attempt()', 'attemptOnce()');
    const r = assessAnchor(remembered, file(edited), { startLine: 3, endLine: 5 });
    assert.equal(r.state, 'changed');
    assert.ok(r.similarity >= 0.6 && r.similarity < 1, String(r.similarity));
  });

  it('is stale when rewritten, deleted, or when the file is gone', () => {
    const rewritten = 'async function retry(policy) {\n  return await policy.execute(() => fetchAll());\n}';
    const r = assessAnchor(remembered, file(rewritten), { startLine: 3, endLine: 5 });
    assert.equal(r.state, 'stale');
    assert.match(r.state === 'stale' ? r.reason : '', /rewritten|replaced/);
    assert.equal(assessAnchor(remembered, file(''), { startLine: 3, endLine: 5 }).state, 'stale');
    assert.deepEqual(assessAnchor(remembered, undefined, { startLine: 3, endLine: 5 }), { state: 'stale', reason: 'its file was deleted', similarity: 0 });
    assert.equal(assessAnchor(remembered, '', { startLine: 1, endLine: 1 }).state, 'stale');
  });

  it('measures similarity on tokens, not layout', () => {
    assert.equal(codeSimilarity('a(b, c)', 'a( b,\n   c )'), 1);
    assert.equal(codeSimilarity('', ''), 1);
    assert.equal(codeSimilarity('x', ''), 0);
    assert.ok(codeSimilarity('const a = 1', 'let b = 2') < 0.5);
  });

  it('keeps the anchor and the stale flag in flat tags, and clears the flag on confirm', () => {
    const record: MemoryRecord = {
      id: 'm1',
      type: 'insight',
      text: remembered,
      metadata: {
        importance: 'medium',
        createdAt: 1,
        updatedAt: 1,
        sourceFile: 'src/a.ts',
        tags: { [ANCHOR_TAGS.start]: 3, [ANCHOR_TAGS.end]: 5, team: 'core' },
      },
    };
    assert.deepEqual(readAnchor(record), { file: 'src/a.ts', startLine: 3, endLine: 5 });
    const flagged = withStaleness(record.metadata.tags, 'its code was rewritten', 99);
    assert.equal(isPossiblyStale({ ...record, metadata: { ...record.metadata, tags: flagged } }), true);
    assert.equal(flagged.team, 'core');
    const confirmed = withStaleness(flagged, undefined, 100, { startLine: 7, endLine: 9 });
    assert.deepEqual(confirmed, { [ANCHOR_TAGS.start]: 7, [ANCHOR_TAGS.end]: 9, team: 'core' });
    assert.equal(readAnchor({ ...record, metadata: { ...record.metadata, sourceFile: undefined } }), undefined);
  });
});

describe('retrieval ranks a possibly stale memory lower', () => {
  it('halves its relevance, so a fresh memory of equal similarity comes first', async () => {
    const mk = (id: string, stale: boolean): MemoryRecord => ({
      id,
      type: 'insight',
      text: `retry policy ${id}`,
      metadata: { importance: 'medium', createdAt: 0, updatedAt: 0, tags: stale ? { [ANCHOR_TAGS.stale]: true } : {} },
    });
    const source = {
      search: async () => [mk('old', true), mk('new', false)].map((record) => ({ record, similarity: 0.9, keywordScore: 0, score: 0.9 })),
      list: () => [],
    };
    const found = await new ContextRetriever(source, { clock: new FakeClock(0) }).retrieveContext('retry', { relevanceThreshold: 0.3 });
    assert.deepEqual(
      found.map((f) => [f.record.id, f.relevance]),
      [
        ['new', 0.9],
        ['old', 0.45],
      ],
    );
  });
});
