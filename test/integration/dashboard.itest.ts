import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateJarvis, type JarvisApi } from './jarvisApi';
import { RecordingResponseStream } from './RecordingResponseStream';
import { chatRequest } from './chatRequest';

/** The subset of core's DashboardSnapshot this test reads (the test does not import src/). */
interface Snapshot {
  version: number;
  empty: boolean;
  requestsInHistory: number;
  share: { target: number; hourly: Array<{ local: number; cloud: number }> };
  latency: Array<{ model: string; placement: string; requests: number }>;
  recent: Array<{ requestId: string; model?: string; placement: string; tokensIn?: number; tokensOut?: number; reason?: string; audited: boolean }>;
}

type DashboardApi = JarvisApi & {
  dashboard: {
    isOpen(): boolean;
    last(): Snapshot | undefined;
    onDidPost(listener: (s: Snapshot) => void): vscode.Disposable;
    restore(panel: vscode.WebviewPanel): Promise<void>;
  };
};

/** Resolves with the first snapshot the page accepts that satisfies `ok` (posted after `start()`), or fails after `ms`. */
function nextSnapshot(api: DashboardApi, ok: (s: Snapshot) => boolean, what: string, start: () => unknown, ms = 30_000): Promise<Snapshot> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`No dashboard snapshot with ${what} within ${ms / 1000} s; last posted: ${JSON.stringify(api.dashboard.last())?.slice(0, 600)}`));
    }, ms);
    const sub = api.dashboard.onDidPost((s) => {
      if (!ok(s)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(s);
    });
    Promise.resolve(start()).catch((e: unknown) => {
      clearTimeout(timer);
      sub.dispose();
      reject(e instanceof Error ? e : new Error(String(e)));
    });
  });
}

async function ask(api: DashboardApi, prompt: string): Promise<void> {
  const stream = new RecordingResponseStream();
  const result = await api.chatHandler(chatRequest(prompt), { history: [] }, stream, new vscode.CancellationTokenSource().token);
  assert.equal(result?.errorDetails, undefined, `chat failed: ${JSON.stringify(result?.errorDetails)}`);
}

describe('Dashboard: opens, receives snapshots, live updates, restores through its serializer (fake Ollama)', function () {
  let api: DashboardApi;

  before(async () => {
    api = (await activateJarvis()) as DashboardApi;
    assert.equal(typeof api.dashboard?.onDidPost, 'function', 'activate() must return `dashboard` in the test API');
    await ask(api, 'say hello for the dashboard test');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('"Jarvis: Open Dashboard" opens the panel and its page receives a snapshot with the request just answered', async () => {
    const s = await nextSnapshot(
      api,
      (x) => x.recent.length > 0,
      'a recorded request',
      () => vscode.commands.executeCommand('jarvis.openDashboard'),
    );
    assert.equal(api.dashboard.isOpen(), true);
    assert.equal(s.version, 1);
    assert.equal(s.empty, false);
    const row = s.recent.find((r) => r.model?.startsWith('llama3'));
    assert.ok(row, `no llama3 row in ${JSON.stringify(s.recent)}`);
    assert.equal(row.placement, 'local');
    assert.ok((row.tokensIn ?? 0) > 0 && (row.tokensOut ?? 0) > 0, `token counts: ${JSON.stringify(row)}`);
    assert.ok(row.reason && row.reason.length > 0, 'the routing reason is kept with the request');
    assert.equal(row.audited, false, 'a local answer has no egress record');
    assert.ok(s.latency.some((l) => l.model.startsWith('llama3') && l.placement === 'local' && l.requests >= 1));
  });

  it('pushes a new snapshot on the next recorded request (live update)', async () => {
    const before = api.dashboard.last()?.requestsInHistory ?? 0;
    const s = await nextSnapshot(
      api,
      (x) => x.requestsInHistory > before,
      `more than ${before} requests`,
      () => ask(api, 'a second question for the dashboard'),
    );
    assert.ok(s.recent.length >= 2);
  });

  it('has a panel serializer: a panel VS Code hands back after a reload is restored and fed a snapshot', async () => {
    // VS Code refuses a second serializer for the same view type: Jarvis registered one.
    assert.throws(
      () => vscode.window.registerWebviewPanelSerializer('jarvis.dashboard', { deserializeWebviewPanel: async () => undefined }),
      /already registered/i,
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.equal(api.dashboard.isOpen(), false, 'closing the editor releases the panel');
    // What VS Code does on reload: a bare panel of the view type (no HTML yet), given to the serializer.
    const panel = vscode.window.createWebviewPanel('jarvis.dashboard', 'Jarvis Dashboard', vscode.ViewColumn.Active, { enableScripts: true });
    const s = await nextSnapshot(
      api,
      (x) => x.recent.length >= 2,
      'the earlier requests',
      () => api.dashboard.restore(panel),
    );
    assert.equal(api.dashboard.isOpen(), true);
    assert.ok(panel.webview.html.includes('Content-Security-Policy'), 'the restored panel got the page with its CSP');
    assert.ok(s.requestsInHistory >= 2);
  });
});
