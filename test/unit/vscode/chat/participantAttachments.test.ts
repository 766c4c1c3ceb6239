import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { lineSpan, toAttachments, type AttachmentReader } from '../../../../src/vscode/chat/toAttachments';

/** Plain stand-ins with the shapes of vscode.Uri / Range / Location (no `vscode` module in Node). */
const uri = (path: string, scheme = 'file') => ({ scheme, path, fsPath: path, toString: () => `${scheme}://${path}` }) as unknown as vscode.Uri;
const pos = (line: number, character: number) => ({ line, character });
const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: pos(l1, c1), end: pos(l2, c2) }) as unknown as vscode.Range;
const ref = (value: unknown, extra: Partial<vscode.ChatPromptReference> = {}) => ({ id: 'vscode.file', value, ...extra }) as vscode.ChatPromptReference;

const FILES: Record<string, string> = {
  '/w/src/app.ts': 'line1\nline2\nline3\nline4\n',
  '/w/README.md': '# Readme',
};

const reader: AttachmentReader = {
  async open(u) {
    const text = FILES[u.path];
    if (text === undefined) throw new Error(`cannot open ${u.path}: file not found`);
    return {
      languageId: u.path.endsWith('.ts') ? 'typescript' : 'markdown',
      getText(r?: vscode.Range) {
        if (!r) return text;
        const lines = text.split('\n');
        // Enough of TextDocument.getText(range) for line/character ranges in these tests.
        const picked = lines.slice(r.start.line, r.end.line + 1);
        picked[picked.length - 1] = picked[picked.length - 1].slice(0, r.end.character);
        picked[0] = picked[0].slice(r.start.character);
        return picked.join('\n');
      },
    };
  },
  relativeName: (u) => u.path.replace(/^\/w\//, ''),
};

describe('participant: request references → attachments', () => {
  it('attaches a #file as the whole document, with a workspace-relative name', async () => {
    const { attachments, skipped } = await toAttachments([ref(uri('/w/src/app.ts'))], reader);
    assert.deepEqual(skipped, []);
    assert.deepEqual(attachments, [
      { name: 'src/app.ts', content: FILES['/w/src/app.ts'], languageId: 'typescript', uri: 'file:///w/src/app.ts', path: 'src/app.ts' },
    ]);
  });

  it('attaches a selection (Location) as its text, named with its lines, with its path and line range apart (for the ledger)', async () => {
    const loc = { uri: uri('/w/src/app.ts'), range: range(1, 0, 2, 5) };
    const { attachments } = await toAttachments([ref(loc, { id: 'vscode.implicit.selection' })], reader);
    assert.deepEqual(attachments, [
      {
        name: 'src/app.ts:2-3',
        content: 'line2\nline3',
        languageId: 'typescript',
        uri: 'file:///w/src/app.ts',
        path: 'src/app.ts',
        range: { startLine: 2, endLine: 3 },
      },
    ]);
  });

  it('an empty selection (just the cursor) means the whole file', async () => {
    const loc = { uri: uri('/w/README.md'), range: range(0, 3, 0, 3) };
    const { attachments } = await toAttachments([ref(loc)], reader);
    assert.deepEqual(
      attachments.map((a) => [a.name, a.content, a.path, a.range]),
      [['README.md', '# Readme', 'README.md', undefined]],
    );
  });

  it('attaches string values as they are, named by their description', async () => {
    const { attachments, skipped } = await toAttachments(
      [ref('some tool output', { id: 'tool.x', modelDescription: 'Terminal output' }), ref('plain', { id: 'var.y' }), ref('   ', { id: 'var.empty' })],
      reader,
    );
    assert.deepEqual(attachments, [
      { name: 'Terminal output', content: 'some tool output' },
      { name: 'var.y', content: 'plain' },
    ]);
    assert.deepEqual(skipped, ['var.empty: it is empty']);
  });

  it('reports what it could not attach, and attaches the rest', async () => {
    const { attachments, skipped } = await toAttachments(
      [ref(uri('/w/gone.ts')), ref(42, { id: 'vscode.weird' }), ref({ uri: 'not a uri' }, { id: 'odd' }), ref(uri('/w/README.md'))],
      reader,
    );
    assert.deepEqual(
      attachments.map((a) => a.name),
      ['README.md'],
    );
    assert.deepEqual(skipped, [
      'gone.ts: cannot open /w/gone.ts: file not found',
      'vscode.weird: this kind of reference is not supported',
      'odd: this kind of reference is not supported',
    ]);
  });

  it('attaches the same file once', async () => {
    const { attachments } = await toAttachments([ref(uri('/w/README.md')), ref(uri('/w/README.md'))], reader);
    assert.equal(attachments.length, 1);
  });

  it('lineSpan names 1-based lines, leaving out a final line the selection only touches', () => {
    assert.equal(lineSpan(range(4, 2, 4, 9)), '5');
    assert.equal(lineSpan(range(0, 0, 9, 3)), '1-10');
    assert.equal(lineSpan(range(0, 0, 3, 0)), '1-3');
  });
});
