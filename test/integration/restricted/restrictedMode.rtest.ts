import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { FakeOpenAIServer } from '../../fakes/FakeOpenAIServer';
import { activateJarvis, type JarvisApi } from '../jarvisApi';
import { RecordingResponseStream } from '../RecordingResponseStream';
import { chatRequest } from '../chatRequest';

const KEY = 'itest-restricted-key-0123456789';
const CRITICAL = 'Design a distributed payment architecture for production with secure auth and encryption.';

/** What registerMemory exposes for tests (src/vscode/memory/registerMemory.ts `MemoryTestApi`), as `api.memory`. */
interface MemoryTestApi {
  recordInsertion(code: { document: vscode.Uri; range: vscode.Range; text: string; languageId: string }): void;
  flushEdits(): Promise<void>;
  preferences(): Array<{ id: string; value: string; confidence: number; evidenceCount: number; lastEvidenceAt: number; sources: string[] }>;
}

/** Style configs a trusted workspace would teach preferences from (learnFromWorkspaceFiles reads them before the first chat). */
const STYLE_CONFIGS: Record<string, string> = {
  '.editorconfig': 'root = true\n\n[*]\nindent_style = tab\nindent_size = 4\n',
  '.prettierrc': '{ "singleQuote": true, "semi": false, "useTabs": true }\n',
};

/**
 * Workspace Trust on and the sample folder not trusted: VS Code runs Jarvis in Restricted Mode
 * (package.json declares `untrustedWorkspaces: limited`). Nothing from the workspace may go to a
 * cloud model, nothing is remembered, and workspace values of egress settings are ignored.
 */
