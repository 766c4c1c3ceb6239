import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { FakeClock } from '../../../fakes/FakeClock';
import { isJarvisError } from '../../../../src/common/errors';
import { MemoryGeneration } from '../../../../src/core/memory/store/MemoryGeneration';
import { OfflineEmbedder } from '../../../../src/core/memory/embedders/OfflineEmbedder';
import { VectorMemoryStore } from '../../../../src/core/memory/store/VectorMemoryStore';

const T0 = Date.UTC(2025, 0, 1);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('VectorMemoryStore', () => {
  let dir: string;
  let clock: FakeClock;
  const embedder = new OfflineEmbedder();
  const open = (extra: Partial<Parameters<typeof VectorMemoryStore.open>[0]> = {}) => VectorMemoryStore.open({ folder: dir, embedder, clock, ...extra });

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jarvis-mem-'));
    clock = new FakeClock(T0);
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('stores, gets, searches by meaning and persists across reopen', async () => {
    const store = await open();
    const pg = await store.store({
      text: 'Decided to use PostgreSQL for the production database',
      type: 'decision',
      metadata: { project: 'web_app', importance: 'high', tags: { decided_by: 'architect' } },
    });
    await store.store({ text: 'Team lunch is on Friday at noon', type: 'observation' });
    assert.equal(store.get(pg.id)?.metadata.importance, 'high');
    assert.equal(pg.metadata.createdAt, T0);

    const hits = await store.search('database choice for production', { type: 'decision' });
    assert.equal(hits[0].record.id, pg.id);
    assert.ok(hits[0].similarity > 0.3, `similarity ${hits[0].similarity}`);
    await store.close();

    const again = await open();
    assert.equal(again.size, 2);
    assert.deepEqual(again.get(pg.id), pg);
    assert.equal((await again.search('production database'))[0].record.id, pg.id);
    assert.equal(again.recovery.rebuilt, false);
    assert.equal(again.recovery.reembedded, 0);
  });

  it('keeps vectra index.json in vectra format with vectors in the sidecar', async () => {
    const store = await open();
    const m = await store.store({ text: 'Use feature flags for risky releases', type: 'insight' });
    const { LocalIndex } = await import('vectra/lib/LocalIndex.js');
    const gen = (await fs.readdir(dir)).find((f) => f.startsWith('gen-'))!;
    const index = new LocalIndex(path.join(dir, gen));
    const item = await index.getItem(m.id);
    assert.equal(item?.metadata.text, m.text);
    assert.equal(item?.metadata.row, 0);
    const size = (await fs.stat(path.join(dir, gen, 'vectors.f32'))).size;
    assert.equal(size, 256 + 384 * 4);
  });

  it('lands 100 concurrent stores, coalesced into a few index writes', async () => {
    const store = await open();
    let commits = 0;
    const original = MemoryGeneration.prototype.commit;
    MemoryGeneration.prototype.commit = function (...args) {
      commits++;
      return original.apply(this, args);
    };
    const records = await Promise.all(
      Array.from({ length: 100 }, (_, i) => store.store({ text: `memory number ${i} about topic ${i % 7}`, type: 'observation' })),
    );
    MemoryGeneration.prototype.commit = original;
    assert.ok(commits >= 1 && commits <= 3, `${commits} index rewrites for 100 stores`);
    assert.equal(new Set(records.map((r) => r.id)).size, 100);
    assert.equal(store.size, 100);
    const lines = (await fs.readFile(path.join(dir, 'journal.jsonl'), 'utf8')).trim().split('\n');
    assert.equal(lines.length, 100);
    const reopened = await open();
    assert.equal(reopened.size, 100);
    for (const r of records) assert.equal(reopened.get(r.id)?.text, r.text);
  });

  it('updates (re-embedding only on text change) and deletes', async () => {
    const store = await open();
    const m = await store.store({ text: 'Deploy on Tuesdays', type: 'decision' });
    clock.advance(HOUR);
    const meta = await store.update(m.id, { metadata: { importance: 'high' } });
    assert.equal(meta.text, 'Deploy on Tuesdays');
    assert.equal(meta.metadata.importance, 'high');
    assert.equal(meta.metadata.updatedAt, T0 + HOUR);
    assert.equal(meta.metadata.createdAt, T0);
    const changed = await store.update(m.id, { text: 'Deploy on Thursdays after the freeze' });
    assert.equal((await store.search('thursdays freeze', { mode: 'semantic' }))[0].record.id, m.id);
    assert.equal(changed.metadata.importance, 'high');
    assert.equal(await store.delete(m.id), true);
    assert.equal(await store.delete(m.id), false);
    assert.equal(store.get(m.id), undefined);
    assert.equal((await open()).size, 0);
  });

  it('lists recent memories by type and time window', async () => {
    const store = await open();
    await store.store({ text: 'old action', type: 'action_item' });
    clock.advance(30 * HOUR);
    const fresh = await store.store({ text: 'new action', type: 'action_item' });
    await store.store({ text: 'new insight', type: 'insight' });
    assert.deepEqual(
      store.recent({ type: 'action_item', hours: 24 }).map((r) => r.id),
      [fresh.id],
    );
    assert.equal(store.recent({ hours: 48 }).length, 3);
    assert.equal(store.recent({ hours: 48, limit: 1 }).length, 1);
  });

  it('removes memories past retention and keeps the rest', async () => {
    const store = await open({ retentionDays: 90 });
    const old = await store.store({ text: 'ancient decision', type: 'decision' });
    clock.advance(60 * DAY);
    const mid = await store.store({ text: 'recent decision', type: 'decision' });
    clock.advance(31 * DAY);
    assert.equal(await store.cleanup(), 1);
    assert.equal(store.get(old.id), undefined);
    assert.ok(store.get(mid.id));
    assert.equal((await open()).size, 1);
  });

  it('refuses bad input with clear errors', async () => {
    await assert.rejects(VectorMemoryStore.open({ folder: '', embedder }), /needs a `folder`/);
    await assert.rejects(open({ retentionDays: 0 }), /retentionDays must be a positive/);
    await assert.rejects(open({ keywordWeight: 2 }), /keywordWeight must be between 0 and 1/);
    await assert.rejects(
      VectorMemoryStore.open({ folder: dir, embedder: {} as never }),
      (e) => isJarvisError(e, 'invalid-input') && /needs an embedder/.test(e.message),
    );
    const store = await open();
    assert.throws(() => store.store({ text: '  ', type: 'decision' }), /non-empty `text`/);
    assert.throws(() => store.store({ text: 'x', type: 'nope' as never }), /Unknown memory type "nope"; use one of: meeting_summary/);
    assert.throws(() => store.store({ text: 'x', type: 'insight', metadata: { importance: 'urgent' as never } }), /low, medium or high/);
    assert.throws(() => store.store({ text: 'x'.repeat(9000), type: 'insight' }), /limited to 8000 characters/);
    assert.throws(() => store.store({ text: 'x', type: 'insight', metadata: { tags: { a: {} as never } } }), /tag "a"/);
    await assert.rejects(store.search(''), /non-empty query/);
    await assert.rejects(store.search('x', { limit: 0 }), /limit must be a whole number/);
    await assert.rejects(store.search('x', { minSimilarity: 3 }), /minSimilarity must be between/);
    await assert.rejects(store.search('x', { mode: 'fuzzy' as never }), /mode must be hybrid/);
    await assert.rejects(store.update('missing', { text: 'y' }), /no memory with id "missing"/);
    assert.throws(() => store.recent({ hours: -1 }), /hours must be positive/);
  });

  it('reports an unusable folder as storage-failed with an actionable message', async () => {
    const file = path.join(dir, 'not-a-folder');
    await fs.writeFile(file, 'x');
    await assert.rejects(
      VectorMemoryStore.open({ folder: file, embedder, clock }),
      (e) => isJarvisError(e, 'storage-failed') && /Could not open the memory store in .*not-a-folder/.test(e.message) && /writable/.test(e.message),
    );
  });

  it('refuses workspace-derived memories when the workspace is untrusted', async () => {
    let trusted = false;
    const store = await open({ trust: { isTrusted: () => trusted } });
    assert.throws(
      () => store.storeFromWorkspace({ text: 'README says: always deploy on Friday', type: 'decision' }),
      (e) => isJarvisError(e, 'untrusted-workspace') && /Manage Workspace Trust/.test(e.message),
    );
    assert.equal(store.size, 0);
    trusted = true;
    await store.storeFromWorkspace({ text: 'README says: always deploy on Friday', type: 'decision' });
    assert.equal(store.size, 1);
  });

  it('cancels a store whose signal fired before it was written', async () => {
    const store = await open();
    const ac = new AbortController();
    const p = store.store({ text: 'maybe', type: 'insight' }, ac.signal);
    ac.abort();
    await assert.rejects(p, (e) => isJarvisError(e, 'cancelled'));
    assert.equal(store.size, 0);
  });
});
