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
};

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
      assert.match(csv, /^time,provider,model,tier,reason,cost_usd,secrets_redacted,content_sha256\n/);
      assert.match(csv, /,openai,/);
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
});

/** Every *.log under the user-data folder (the Jarvis output channel's file among them). */
async function readLogs(dir: string): Promise<string> {
  const { readdir, readFile } = await import('node:fs/promises');
  const root = path.resolve(dir, '..');
  const files = (await readdir(root, { recursive: true }).catch(() => [] as string[])).filter((f) => String(f).endsWith('.log'));
  const texts = await Promise.all(files.map((f) => readFile(path.join(root, String(f)), 'utf8').catch(() => '')));
  return texts.join('\n');
}
