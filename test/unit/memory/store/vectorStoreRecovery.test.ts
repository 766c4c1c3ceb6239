import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { FakeClock } from '../../../fakes/FakeClock';
import { OfflineEmbedder } from '../../../../src/core/memory/embedders/OfflineEmbedder';
import { VectorMemoryStore } from '../../../../src/core/memory/store/VectorMemoryStore';

const T0 = Date.UTC(2025, 2, 1);

describe('VectorMemoryStore recovery', () => {
  let dir: string;
  const clock = new FakeClock(T0);
  const embedder = new OfflineEmbedder();
  const open = () => VectorMemoryStore.open({ folder: dir, embedder, clock });
  const genDir = async () =>
    path.join(
      dir,
      (await fs.readdir(dir)).find((f) => f.startsWith('gen-'))!,
    );
  const seed = async (n: number) => {
    const store = await open();
    const records = await Promise.all(Array.from({ length: n }, (_, i) => store.store({ text: `Decision ${i}: adopt tool number ${i}`, type: 'decision' })));
    await store.close();
    return records;
  };

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jarvis-mem-rec-'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('keeps a half-written index.json as a backup and rebuilds every memory from the journal', async () => {
    const records = await seed(20);
    const indexFile = path.join(await genDir(), 'index.json');
    const full = await fs.readFile(indexFile);
    await fs.writeFile(indexFile, full.subarray(0, Math.floor(full.length / 2)));

    const store = await open();
    const backup = path.join(dir, `index.json.corrupt-${T0}`);
    assert.equal(store.recovery.corruptBackup, backup);
    assert.equal(store.recovery.rebuilt, true);
    assert.equal(store.recovery.reembedded, 20);
    assert.equal((await fs.readFile(backup)).length, Math.floor(full.length / 2));
    assert.equal(store.size, 20);
    for (const r of records) assert.deepEqual(store.get(r.id), r);
    assert.equal((await store.search('adopt tool number 7', { mode: 'semantic' }))[0].record.id, records[7].id);

    const clean = await open();
    assert.equal(clean.recovery.rebuilt, false);
    assert.equal(clean.size, 20);
  });

  it('re-embeds memories whose journal entry landed but whose index write did not (crash between them)', async () => {
    await seed(3);
    const orphan = {
      id: 'crash-1',
      type: 'insight',
      text: 'Caching the tokenizer halves latency',
      metadata: { importance: 'medium', createdAt: T0, updatedAt: T0 },
    };
    await fs.appendFile(path.join(dir, 'journal.jsonl'), JSON.stringify({ op: 'put', record: orphan }) + '\n');
    const store = await open();
    assert.equal(store.recovery.reembedded, 1);
    assert.equal(store.size, 4);
    assert.equal((await store.search('tokenizer latency'))[0].record.id, 'crash-1');
  });

  it('applies a journaled delete the index missed, and drops a torn last journal line', async () => {
    const records = await seed(3);
    await fs.appendFile(path.join(dir, 'journal.jsonl'), JSON.stringify({ op: 'del', id: records[0].id }) + '\n{"op":"put","rec');
    const store = await open();
    assert.equal(store.recovery.removed, 1);
    assert.equal(store.recovery.droppedJournalLines, 1);
    assert.equal(store.size, 2);
    assert.equal(store.get(records[0].id), undefined);
    const lines = (await fs.readFile(path.join(dir, 'journal.jsonl'), 'utf8')).trim().split('\n');
    assert.equal(lines.length, 2, 'journal compacted to the live memories');
  });

  it('re-embeds memories whose vector rows were cut off (torn vector file)', async () => {
    const records = await seed(5);
    const vf = path.join(await genDir(), 'vectors.f32');
    const size = (await fs.stat(vf)).size;
    await fs.truncate(vf, size - 384 * 4 - 100);
    const store = await open();
    assert.equal(store.recovery.reembedded, 2);
    assert.equal(store.size, 5);
    for (const r of records) assert.ok(store.get(r.id));
    assert.equal((await store.search('adopt tool number 4', { mode: 'semantic' }))[0].record.id, records[4].id);
  });

  it('rebuilds from the journal when store.json is damaged, keeping a backup', async () => {
    await seed(4);
    await fs.writeFile(path.join(dir, 'store.json'), '{"format":1,"gen');
    const store = await open();
    assert.equal(store.recovery.corruptBackup, path.join(dir, `store.json.corrupt-${T0}`));
    assert.equal(store.size, 4);
  });

  it('rebuilds the journal from the index when the journal file was deleted', async () => {
    const records = await seed(4);
    await fs.rm(path.join(dir, 'journal.jsonl'));
    const store = await open();
    assert.equal(store.size, 4);
    const lines = (await fs.readFile(path.join(dir, 'journal.jsonl'), 'utf8')).trim().split('\n');
    assert.equal(lines.length, 4);
    assert.ok(store.get(records[2].id));
  });
});
