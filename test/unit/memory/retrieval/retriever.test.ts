import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { FakeClock } from '../../../fakes/FakeClock';
import { approximateTokens, ContextRetriever, type MemorySource } from '../../../../src/core/memory/retrieval/ContextRetriever';
import type { MemorySearchResult, SearchOptions } from '../../../../src/core/memory/store/MemoryQuery';
import { matchesFilter } from '../../../../src/core/memory/store/MemoryQuery';
import type { MemoryRecord } from '../../../../src/core/memory/store/MemoryRecord';
import { OfflineEmbedder } from '../../../../src/core/memory/embedders/OfflineEmbedder';
import { VectorMemoryStore } from '../../../../src/core/memory/store/VectorMemoryStore';

const T0 = Date.UTC(2025, 5, 1);
const HOUR = 3_600_000;

function rec(id: string, createdAt: number, extra: Partial<MemoryRecord> = {}): MemoryRecord {
  return { id, type: 'decision', text: `memory ${id}`, metadata: { importance: 'medium', createdAt, updatedAt: createdAt }, ...extra };
}

/** A source whose scores the test dictates, so the decay arithmetic is checked exactly. */
class ScriptedSource implements MemorySource {
  lastOptions: SearchOptions | undefined;
  constructor(private readonly hits: { record: MemoryRecord; score: number }[]) {}
  async search(_q: string, options: SearchOptions = {}): Promise<MemorySearchResult[]> {
    this.lastOptions = options;
    return this.hits
      .filter((h) => matchesFilter(h.record, options) && h.score >= (options.minSimilarity ?? 0))
      .map((h) => ({ record: h.record, similarity: h.score, keywordScore: 0, score: h.score }));
  }
  list(filter = {}) {
    return this.hits.map((h) => h.record).filter((r) => matchesFilter(r, filter));
  }
}

