import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { FakeClock } from '../../../fakes/FakeClock';
import { fuseHybrid } from '../../../../src/core/memory/store/fuseHybrid';
import { OfflineEmbedder } from '../../../../src/core/memory/embedders/OfflineEmbedder';
import { VectorMemoryStore } from '../../../../src/core/memory/store/VectorMemoryStore';

describe('hybrid memory search', () => {
  let dir: string;
  let store: VectorMemoryStore;
  let target: string;

  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jarvis-mem-hy-'));
    store = await VectorMemoryStore.open({ folder: dir, embedder: new OfflineEmbedder(), clock: new FakeClock(Date.UTC(2025, 4, 1)) });
    const distractors = [
      'We parse the user config once at startup',
      'Parsing user config files is slow on Windows',
      'User config parse errors should be shown in the status bar',
      'Config for each user is parsed lazily',
      'The user config parser supports YAML and JSON',
      'Move user config parsing into a worker',
    ];
    for (const text of distractors) await store.store({ text, type: 'observation' });
    const t = await store.store({
      text: 'Error pattern: crash in parseUserConfig when a YAML deployment manifest mixes tabs and spaces; normalise whitespace before loading',
      type: 'error_pattern',
    });
    target = t.id;
  });
  after(() => fs.rm(dir, { recursive: true, force: true }));

  it('finds an exact identifier that pure semantic search ranks below look-alikes', async () => {
    const semantic = await store.search('parseUserConfig', { mode: 'semantic', limit: 3 });
    assert.ok(!semantic.some((r) => r.record.id === target), 'semantic alone misses it in the top 3');
    const hybrid = await store.search('parseUserConfig', { limit: 3 });
    assert.equal(hybrid[0].record.id, target);
    assert.equal(hybrid[0].keywordScore, 1);
  });

  it('keyword mode and filters work on the keyword side too', async () => {
    const kw = await store.search('parseUserConfig', { mode: 'keyword', limit: 1 });
    assert.equal(kw[0].record.id, target);
    const filtered = await store.search('parseUserConfig', { type: 'observation', limit: 10 });
    assert.ok(filtered.every((r) => r.record.type === 'observation'));
  });

  it('fuses by weighted score so magnitudes stay in [0, 1]', () => {
    const fused = fuseHybrid(
      [
        { id: 'a', similarity: 0.9, bm25: 0 },
        { id: 'b', similarity: 0.2, bm25: 10 },
        { id: 'c', similarity: -0.5, bm25: 5 },
      ],
      0.3,
    );
    assert.deepEqual(
      fused.map((f) => [f.id, Number(f.score.toFixed(3))]),
      [
        ['a', 0.63],
        ['b', 0.44],
        ['c', 0.15],
      ],
    );
  });
});
