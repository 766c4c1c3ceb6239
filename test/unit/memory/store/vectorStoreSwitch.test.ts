import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { FakeClock } from '../../../fakes/FakeClock';
import { isJarvisError } from '../../../../src/common/errors';
import type { Embedder } from '../../../../src/core/memory/embedders/Embedder';
import { OfflineEmbedder } from '../../../../src/core/memory/embedders/OfflineEmbedder';
import { type SwitchProgress, VectorMemoryStore } from '../../../../src/core/memory/store/VectorMemoryStore';

/** Wraps an embedder so a test can hold a batch until it says go. */
class GatedEmbedder implements Embedder {
  readonly calls: number[] = [];
  private gate: Promise<void> | undefined;
  private release: (() => void) | undefined;
  constructor(private readonly inner: OfflineEmbedder) {}
  get id() {
    return this.inner.id;
  }
  get dimension() {
    return this.inner.dimension;
  }
  hold(): void {
    this.gate = new Promise((r) => (this.release = r));
  }
  go(): void {
    this.release?.();
    this.gate = undefined;
  }
  async embed(texts: string[], signal?: AbortSignal): Promise<number[][]> {
    this.calls.push(texts.length);
    if (this.gate) await this.gate;
    return this.inner.embed(texts, signal);
  }
}

describe('VectorMemoryStore.switchEmbedder', () => {
  let dir: string;
  const clock = new FakeClock(Date.UTC(2025, 3, 1));
  const small = new OfflineEmbedder({ dimension: 128 });
  const large = new OfflineEmbedder({ dimension: 384 });
  const header = async () => {
    const pointer = JSON.parse(await fs.readFile(path.join(dir, 'store.json'), 'utf8'));
    return { pointer, gens: (await fs.readdir(dir)).filter((f) => f.startsWith('gen-')) };
  };
  const fill = async (store: VectorMemoryStore, n: number) =>
    Promise.all(Array.from({ length: n }, (_, i) => store.store({ text: `note ${i} on subject ${i % 5}`, type: 'observation' })));

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jarvis-mem-sw-'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('re-embeds every memory in batches, reports progress and swaps to the new dimension', async () => {
    const store = await VectorMemoryStore.open({ folder: dir, embedder: small, clock });
    const records = await fill(store, 150);
    const progress: SwitchProgress[] = [];
    await store.switchEmbedder(large, (p) => progress.push(p));
    assert.deepEqual(progress, [
      { done: 64, total: 150 },
      { done: 128, total: 150 },
      { done: 150, total: 150 },
    ]);
    assert.equal(store.embedder.id, large.id);
    const { pointer, gens } = await header();
    assert.equal(pointer.dimension, 384);
    assert.equal(gens.length, 1, 'the old generation is removed');
    const vectors = await fs.stat(path.join(dir, gens[0], 'vectors.f32'));
    assert.equal(vectors.size, 256 + 150 * 384 * 4);
    assert.equal((await store.search('note 42 on subject 2', { mode: 'semantic' }))[0].record.id, records[42].id);
  });

  it('never mixes dimensions: reopening with the old embedder is refused, reembed: true rebuilds', async () => {
    const store = await VectorMemoryStore.open({ folder: dir, embedder: small, clock });
    await fill(store, 5);
    await store.switchEmbedder(large);
    await assert.rejects(
      VectorMemoryStore.open({ folder: dir, embedder: small, clock }),
      (e) => isJarvisError(e, 'invalid-input') && /built with "offline-hash-v1-384" \(384 dimensions\)/.test(e.message) && /switchEmbedder/.test(e.message),
    );
    const rebuilt = await VectorMemoryStore.open({ folder: dir, embedder: small, clock, reembed: true });
    assert.equal(rebuilt.size, 5);
    assert.equal((await header()).pointer.dimension, 128);
  });

  it('cancel leaves the old index intact and serving', async () => {
    const store = await VectorMemoryStore.open({ folder: dir, embedder: small, clock });
    const records = await fill(store, 200);
    const before = await header();
    const ac = new AbortController();
    await assert.rejects(
      store.switchEmbedder(large, (p) => p.done >= 64 && ac.abort(), ac.signal),
      (e) => isJarvisError(e, 'cancelled'),
    );
    assert.deepEqual(await header(), before);
    assert.equal(store.embedder.id, small.id);
    assert.equal((await store.search('note 7 on subject 2', { mode: 'semantic' }))[0].record.id, records[7].id);
    await store.store({ text: 'still writable', type: 'insight' });
    const reopened = await VectorMemoryStore.open({ folder: dir, embedder: small, clock });
    assert.equal(reopened.size, 201);
  });

  it('keeps serving and accepting writes while re-embedding, and includes those writes', async () => {
    const gated = new GatedEmbedder(large);
    const store = await VectorMemoryStore.open({ folder: dir, embedder: small, clock });
    await fill(store, 10);
    gated.hold();
    const switching = store.switchEmbedder(gated);
    await new Promise((r) => setImmediate(r));
    const during = await store.store({ text: 'written during the switch about kubernetes', type: 'decision' });
    assert.equal((await store.search('kubernetes'))[0].record.id, during.id, 'served by the old embedder meanwhile');
    gated.go();
    await switching;
    assert.equal(store.embedder.id, large.id);
    assert.equal(store.size, 11);
    assert.equal((await store.search('kubernetes', { mode: 'semantic' }))[0].record.id, during.id);
  });

  it('refuses a second switch while one runs, and a malformed embedder', async () => {
    const gated = new GatedEmbedder(large);
    const store = await VectorMemoryStore.open({ folder: dir, embedder: small, clock });
    await fill(store, 3);
    gated.hold();
    const first = store.switchEmbedder(gated);
    await assert.rejects(store.switchEmbedder(large), /already running/);
    gated.go();
    await first;
    await assert.rejects(store.switchEmbedder({ id: 'x', dimension: 0, embed: async () => [] }), /needs an embedder/);
  });
});
