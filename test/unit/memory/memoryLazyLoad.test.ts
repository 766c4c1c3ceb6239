import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** Compiled core modules (this file runs from out/test/unit). */
const OUT_MEMORY = path.resolve(__dirname, '../../../src/core/memory');

/** Runs `body` in a fresh Node process and returns the heavy modules it left in require.cache. */
async function heavyModulesAfter(body: string): Promise<string[]> {
  const script = `
    const heavy = () => Object.keys(require.cache).filter((k) => /node_modules[\\\\/](vectra|minisearch)[\\\\/]/.test(k)).map((k) => k.match(/node_modules[\\\\/](vectra|minisearch)/)[1]);
    (async () => { ${body}; process.stdout.write(JSON.stringify([...new Set(heavy())].sort())); })().catch((e) => { console.error(e); process.exit(1); });
  `;
  const { stdout } = await run(process.execPath, ['-e', script], { cwd: OUT_MEMORY, timeout: 20_000 });
  return JSON.parse(stdout) as string[];
}

describe('memory loads vectra and minisearch lazily', () => {
  it('importing the memory service, the store and the chat contributors loads neither', async () => {
    const loaded = await heavyModulesAfter(`
      for (const m of ['MemoryService', 'store/VectorMemoryStore', 'contributors/MemoryContextContributor', 'contributors/SessionContextContributor', 'contributors/memoryCommands', 'store/KeywordIndex', 'store/MemoryState']) {
        require(${JSON.stringify(OUT_MEMORY)} + '/' + m + '.js');
      }
    `);
    assert.deepEqual(loaded, []);
  });

  it('opening a store (first use) loads both, so the check above sees real loads', async () => {
    const loaded = await heavyModulesAfter(`
      const os = require('node:os'); const fs = require('node:fs'); const path = require('node:path');
      const { VectorMemoryStore } = require(${JSON.stringify(OUT_MEMORY)} + '/store/VectorMemoryStore.js');
      const { OfflineEmbedder } = require(${JSON.stringify(OUT_MEMORY)} + '/embedders/OfflineEmbedder.js');
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'jarvis-lazy-'));
      const store = await VectorMemoryStore.open({ folder, embedder: new OfflineEmbedder() });
      await store.store({ type: 'decision', text: 'We use PostgreSQL for orders' });
      await store.search('PostgreSQL', { mode: 'keyword' });
      await store.close();
      fs.rmSync(folder, { recursive: true, force: true });
    `);
    assert.deepEqual(loaded, ['minisearch', 'vectra']);
  });
});
