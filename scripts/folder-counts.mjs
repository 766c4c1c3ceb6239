// Prints the files-per-folder block of docs/ARCHITECTURE.md from the src/ tree
// (test/unit/build/architectureFolders.test.ts fails when the document's block differs).
import * as fs from 'node:fs';
import * as path from 'node:path';

export function folderCounts(root) {
  const rows = [];
  const walk = (dir) => {
    const entries = fs.readdirSync(path.join(root, dir), { withFileTypes: true });
    rows.push(`${dir}/ ${entries.filter((e) => e.isFile()).length}`);
    for (const e of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) walk(`${dir}/${e.name}`);
  };
  walk('src');
  return rows.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  console.log(folderCounts(process.cwd()));
}
