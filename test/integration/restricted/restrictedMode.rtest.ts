import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FakeOpenAIServer } from '../../fakes/FakeOpenAIServer';
import { activateJarvis, type JarvisApi } from '../jarvisApi';
import { RecordingResponseStream } from '../RecordingResponseStream';
import { chatRequest } from '../chatRequest';

const KEY = 'itest-restricted-key-0123456789';
const CRITICAL = 'Design a distributed payment architecture for production with secure auth and encryption.';

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

  before(async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'this run must open the folder untrusted (Workspace Trust on)');
    api = await activateJarvis();
    fake = await FakeOpenAIServer.start({ apiKey: KEY });
    await config().update('openai.baseUrl', fake.url, vscode.ConfigurationTarget.Global);
    await api.secrets.set('openai', KEY);
  });

  after(async () => {
    await config().update('openai.baseUrl', undefined, vscode.ConfigurationTarget.Global);
    await api?.secrets.clear();
    await fake?.close();
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
