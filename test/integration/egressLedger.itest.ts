import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { FakeOpenAIServer } from '../fakes/FakeOpenAIServer';
import { activateJarvis, type JarvisApi } from './jarvisApi';
import { chatRequest } from './chatRequest';
import { RecordingResponseStream } from './RecordingResponseStream';

interface LedgerRecord {
  seq: number;
  time: string;
  type: string;
  data: Record<string, unknown>;
}
type AuditApi = JarvisApi & {
  audit?: {
    file: string;
    search(query: { type?: string; from?: number }): Promise<LedgerRecord[]>;
    verify(): Promise<{ ok: boolean; records: number }>;
  };
  /** src/vscode/WebviewTap.ts: what Jarvis posted to its webviews, and messages as if from their pages. */
  webviews?: {
    all(): ReadonlyArray<Post>;
    onPost(listener: (post: Post) => void): { dispose(): void };
    fromPage(view: Post['view'], message: unknown): Promise<void>;
  };
  state?: { global: vscode.Memento; workspace: vscode.Memento };
};
type Post = { view: 'chat' | 'dashboard'; message: unknown };
type DashboardRow = { requestId: string; audited: boolean; model?: string };

const typeOf = (p: Post): unknown => (p.message as { type?: unknown }).type;
const auditedRows = (p: Post): DashboardRow[] =>
  p.view === 'dashboard' && typeOf(p) === 'snapshot'
    ? ((p.message as { snapshot: { recent: DashboardRow[] } }).snapshot.recent ?? []).filter((r) => r.audited)
    : [];

/** Resolves with the first post from index `from` on that satisfies `ok`, after running `start`; fails after 60 s. */
function postMatching(tap: NonNullable<AuditApi['webviews']>, from: number, ok: (p: Post) => boolean, what: string, start: () => unknown): Promise<Post> {
  return new Promise((resolve, reject) => {
    const done = (p: Post | Error) => {
      clearTimeout(timer);
      sub.dispose();
      if (p instanceof Error) reject(p);
      else resolve(p);
    };
    const timer = setTimeout(() => done(new Error(`no ${what} within 60 s; posted: ${JSON.stringify(tap.all().map((p) => [p.view, typeOf(p)]))}`)), 60_000);
    const sub = tap.onPost((p) => ok(p) && done(p));
    Promise.resolve(start()).then(
      () => {
        const earlier = tap.all().slice(from).find(ok);
        if (earlier) done(earlier);
      },
      (e: unknown) => done(e instanceof Error ? e : new Error(String(e))),
    );
  });
}

/** The key the fake accepts (a fake: it authorises nothing anywhere else). */
const KEY = 'itest-ledger-key-0123456789';

// The routing table sends critical requests to openai:gpt-4o first (the unit tests' CRITICAL prompt).
const CRITICAL = 'Design a distributed payment architecture for production with secure auth and encryption.';

