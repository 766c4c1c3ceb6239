import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateJarvis, type JarvisApi } from './jarvisApi';
import { RecordingResponseStream } from './RecordingResponseStream';
import { chatRequest } from './chatRequest';

/** What the lead adds to the API object: the routing service built by registerRouting. */
type RoutingApi = JarvisApi & {
  routing?: {
    spend(): { todayUsd: number; monthUsd: number; localShare: number };
    exportMetrics(format: 'json' | 'csv'): string;
    onDidRecord(listener: () => void): vscode.Disposable;
  };
};

const ROUTING_COMMANDS = ['jarvis.exportMetrics', 'jarvis.manageModels', 'jarvis.deleteModel', 'jarvis.allowOverBudgetOnce', 'jarvis.showRoutingStatus'];

function tempUri(name: string): vscode.Uri {
  return vscode.Uri.file(path.join(os.tmpdir(), `jarvis-itest-${process.pid}-${Date.now()}-${name}`));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

describe('Routing: commands, metrics export and status (fake Ollama)', function () {
  let api: RoutingApi;
  const written: vscode.Uri[] = [];

  before(async () => {
    api = (await activateJarvis()) as RoutingApi;
  });

  after(async () => {
    for (const uri of written) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('registers the routing and model commands', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      ROUTING_COMMANDS.filter((c) => !registered.has(c)),
      [],
      'missing routing commands',
    );
  });

  it('exposes the routing service on the extension API (activate() returns { routing })', () => {
    assert.ok(api.routing, 'activate() must return `routing: IRoutingService` (registerRouting(...).service) on its API object.');
    for (const m of ['spend', 'exportMetrics', 'onDidRecord'] as const) assert.equal(typeof api.routing[m], 'function', `API.routing.${m}`);
  });

  it('exports valid JSON metrics that include a chat request answered by the fake Ollama', async () => {
    assert.ok(api.routing, 'API.routing is missing');
    let recorded = 0;
    const sub = api.routing.onDidRecord(() => recorded++);
    try {
      const stream = new RecordingResponseStream();
      const result = await api.chatHandler(chatRequest('say hello for the metrics test'), { history: [] }, stream, new vscode.CancellationTokenSource().token);
      assert.equal(result?.errorDetails, undefined, `chat failed: ${JSON.stringify(result?.errorDetails)}`);
      assert.match(stream.markdownText, /Hello from fake Ollama/);
    } finally {
      sub.dispose();
    }
    assert.ok(recorded >= 1, 'the routing service did not fire onDidRecord for the chat request (is the chat engine using it as its responder?)');

    const uri = tempUri('metrics.json');
    written.push(uri);
    const returned = await vscode.commands.executeCommand<vscode.Uri>('jarvis.exportMetrics', { format: 'json', uri });
    assert.equal(returned?.toString(), uri.toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const parsed = JSON.parse(text) as { models?: { provider: string; model: string; requests: number; successes: number }[] };
    assert.ok(Array.isArray(parsed.models), `no "models" array in ${text.slice(0, 300)}`);
    const ollama = parsed.models.find((m) => m.provider === 'ollama' && m.model.startsWith('llama3'));
    assert.ok(ollama, `no llama3 entry in the export: ${text.slice(0, 500)}`);
    assert.ok(ollama.requests >= 1 && ollama.successes >= 1, JSON.stringify(ollama));
  });

  it('exports the Prometheus text format with the chat request counted', async () => {
    const uri = tempUri('metrics.prom');
    written.push(uri);
    await vscode.commands.executeCommand('jarvis.exportMetrics', { format: 'prometheus', uri });
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.match(text, /^# HELP tasks_total /m);
    assert.match(text, /^llm_calls_total\{provider="ollama",model="llama3[^"]*",placement="local",outcome="success"\} [1-9]/m, text.slice(0, 2000));
    assert.doesNotMatch(text, /^(process|nodejs)_/m, 'no default Node metrics');
  });

  it('exports CSV to a path given as a string', async () => {
    const uri = tempUri('metrics.csv');
    written.push(uri);
    await vscode.commands.executeCommand('jarvis.exportMetrics', { format: 'csv', uri: uri.fsPath });
    const lines = new TextDecoder()
      .decode(await vscode.workspace.fs.readFile(uri))
      .trim()
      .split('\n');
    assert.match(lines[0], /^provider,model,requests,/);
    assert.ok(
      lines.some((l) => l.startsWith('ollama,llama3')),
      lines.join('\n'),
    );
  });

  it('refuses an unknown format or target with a clear error and writes nothing', async () => {
    const uri = tempUri('metrics.xml');
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('jarvis.exportMetrics', { format: 'xml', uri })),
      /"json", "csv" or "prometheus".*Nothing was written/,
    );
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('jarvis.exportMetrics', { format: 'json', uri: 'relative/file.json' })),
      /file URI or an absolute path/,
    );
    assert.equal(await exists(uri), false);
  });

  it('shows the routing status with which keys are set, never their values', async () => {
    const before = { openai: await api.secrets.get('openai'), anthropic: await api.secrets.get('anthropic') };
    const secret = 'sk-ant-itest-DO-NOT-SHOW-0123456789';
    try {
      await api.secrets.set('anthropic', secret);
      const md = await vscode.commands.executeCommand<string>('jarvis.showRoutingStatus');
      assert.equal(typeof md, 'string');
      assert.match(md, /# Jarvis routing status/);
      assert.match(md, /\*\*Anthropic:\*\* API key set/);
      assert.match(md, /Answered locally: \*\*\d+%\*\*/);
      assert.match(md, /`ollama:llama3/, 'the circuit of the model used above is listed');
      assert.ok(!md.includes(secret) && !md.includes('DO-NOT-SHOW'), 'the key value leaked into the status page');
    } finally {
      await api.secrets.clear();
      if (before.openai) await api.secrets.set('openai', before.openai);
      if (before.anthropic) await api.secrets.set('anthropic', before.anthropic);
    }
  });
});
