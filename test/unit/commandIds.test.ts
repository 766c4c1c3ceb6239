import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commandIds } from '../../src/core/commandIds';

const root = path.resolve(__dirname, '../../..');

describe('commandIds', () => {
  it('names exactly the commands package.json contributes', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
    const contributed = pkg.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(Object.values(commandIds).sort(), contributed);
  });

  it('has no id twice', () => {
    const ids = Object.values(commandIds);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('is the only place a command id is spelled: src registers and runs Jarvis commands through it', () => {
    const ids = new Set<string>(Object.values(commandIds));
    const files = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
    const literal = /(?:registerCommand|executeCommand)\(\s*['"`](jarvis\.[^'"`]+)['"`]/g;
    const found = files(path.join(root, 'src')).flatMap((f) =>
      [...fs.readFileSync(f, 'utf8').matchAll(literal)].filter((m) => ids.has(m[1])).map((m) => `${path.relative(root, f)}: ${m[1]}`),
    );
    assert.deepEqual(found, []);
  });
});