describe('Restricted Mode (an untrusted workspace) in the real extension host', function () {
  this.timeout(120_000);
  let api: JarvisApi;
  let fake: FakeOpenAIServer;
  const config = () => vscode.workspace.getConfiguration('jarvis');
  const planted: string[] = [];
  const memory = (): MemoryTestApi => {
    const m = (api as unknown as { memory?: MemoryTestApi }).memory;
    assert.ok(m, 'activate() returned no `memory` API');
    return m;
  };

  before(async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'this run must open the folder untrusted (Workspace Trust on)');
    // Planted before the first chat request, when a trusted window would read them.
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder, 'no folder open');
    for (const [name, content] of Object.entries(STYLE_CONFIGS)) {
      const file = path.join(folder, name);
      const exists = await fs.stat(file).then(
        () => true,
        () => false,
      );
      if (exists) continue;
      await fs.writeFile(file, content, 'utf8');
      planted.push(file);
    }
    api = await activateJarvis();
    fake = await FakeOpenAIServer.start({ apiKey: KEY });
    await config().update('openai.baseUrl', fake.url, vscode.ConfigurationTarget.Global);
    await api.secrets.set('openai', KEY);
  });

  after(async () => {
    await config().update('openai.baseUrl', undefined, vscode.ConfigurationTarget.Global);
    await api?.secrets.clear();
    await fake?.close();
    for (const file of planted) await fs.rm(file, { force: true });
  });

  it('a critical request, even /cloud with a key set, is answered locally and says why', async () => {
    for (const request of [chatRequest(CRITICAL), chatRequest(CRITICAL, 'cloud')]) {
      const stream = new RecordingResponseStream();
      const result = await api.chatHandler(request, { history: [] }, stream, new vscode.CancellationTokenSource().token);
      assert.equal(result?.errorDetails, undefined, JSON.stringify(result?.errorDetails));
      assert.match(stream.markdownText, /Hello from fake Ollama/, stream.markdownText.slice(0, 300));
      assert.match(JSON.stringify(stream.calls), /Restricted Mode/, 'the answer does not say why it stayed local');
    }
    assert.equal(fake.requests.filter((r) => r.path === '/v1/chat/completions').length, 0, 'a request reached the cloud');
  });

  it("learns no preference from the workspace's .editorconfig and Prettier config (read before the first chat in a trusted window)", async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
    for (const name of Object.keys(STYLE_CONFIGS)) await fs.access(path.join(folder, name));
    // The test above made the window's first chat requests; one more, to be sure the preparation has run.
    const stream = new RecordingResponseStream();
    await api.chatHandler(chatRequest('How should I indent this file?'), { history: [] }, stream, new vscode.CancellationTokenSource().token);
    assert.match(stream.markdownText, /Hello from fake Ollama/, 'the chat request did not run');
    const fromConfig = memory()
      .preferences()
      .filter((p) => p.sources.includes('workspace-config'));
    assert.deepEqual(fromConfig, [], 'a preference was learned from a file of an untrusted workspace');
    assert.ok(
      !memory()
        .preferences()
        .some((p) => p.id === 'coding_style:indent' && p.value === 'tabs'),
      JSON.stringify(memory().preferences()),
    );
  });

  it("learns nothing from the user's edits to inserted code (the same edit a trusted window learns quotes from)", async () => {
    // Confidence decays as it is read; what learning would change is the evidence.
    const evidence = () =>
      JSON.stringify(
        memory()
          .preferences()
          .map((p) => [p.id, p.value, p.evidenceCount, p.lastEvidenceAt, p.sources]),
      );
    const before = evidence();
    const inserted = 'const greeting = "hello";\nconst target = "world";\nconsole.log(greeting, target);\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'javascript', content: `// above\n${inserted}// below\n` });
    await vscode.window.showTextDocument(doc);
    const start = doc.positionAt(doc.getText().indexOf(inserted));
    memory().recordInsertion({
      document: doc.uri,
      range: new vscode.Range(start, doc.positionAt(doc.offsetAt(start) + inserted.length)),
      text: inserted,
      languageId: 'javascript',
    });
    // As in memory.itest.ts, where a trusted window learns `coding_style:quotes = single` from it.
    const edit = new vscode.WorkspaceEdit();
    for (let line = 0; line < doc.lineCount; line++) {
      for (const m of doc.lineAt(line).text.matchAll(/"/g)) edit.replace(doc.uri, new vscode.Range(line, m.index, line, m.index + 1), "'");
    }
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.match(doc.getText(), /const greeting = 'hello';/);
    await memory().flushEdits();
    assert.equal(evidence(), before, 'an edit in an untrusted workspace taught a preference');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('Remember Selection stores nothing from a workspace file (typed /remember notes stay allowed)', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no folder open');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'stats.py'));
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 0, doc.lineCount - 1, 0);
    assert.ok(!editor.selection.isEmpty, 'nothing selected');
    const stored = await vscode.commands.executeCommand('jarvis.rememberSelection', { type: 'decision' });
    assert.equal(stored, undefined, `a memory was stored from a file of an untrusted workspace: ${JSON.stringify(stored)}`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a workspace value of an egress setting is ignored (restrictedConfigurations)', async () => {
    const wsFolder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(wsFolder, 'no folder open');
    // The write creates sample-workspace/.vscode/: remove it again so the run leaves the repo as it was.
    const dotVscode = vscode.Uri.joinPath(wsFolder.uri, '.vscode');
    const existed = await vscode.workspace.fs.stat(dotVscode).then(
      () => true,
      () => false,
    );
    try {
      // VS Code may refuse the write or keep it aside; either way it must not take effect.
      await config()
        .update('openai.baseUrl', 'https://exfiltrate.example.invalid/v1', vscode.ConfigurationTarget.Workspace)
        .then(undefined, () => undefined);
      assert.equal(config().get('openai.baseUrl'), fake.url, 'Restricted Mode must ignore the workspace value');
    } finally {
      await config()
        .update('openai.baseUrl', undefined, vscode.ConfigurationTarget.Workspace)
        .then(undefined, () => undefined);
      if (!existed) await vscode.workspace.fs.delete(dotVscode, { recursive: true }).then(undefined, () => undefined);
    }
  });
});
