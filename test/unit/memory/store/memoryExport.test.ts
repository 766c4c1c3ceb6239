import * as assert from 'node:assert/strict';
import { assertJarvisError } from '../../helpers/assertJarvisError';
import { planMemoryImport, toMemoryExport } from '../../../../src/core/memory/store/memoryExport';
import type { MemoryRecord } from '../../../../src/core/memory/store/MemoryRecord';

const record = (id: string, text: string, type: MemoryRecord['type'] = 'decision'): MemoryRecord => ({
  id,
  type,
  text,
  metadata: { importance: 'high', project: 'Shop', createdAt: Date.UTC(2025, 0, 1), updatedAt: Date.UTC(2025, 0, 2), tags: { by: 'ana' } },
});

describe('memory export and import', () => {
  it('round-trips an export, keeping metadata and the original date as a tag', () => {
    const text = JSON.stringify(
      toMemoryExport([record('a', 'Use PostgreSQL'), record('b', 'Deploy on Fridays is banned', 'preference')], Date.UTC(2025, 1, 1)),
    );
    const plan = planMemoryImport(text, []);
    assert.deepEqual(plan.skipped, []);
    assert.equal(plan.memories.length, 2);
    assert.deepEqual(plan.memories[0], {
      text: 'Use PostgreSQL',
      type: 'decision',
      metadata: { project: 'Shop', importance: 'high', tags: { by: 'ana', originalCreatedAt: '2025-01-01T00:00:00.000Z' } },
    });
  });

  it('validates every entry on its own and reports what it skipped and why', () => {
    const entries = [
      record('a', 'fine'),
      { id: 'b', type: 'gossip', text: 'x', metadata: {} },
      { id: 'c', type: 'decision', text: '' },
      'not an object',
      { ...record('d', 'bad importance'), metadata: { importance: 'urgent', createdAt: 1, updatedAt: 1 } },
      record('e', 'already here'),
      record('f', 'fine'),
    ];
    const plan = planMemoryImport(JSON.stringify(entries), [{ type: 'decision', text: 'already here' }]);
    assert.deepEqual(
      plan.memories.map((m) => m.text),
      ['fine'],
    );
    assert.deepEqual(
      plan.skipped.map((s) => s.index),
      [2, 3, 4, 5, 6, 7],
    );
    assert.match(plan.skipped[0].reason, /Unknown memory type "gossip"/);
    assert.match(plan.skipped[1].reason, /non-empty `text`/);
    assert.match(plan.skipped[2].reason, /not an object/);
    assert.match(plan.skipped[3].reason, /importance/);
    assert.equal(plan.skipped[4].reason, 'already remembered');
    assert.equal(plan.skipped[5].reason, 'already remembered', 'a duplicate within the file is skipped too');
  });

  it('refuses files that are not memory exports with a clear message', async () => {
    assert.match((await assertJarvisError(async () => planMemoryImport('{oops', []), 'invalid-input')).message, /not valid JSON/);
    assert.match((await assertJarvisError(async () => planMemoryImport('{"a":1}', []), 'invalid-input')).message, /no "memories" list/);
    assert.match(
      (await assertJarvisError(async () => planMemoryImport('{"format":"other","version":1,"memories":[]}', []), 'invalid-input')).message,
      /Unsupported export format/,
    );
  });
});
