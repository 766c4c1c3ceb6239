import * as assert from 'node:assert/strict';
import { describeReferences, listReferences } from '../../../src/shared/describeReferences';
import { isOpenableReferenceUri } from '../../../src/shared/isOpenableReferenceUri';
import { matchSlashCommands, sanitizeSlashCommands } from '../../../src/shared/matchSlashCommands';
import { insertedRanges, withEol } from '../../../src/vscode/chatView/insertedRanges';

const commands = [
  { name: 'remember', description: 'Remember a decision' },
  { name: 'recall', description: 'Search memory' },
  { name: 'local', description: 'Local model only' },
];

describe('matchSlashCommands', () => {
  it('offers commands by prefix while only "/name" is typed', () => {
    assert.deepEqual(matchSlashCommands('/', commands), commands);
    assert.deepEqual(
      matchSlashCommands('/re', commands).map((c) => c.name),
      ['remember', 'recall'],
    );
    assert.deepEqual(
      matchSlashCommands('/REM', commands).map((c) => c.name),
      ['remember'],
    );
    assert.deepEqual(
      matchSlashCommands('/remember', commands).map((c) => c.name),
      ['remember'],
    );
  });

  it('offers nothing otherwise', () => {
    for (const text of ['', 'hello', ' /re', 'a /re', '/remember ', '/remember we use pnpm', '/re\n', '/x', '//']) {
      assert.deepEqual(matchSlashCommands(text, commands), [], JSON.stringify(text));
    }
    assert.deepEqual(matchSlashCommands('/', []), []);
  });
});

describe('sanitizeSlashCommands', () => {
  it('keeps well-formed, unique entries and bounds descriptions', () => {
    const raw = [
      commands[0],
      { name: 'recall' },
      { name: 'bad name' },
      { name: 'remember', description: 'again' },
      null,
      'x',
      { name: 'long', description: 'd'.repeat(500) },
    ];
    const out = sanitizeSlashCommands(raw);
    assert.deepEqual(
      out.map((c) => c.name),
      ['remember', 'recall', 'long'],
    );
    assert.equal(out[1].description, '');
    assert.equal(out[2].description.length, 200);
    assert.deepEqual(sanitizeSlashCommands('nope'), []);
  });
});

describe('describeReferences / listReferences', () => {
  it('counts memories and files', () => {
    assert.equal(describeReferences([]), '');
    assert.equal(describeReferences([{}]), 'Used 1 memory');
    assert.equal(describeReferences([{}, {}, {}]), 'Used 3 memories');
    assert.equal(describeReferences([{ uri: 'file:///a' }]), 'Used 1 file');
    assert.equal(describeReferences([{}, {}, { uri: 'file:///a' }, { uri: 'file:///b' }]), 'Used 2 memories and 2 files');
  });

  it('lists titles on one line, shortened, with "and N more"', () => {
    assert.equal(listReferences([{ title: 'we use pnpm' }, { title: 'deploy\non Fridays' }]), 'Used 2 memories: we use pnpm, deploy on Fridays');
    const many = Array.from({ length: 7 }, (_, i) => ({ title: `m${i}` }));
    assert.equal(listReferences(many), 'Used 7 memories: m0, m1, m2, m3, m4, and 2 more');
    assert.equal(listReferences([{ title: 'x'.repeat(100) }]), `Used 1 memory: ${'x'.repeat(59)}…`);
    assert.equal(listReferences([]), '');
  });
});

describe('isOpenableReferenceUri', () => {
  it('allows files, untitled editors and notebook cells only', () => {
    for (const u of ['file:///w/a.ts', 'FILE:///w/a.ts', 'untitled:Untitled-1', 'vscode-notebook-cell:/w/n.ipynb#W0sZmlsZQ%3D%3D']) {
      assert.equal(isOpenableReferenceUri(u), true, u);
    }
    for (const u of [
      '',
      'file:',
      'https://example.com',
      'command:workbench.action.terminal.new',
      'vscode://x',
      'javascript:alert(1)',
      'file:///a b',
      'file:///a\nb',
      ' file:///a',
      `file:///${'a'.repeat(9000)}`,
    ]) {
      assert.equal(isOpenableReferenceUri(u), false, JSON.stringify(u).slice(0, 40));
    }
  });
});

describe('insertedRanges', () => {
  it('puts inserted text where each selection started, shifted by earlier replacements', () => {
    // "aaXXbbYYcc": XX = [2,4), YY = [6,8) replaced by "123".
    assert.deepEqual(
      insertedRanges(
        [
          { start: 6, end: 8 },
          { start: 2, end: 4 },
        ],
        3,
      ),
      [
        { start: 2, end: 5 },
        { start: 7, end: 10 },
      ],
    );
    assert.deepEqual(insertedRanges([{ start: 0, end: 0 }], 4), [{ start: 0, end: 4 }]);
    assert.deepEqual(
      insertedRanges(
        [
          { start: 0, end: 10 },
          { start: 12, end: 12 },
        ],
        0,
      ),
      [
        { start: 0, end: 0 },
        { start: 2, end: 2 },
      ],
    );
  });

  it('refuses impossible input with a clear error', () => {
    assert.throws(() => insertedRanges([{ start: 5, end: 2 }], 1), /bad selection \{"start":5,"end":2\}/);
    assert.throws(() => insertedRanges([], -1), /insertedLength must be a non-negative integer \(got -1\)/);
  });

  it("withEol converts every line ending to the document's", () => {
    assert.equal(withEol('a\nb\r\nc\rd', '\r\n'), 'a\r\nb\r\nc\r\nd');
    assert.equal(withEol('a\r\nb', '\n'), 'a\nb');
  });
});