describe('ContextRetriever', () => {
  it("weights similarity by the seed's exp(-age/decay) with the injected clock (floor 0)", async () => {
    const clock = new FakeClock(T0);
    const source = new ScriptedSource([
      { record: rec('fresh', T0), score: 0.5 },
      { record: rec('week', T0 - 168 * HOUR), score: 0.9 },
      { record: rec('month', T0 - 720 * HOUR), score: 0.95 },
    ]);
    const r = new ContextRetriever(source, { clock, decayHours: 168, decayFloor: 0 });
    const got = await r.retrieveContext('q', { relevanceThreshold: 0 }, 5);
    assert.deepEqual(
      got.map((m) => m.record.id),
      ['fresh', 'week', 'month'],
    );
    assert.equal(got[0].relevance, 0.5);
    assert.ok(Math.abs(got[1].relevance - 0.9 * Math.exp(-1)) < 1e-12);
    assert.ok(Math.abs(got[2].relevance - 0.95 * Math.exp(-720 / 168)) < 1e-12);
    assert.equal(got[1].ageHours, 168);

    clock.advance(168 * HOUR);
    const later = await r.retrieveContext('q', { relevanceThreshold: 0 }, 5);
    assert.ok(Math.abs(later.find((m) => m.record.id === 'fresh')!.relevance - 0.5 * Math.exp(-1)) < 1e-12);
  });

  it('keeps at least half of a score however old the memory (the default floor)', async () => {
    const clock = new FakeClock(T0);
    const source = new ScriptedSource([
      { record: rec('week', T0 - 720 * HOUR), score: 0.8 },
      { record: rec('year', T0 - 365 * 24 * HOUR), score: 0.8 },
    ]);
    const got = await new ContextRetriever(source, { clock }).retrieveContext('q');
    assert.ok(Math.abs(got[0].relevance - 0.8 * (0.5 + 0.5 * Math.exp(-1))) < 1e-12);
    assert.ok(got[1].relevance >= 0.4 && got[1].relevance < 0.4 + 1e-4, `a year old keeps half: ${got[1].relevance}`);
    assert.throws(() => new ContextRetriever(source, { decayFloor: 1.5 }), /decayFloor must be between 0 and 1/);
  });

  it('applies the threshold to similarity before the time weight, exactly at the boundary', async () => {
    const clock = new FakeClock(T0);
    // Half a year old: its weighted relevance (≈ 0.15) is far below the threshold; its similarity is not.
    const source = new ScriptedSource([{ record: rec('a', T0 - 4380 * HOUR), score: 0.3 }]);
    const r = new ContextRetriever(source, { clock });
    const got = await r.retrieveContext('q', { relevanceThreshold: 0.3 });
    assert.deepEqual(
      got.map((m) => m.record.id),
      ['a'],
    );
    assert.ok(got[0].relevance < 0.3);
    assert.equal((await r.retrieveContext('q', { relevanceThreshold: 0.3 + 1e-9 })).length, 0);
    assert.equal(source.lastOptions?.minSimilarity, 0.3 + 1e-9, 'the threshold filters similarity in the store');
  });

  it('ranks the newer of two equally similar decisions first, and an old memory that matches far better above a fresh weak one', async () => {
    const clock = new FakeClock(T0);
    const got = await new ContextRetriever(
      new ScriptedSource([
        { record: rec('old-choice', T0 - 2000 * HOUR), score: 0.6 },
        { record: rec('new-choice', T0 - 300 * HOUR), score: 0.6 },
        { record: rec('fresh-weak', T0 - 1 * HOUR), score: 0.25 },
        { record: rec('old-strong', T0 - 3000 * HOUR), score: 0.9 },
      ]),
      { clock },
    ).retrieveContext('q');
    assert.deepEqual(
      got.map((m) => m.record.id),
      ['new-choice', 'old-strong', 'old-choice', 'fresh-weak'],
    );
  });

  it('finds an old but highly relevant memory and not a recent irrelevant one (real store, injected clock)', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jarvis-ret-old-'));
    try {
      const clock = new FakeClock(T0);
      const store = await VectorMemoryStore.open({ folder: dir, embedder: new OfflineEmbedder(), clock, retentionDays: 3650 });
      await store.store({ text: 'Decision: invoices are numbered per tenant with a Postgres sequence, never a global counter', type: 'decision' });
      clock.advance(150 * 24 * HOUR); // five months later
      await store.store({ text: 'The team lunch moved to Thursday this week', type: 'observation' });
      clock.advance(2 * HOUR);
      const got = await new ContextRetriever(store, { clock }).retrieveContext('how are invoices numbered per tenant?');
      assert.deepEqual(
        got.map((m) => m.record.type),
        ['decision'],
      );
      assert.ok(got[0].ageHours > 3600);
      await store.close();
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('passes project, user and time range down to the store', async () => {
    const clock = new FakeClock(T0);
    const a = rec('a', T0 - 2 * HOUR, { metadata: { importance: 'medium', createdAt: T0 - 2 * HOUR, updatedAt: T0, project: 'web' } });
    const b = rec('b', T0 - 2 * HOUR, { metadata: { importance: 'medium', createdAt: T0 - 2 * HOUR, updatedAt: T0, project: 'api' } });
    const old = rec('old', T0 - 50 * HOUR, { metadata: { importance: 'medium', createdAt: T0 - 50 * HOUR, updatedAt: T0, project: 'web' } });
    const r = new ContextRetriever(new ScriptedSource([a, b, old].map((record) => ({ record, score: 0.9 }))), { clock });
    const got = await r.retrieveContext('q', { project: 'web', timeRange: [T0 - 24 * HOUR, T0] });
    assert.deepEqual(
      got.map((m) => m.record.id),
      ['a'],
    );
  });

  it('finds related decisions within hoursBack only', async () => {
    const clock = new FakeClock(T0);
    const r = new ContextRetriever(
      new ScriptedSource([
        { record: rec('recent', T0 - 10 * HOUR), score: 0.9 },
        { record: rec('ancient', T0 - 800 * HOUR), score: 0.9 },
        { record: rec('note', T0 - 1 * HOUR, { type: 'observation' }), score: 0.9 },
      ]),
      { clock },
    );
    assert.deepEqual(
      (await r.findRelatedDecisions('db')).map((m) => m.record.id),
      ['recent'],
    );
    assert.equal((await r.findRelatedDecisions('db', 1000)).length, 2);
  });

  it('assembles a token-budgeted project block, important and recent first', () => {
    const clock = new FakeClock(T0);
    const mk = (id: string, type: MemoryRecord['type'], importance: 'low' | 'medium' | 'high', hoursAgo: number, text: string) =>
      rec(id, T0 - hoursAgo * HOUR, { type, text, metadata: { importance, createdAt: T0 - hoursAgo * HOUR, updatedAt: T0, project: 'web_app' } });
    const records = [
      mk('1', 'decision', 'high', 5, 'Use PostgreSQL for production'),
      mk('2', 'action_item', 'medium', 1, 'Write the migration scripts'),
      mk('3', 'observation', 'low', 2, 'x'.repeat(400)),
      mk('4', 'decision', 'medium', 24 * 40, 'Too old to include'),
    ];
    const r = new ContextRetriever(new ScriptedSource(records.map((record) => ({ record, score: 1 }))), { clock });
    const block = r.getProjectContext('web_app', { tokenBudget: 60 });
    assert.equal(
      block,
      'Context for project "web_app" (last 30 days):\nDecisions:\n- [2025-05-31] Use PostgreSQL for production\nAction items:\n- [2025-05-31] Write the migration scripts',
    );
    assert.ok(approximateTokens(block) <= 60);
    assert.match(r.getProjectContext('web_app', { tokenBudget: 400 }), /Observations:\n- \[2025-05-31\] xxxx/);
    assert.equal(r.getProjectContext('other'), '');
  });

  it('refuses bad options with clear errors', async () => {
    const r = new ContextRetriever(new ScriptedSource([]));
    assert.throws(() => new ContextRetriever(new ScriptedSource([]), { decayHours: 0 }), /decayHours must be a positive/);
    await assert.rejects(r.retrieveContext('q', {}, 0), /maxResults must be a whole number/);
    await assert.rejects(r.retrieveContext('q', { relevanceThreshold: 2 }), /relevanceThreshold must be between 0 and 1/);
    await assert.rejects(r.retrieveContext('q', { timeRange: [5, 1] }), /timeRange must be \[from, to\]/);
    await assert.rejects(r.findRelatedDecisions('q', -1), /hoursBack must be positive/);
    assert.throws(() => r.getProjectContext(''), /needs a project name/);
    assert.throws(() => r.getProjectContext('p', { tokenBudget: 5 }), /tokenBudget must be a whole number of at least 20/);
  });

  it('works end to end on the real store', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jarvis-ret-'));
    try {
      const clock = new FakeClock(T0);
      const store = await VectorMemoryStore.open({ folder: dir, embedder: new OfflineEmbedder(), clock });
      await store.store({ text: 'Decided to use PostgreSQL for the production database', type: 'decision', metadata: { project: 'web_app' } });
      clock.advance(24 * HOUR);
      await store.store({ text: 'Lunch menu changed', type: 'observation', metadata: { project: 'web_app' } });
      const r = new ContextRetriever(store, { clock });
      const got = await r.findRelatedDecisions('which production database');
      assert.equal(got.length, 1);
      assert.match(got[0].record.text, /PostgreSQL/);
      assert.ok(got[0].relevance < got[0].similarity);
      assert.match(r.getProjectContext('web_app'), /Decisions:\n- \[2025-06-01\] Decided to use PostgreSQL/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
