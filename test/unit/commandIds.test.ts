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
});
