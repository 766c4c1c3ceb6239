import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../../..');

/** The same walk as scripts/folder-counts.mjs, which prints the block to paste. */
function folderCounts(dir: string): string[] {
  const entries = fs.readdirSync(path.join(root, dir), { withFileTypes: true });
  const subfolders = entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name));
  return [`${dir}/ ${entries.filter((e) => e.isFile()).length}`, ...subfolders.flatMap((e) => folderCounts(`${dir}/${e.name}`))];
}

describe('docs/ARCHITECTURE.md', () => {
  it('lists every folder of src/ with its file count, and no folder that is gone (node scripts/folder-counts.mjs)', () => {
    const doc = fs.readFileSync(path.join(root, 'docs', 'ARCHITECTURE.md'), 'utf8');
    const block = /<!-- folder-counts -->\n+```\n([\s\S]*?)\n```/.exec(doc);
    assert.ok(block, 'ARCHITECTURE.md has no <!-- folder-counts --> block');
    assert.deepEqual(block[1].split('\n'), folderCounts('src'));
  });
});
