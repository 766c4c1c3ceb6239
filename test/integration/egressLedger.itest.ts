import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { FakeOpenAIServer } from '../fakes/FakeOpenAIServer';
import { activateJarvis, type JarvisApi } from './jarvisApi';
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
    const request = {
      prompt: CRITICAL,
      command: undefined,
      references: [],
      toolReferences: [],
      toolInvocationToken: undefined,
      model: undefined,
    } as unknown as vscode.ChatRequest;
    const result = await api.chatHandler(request, { history: [] }, stream, new vscode.CancellationTokenSource().token);
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
});
