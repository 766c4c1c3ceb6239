import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { isJarvisError } from '../../../../src/common/errors';
import type { Embedder } from '../../../../src/core/memory/embedders/Embedder';
import { embedAll } from '../../../../src/core/memory/store/embedInBatches';
import { importMemories } from '../../../../src/core/memory/store/importMemories';
import { OfflineEmbedder } from '../../../../src/core/memory/embedders/OfflineEmbedder';
import { VectorMemoryStore } from '../../../../src/core/memory/store/VectorMemoryStore';

/** Counts calls, batch sizes and concurrency; fails any batch containing a text in `poison`. */
class CountingEmbedder implements Embedder {
  readonly sizes: number[] = [];
  inFlight = 0;
  maxInFlight = 0;
  poison = new Set<string>();
  /** Batches that fail once, then succeed (a transient error). */
  flaky = new Set<string>();
  private readonly inner = new OfflineEmbedder();
  readonly id = this.inner.id;
  readonly dimension = this.inner.dimension;
  async embed(texts: string[], signal?: AbortSignal): Promise<number[][]> {
    this.sizes.push(texts.length);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await new Promise((r) => setImmediate(r));
      if (texts.some((t) => this.poison.has(t))) throw new Error('embedding server returned 500');
      const flaky = texts.find((t) => this.flaky.has(t));
      if (flaky) {
        this.flaky.delete(flaky);
        throw new Error('connection reset');
      }
      return this.inner.embed(texts, signal);
    } finally {
      this.inFlight--;
    }
  }
}

const texts = (n: number, prefix = 'memory') => Array.from({ length: n }, (_, i) => `${prefix} number ${i} about topic ${i}`);

describe('embedding in batches (BatchProcessor)', () => {
  it('embeds in batches of batchSize with bounded concurrency and reports progress', async () => {
    const e = new CountingEmbedder();
    const progress: number[] = [];
    const out = await embedAll(e, texts(10), { batchSize: 3, concurrency: 2, onProgress: (d) => progress.push(d) });
    assert.deepEqual([...e.sizes].sort(), [1, 3, 3, 3]);
    assert.ok(e.maxInFlight <= 2 && e.maxInFlight >= 1);
    assert.deepEqual(out.failed, []);
    assert.equal(out.successRate, 1);
    assert.equal(out.batches, 4);
    assert.equal(progress.at(-1), 10);
  });

  it('keeps the other batches when one fails, retries it once, and reports what failed', async () => {
    const e = new CountingEmbedder();
    const all = texts(9);
    e.poison.add(all[4]);
    const out = await embedAll(e, all, { batchSize: 3 });
    assert.deepEqual(out.failed, [3, 4, 5]);
    assert.equal(out.batches, 4, '3 batches plus one retry of the failed one');
    assert.ok(Math.abs(out.successRate - 6 / 9) < 1e-9);
    assert.match(String((out.firstError as Error).message), /500/);
    const row = (i: number) => out.rows.subarray(i * e.dimension, (i + 1) * e.dimension);
    assert.ok(row(0).some((v) => v !== 0) && row(8).some((v) => v !== 0), 'other batches embedded');
    assert.ok(
      row(4).every((v) => v === 0),
      'failed rows stay zero',
    );
  });

  it('recovers a batch that fails once (transient error) on its retry', async () => {
    const e = new CountingEmbedder();
    const all = texts(6);
    e.flaky.add(all[0]);
    const out = await embedAll(e, all, { batchSize: 2 });
    assert.deepEqual(out.failed, []);
    assert.equal(out.batches, 4);
  });

  it('stops on cancellation with a cancelled error', async () => {
    const abort = new AbortController();
    abort.abort();
    await assert.rejects(embedAll(new CountingEmbedder(), texts(5), { signal: abort.signal }), (e: unknown) => isJarvisError(e, 'cancelled'));
  });
});

describe('store paths that embed many memories use batches', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jarvis-batch-'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('import: batches of stored memories become single embedding calls; a failing batch loses only itself', async () => {
    const e = new CountingEmbedder();
    const store = await VectorMemoryStore.open({ folder: dir, embedder: e });
    const memories = texts(10, 'imported').map((text) => ({ type: 'insight' as const, text }));
    e.poison.add(memories[5].text);
    e.sizes.length = 0;
    const result = await importMemories(store, memories, { batchSize: 4, concurrency: 1 });
    assert.deepEqual(e.sizes, [4, 4, 4, 2], 'one embedding call per batch (the failing one is tried twice)');
    assert.equal(result.successfulItems, 6);
    assert.deepEqual(
      result.failures.map((f) => f.index),
      [4, 5, 6, 7],
    );
    assert.equal(store.size, 6);
    assert.ok(store.list().some((r) => r.text === memories[9].text));
    await store.close();
  });

  it('embedder switch: re-embeds in batches; a batch that keeps failing cancels the switch with the success rate, nothing lost', async () => {
    const store = await VectorMemoryStore.open({ folder: dir, embedder: new OfflineEmbedder() });
    await Promise.all(texts(130).map((text) => store.store({ type: 'insight', text })));
    const next = new CountingEmbedder();
    Object.defineProperty(next, 'id', { value: 'counting-v2' });
    next.poison.add(texts(130)[70]);
    await assert.rejects(store.switchEmbedder(next), /failed for 64 of 130 texts \(51% embedded\)/);
    assert.equal(store.embedder.id, new OfflineEmbedder().id, 'the previous embedder stays');
    assert.equal(store.size, 130);
    next.poison.clear();
    next.sizes.length = 0;
    await store.switchEmbedder(next);
    assert.deepEqual(next.sizes, [64, 64, 2]);
    assert.equal(store.embedder.id, 'counting-v2');
    await store.close();
  });

  it('rebuild from the journal: a failing batch keeps its memories (zero vectors) and they are embedded on the next load', async () => {
    const seeded = await VectorMemoryStore.open({ folder: dir, embedder: new OfflineEmbedder() });
    const all = texts(100);
    await Promise.all(all.map((text) => seeded.store({ type: 'insight', text })));
    await seeded.close();
    // Damage the index so the next open rebuilds everything from the journal.
    const gen = (await fs.readdir(dir)).find((f) => f.startsWith('gen-'))!;
    await fs.writeFile(path.join(dir, gen, 'index.json'), '{ not json');
    const e = new CountingEmbedder();
    e.poison.add(all[10]);
    const rebuilt = await VectorMemoryStore.open({ folder: dir, embedder: e });
    assert.equal(rebuilt.recovery.rebuilt, true);
    assert.equal(rebuilt.recovery.failedToEmbed, 64);
    assert.equal(rebuilt.size, 100, 'every memory is still there');
    assert.equal((await rebuilt.search(all[10], { mode: 'keyword' }))[0].record.text, all[10]);
    await rebuilt.close();

    e.poison.clear();
    const healed = await VectorMemoryStore.open({ folder: dir, embedder: e });
    assert.equal(healed.recovery.reembedded, 64);
    assert.equal((await healed.search(all[10], { mode: 'semantic' }))[0].record.text, all[10]);
    await healed.close();
  });
});