/** The ledger's documented hash: SHA-256 of the canonical JSON of [{ content, role }, …]. */
function hashOfReceived(messages: Array<{ role: string; content: string }>): string {
  const canonical = `[${messages.map((m) => `{"content":${JSON.stringify(m.content)},"role":${JSON.stringify(m.role)}}`).join(',')}]`;
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

describe('Egress ledger: a cloud request in the real extension host (fake OpenAI server)', function () {
  this.timeout(120_000);
  let api: AuditApi;
  let fake: FakeOpenAIServer;
  const config = () => vscode.workspace.getConfiguration('jarvis');
  let saved: { key: string | undefined; baseUrl: unknown };

  before(async () => {
    api = (await activateJarvis()) as AuditApi;
    fake = await FakeOpenAIServer.start({ apiKey: KEY });
    saved = { key: await api.secrets.get('openai'), baseUrl: config().inspect('openai.baseUrl')?.globalValue };
    await config().update('openai.baseUrl', fake.url, vscode.ConfigurationTarget.Global);
    await api.secrets.set('openai', KEY);
  });

  after(async () => {
    await config().update('openai.baseUrl', saved.baseUrl, vscode.ConfigurationTarget.Global);
    await api.secrets.clear();
    if (saved.key) await api.secrets.set('openai', saved.key);
    await fake.close();
  });

  it('writes exactly one ledger record whose SHA-256 matches what the fake received, and the chain verifies', async () => {
    assert.ok(api.audit, 'activate() must return `audit` in test mode');
    const since = Date.now() - 1000;
    const stream = new RecordingResponseStream();
    const result = await api.chatHandler(chatRequest(CRITICAL), { history: [] }, stream, new vscode.CancellationTokenSource().token);
    assert.equal(result?.errorDetails, undefined, `chat failed: ${JSON.stringify(result?.errorDetails)}`);
    const bodies = fake.requests.filter((r) => r.path === '/v1/chat/completions').map((r) => r.body as { messages: Array<{ role: string; content: string }> });
    assert.equal(
      bodies.length,
      1,
      `the fake OpenAI server should have received one chat request (got ${bodies.length}); answer: ${stream.markdownText.slice(0, 200)}`,
    );
    const records = await api.audit.search({ type: 'cloud-request', from: since });
    assert.equal(records.length, 1, JSON.stringify(records));
    assert.equal(records[0].data.contentSha256, hashOfReceived(bodies[0].messages));
    assert.equal(records[0].data.provider, 'openai');
    assert.equal(records[0].data.content, undefined, 'no content without jarvis.audit.storeContent');
    const v = await api.audit.verify();
    assert.equal(v.ok, true);
    assert.ok(v.records >= 1);
  });

  it('Export Compliance Report… writes JSON and CSV for a date range, with that cloud request', async () => {
    const uri = vscode.Uri.file(path.join(os.tmpdir(), `jarvis-itest-${process.pid}-${Date.now()}-compliance.json`));
    try {
      const from = new Date(Date.now() - 3_600_000).toISOString();
      const written = await vscode.commands.executeCommand<vscode.Uri>('jarvis.exportComplianceReport', { from, to: new Date().toISOString(), uri });
      assert.equal(written?.fsPath, uri.fsPath);
      const report = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8')) as {
        cloudRequests: Array<{ provider: string }>;
        countsByType: Record<string, number>;
      };
      assert.ok(
        report.cloudRequests.some((c) => c.provider === 'openai'),
        JSON.stringify(report),
      );
      const csv = Buffer.from(await vscode.workspace.fs.readFile(uri.with({ path: uri.path.replace(/\.json$/, '.csv') }))).toString('utf8');
      assert.match(
        csv,
        /^time,provider,model,tier,reason,cost_usd,secrets_redacted,content_sha256,workspace,workspace_id,budget_state,budget_day_usd,budget_daily_cap_usd,budget_month_usd,budget_monthly_cap_usd,budget_override,files\n/,
      );
      // The cloud request's row names the window's workspace (its folder name and hashed id) and the budget state.
      assert.match(csv, /\n[^\n]*,openai,[^\n]*,sample-workspace,[0-9a-f]{16},(ok|warning|exceeded),/);
    } finally {
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(uri.with({ path: uri.path.replace(/\.json$/, '.csv') })).then(undefined, () => undefined);
    }
  });

  it('the answer\'s "Why did this go to the cloud?" button opens its record', async () => {
    const stream = new RecordingResponseStream();
    await api.chatHandler(chatRequest(`${CRITICAL} (again)`), { history: [] }, stream, new vscode.CancellationTokenSource().token);
    const button = stream.calls.find((c) => c.kind === 'button' && c.command.command === 'jarvis.audit.whyCloud');
    assert.ok(button && button.kind === 'button', `no ledger button; calls: ${JSON.stringify(stream.calls.map((c) => c.kind))}`);
    const page = await vscode.commands.executeCommand<{ opened: boolean; markdown?: string }>(button.command.command, ...(button.command.arguments ?? []));
    assert.equal(page?.opened, true, JSON.stringify(page));
    assert.match(page.markdown ?? '', /# Why this went to the cloud/);
    assert.match(page.markdown ?? '', /`openai:gpt-4o`/);
    assert.match(page.markdown ?? '', /\*\*Tier:\*\* (high|critical) \(placement asked for: auto\)/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Show API Key Status lists the key as set and last used, and the key is in no setting, log, metric or audit record', async () => {
    const rows = await vscode.commands.executeCommand<Array<{ provider: string; set: boolean; lastUsed?: string }>>('jarvis.showApiKeyStatus');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    const openai = rows?.find((r) => r.provider === 'openai');
    assert.equal(openai?.set, true, JSON.stringify(rows));
    assert.ok(openai?.lastUsed && Date.parse(openai.lastUsed) > Date.now() - 600_000, JSON.stringify(rows));
    assert.ok(!JSON.stringify(rows).includes(KEY));

    const places: Array<[string, string]> = [['settings', JSON.stringify(vscode.workspace.getConfiguration('jarvis'))]];
    const metrics = vscode.Uri.file(path.join(os.tmpdir(), `jarvis-itest-${process.pid}-${Date.now()}-metrics.prom`));
    await vscode.commands.executeCommand('jarvis.exportMetrics', { format: 'prometheus', uri: metrics });
    places.push(['metrics', Buffer.from(await vscode.workspace.fs.readFile(metrics)).toString('utf8')]);
    await vscode.workspace.fs.delete(metrics);
    assert.ok(api.audit);
    const auditText = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.file(api.audit.file))).toString('utf8');
    places.push(['audit log', auditText]);
    // The key's own events are there, naming the provider only.
    assert.match(auditText, /"type":"key-set"/);
    assert.match(auditText, /"type":"key-read"/);
    const logDir = path.dirname(api.audit.file).replace(/globalStorage[\\/].*$/, '');
    const logs = await readLogs(logDir);
    assert.match(logs, /jarvis\.routing/, 'the Jarvis log file was not found under the user-data folder');
    places.push(['log files', logs]);
    for (const [where, text] of places) assert.ok(text.length > 0 && !text.includes(KEY), `the API key appears in ${where}`);
  });

  it('the key is in no global or workspace state and in no message posted to the chat view or the dashboard, after a cloud answer in each', async () => {
    const tap = api.webviews;
    assert.ok(tap && api.state, 'activate() must return `webviews` and `state` in test mode');
    // The chat view's page loads and says ready; Jarvis answers with `init` (maybe already, for an earlier suite).
    await postMatching(
      tap,
      0,
      (p) => p.view === 'chat' && typeOf(p) === 'init',
      "the chat view's init",
      () => vscode.commands.executeCommand('jarvis.openChat'),
    );
    const cloudBefore = fake.requests.filter((r) => r.path === '/v1/chat/completions').length;
    const from = tap.all().length;
    // What the page posts when the user types a question and presses Enter.
    await postMatching(
      tap,
      from,
      (p) => p.view === 'chat' && typeOf(p) === 'turnEnd',
      "the end of the chat view's answer",
      () => tap.fromPage('chat', { type: 'send', prompt: `${CRITICAL} (in the chat view)` }),
    );
    const chatPosts = tap
      .all()
      .slice(from)
      .filter((p) => p.view === 'chat');
    const model = chatPosts.map((p) => (p.message as { chunk?: { type: string; provider?: string; local?: boolean } }).chunk).find((c) => c?.type === 'model');
    assert.deepEqual(
      [model?.provider, model?.local],
      ['openai', false],
      `the chat view's answer was not a cloud one: ${JSON.stringify(chatPosts).slice(0, 400)}`,
    );
    assert.equal(fake.requests.filter((r) => r.path === '/v1/chat/completions').length, cloudBefore + 1);
    // The dashboard, with the cloud answers' rows ("why?" links) in its snapshot.
    await postMatching(
      tap,
      0,
      (p) => auditedRows(p).length > 0,
      'a dashboard snapshot with a cloud answer',
      () => vscode.commands.executeCommand('jarvis.openDashboard'),
    );

    const posted = JSON.stringify(tap.all());
    assert.ok(posted.includes('gpt-4o'), 'the posts are not the ones that carried the cloud answers');
    assert.ok(!posted.includes(KEY), 'the API key was posted to a webview');
    for (const [name, memento] of [
      ['global state', api.state.global],
      ['workspace state', api.state.workspace],
    ] as const) {
      const keys = memento.keys();
      const text = JSON.stringify(keys.map((k) => [k, memento.get(k)]));
      assert.ok(keys.length > 0, `${name} holds nothing: the check would be empty`);
      assert.ok(!text.includes(KEY), `the API key appears in ${name}`);
    }
    const states = [api.state.global, api.state.workspace].map((m) => JSON.stringify(m.keys().map((k) => m.get(k)))).join('');
    assert.ok(states.includes('gpt-4o'), 'neither state records the cloud answers: the check would read the wrong place');
  });

  it('the dashboard\'s "why?" on a cloud answer opens that answer\'s ledger record', async () => {
    const tap = api.webviews;
    assert.ok(tap && api.audit);
    const row = tap.all().flatMap(auditedRows).at(-1);
    assert.ok(row, 'no cloud answer in the dashboard (the test above opens it)');
    const record = (await api.audit.search({ type: 'cloud-request' })).find((r) => r.data.requestId === row.requestId);
    assert.ok(record, `no ledger record for ${row.requestId}`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const auditTabs = () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .map((t) => t.label)
        .filter((l) => /Audit record \d+/.test(l));
    assert.deepEqual(auditTabs(), []);
    // What the page posts when its "why?" link is clicked (renderRequests in src/webview/dashboard).
    await tap.fromPage('dashboard', { type: 'why', requestId: row.requestId });
    // The workbench may report the new tab to the extension host after the command returns.
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (auditTabs().length === 0) return;
        clearTimeout(timer);
        sub.dispose();
        resolve();
      };
      const timer = setTimeout(() => {
        sub.dispose();
        reject(new Error(`no audit record tab within 30 s; tabs: ${JSON.stringify(vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label)))}`));
      }, 30_000);
      const sub = vscode.window.tabGroups.onDidChangeTabs(check);
      check();
    });
    assert.deepEqual(
      auditTabs().map((l) => /Audit record (\d+)/.exec(l)?.[1]),
      [String(record.seq)],
    );
    const page = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'jarvis-audit', path: `/Audit record ${record.seq}.md` }));
    assert.match(page.getText(), /# Why this went to the cloud/);
    assert.match(page.getText(), /`openai:gpt-4o`/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});

/** Every *.log under the user-data folder (the Jarvis output channel's file among them). */
async function readLogs(dir: string): Promise<string> {
  const { readdir, readFile } = await import('node:fs/promises');
  const root = path.resolve(dir, '..');
  const files = (await readdir(root, { recursive: true }).catch(() => [] as string[])).filter((f) => String(f).endsWith('.log'));
  const texts = await Promise.all(files.map((f) => readFile(path.join(root, String(f)), 'utf8').catch(() => '')));
  return texts.join('\n');
}
