import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { type MemoryToolApi, memoryTool } from '../../../../src/vscode/lm/memoryTool';

/** Enough of vscode.MarkdownString: appendText escapes nothing here, it only has to keep the text apart. */
class MarkdownString {
  parts: { kind: 'markdown' | 'text'; value: string }[] = [];
  constructor(value = '') {
    this.parts.push({ kind: 'markdown', value });
  }
  appendText(value: string): this {
    this.parts.push({ kind: 'text', value });
    return this;
  }
}
const api = { MarkdownString, LanguageModelToolResult: class {}, LanguageModelTextPart: class {} } as unknown as MemoryToolApi;
const token = {} as vscode.CancellationToken;

describe('memory tools: prepareInvocation', () => {
  it('jarvis_remember asks for confirmation, showing exactly what will be stored (as text, not markdown)', async () => {
    const tool = memoryTool(api, 'jarvis_remember', []);
    const prepared = await tool.prepareInvocation!({ input: { text: '  We deploy on **Fridays** never.  ' } }, token);
    assert.equal(prepared?.confirmationMessages?.title, 'Remember this?');
    const message = prepared?.confirmationMessages?.message as unknown as MarkdownString;
    assert.deepEqual(message.parts[1], { kind: 'text', value: 'We deploy on **Fridays** never.' });
    assert.match(message.parts[0].value, /store this in the memory of this workspace/);
  });

  it('jarvis_remember with nothing to store asks nothing (invoke reports the error); recall never asks', async () => {
    const remember = await memoryTool(api, 'jarvis_remember', []).prepareInvocation!({ input: { text: ' ' } }, token);
    const recall = await memoryTool(api, 'jarvis_recall', []).prepareInvocation!({ input: { query: 'deploys' } }, token);
    assert.deepEqual([remember?.confirmationMessages, recall?.confirmationMessages], [undefined, undefined]);
    assert.equal(recall?.invocationMessage, 'Searching Jarvis memory…');
  });
});
