import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FakeClock } from '../../fakes/FakeClock';
import { AuditLog } from '../../../src/core/audit/AuditLog';
import { commandIds } from '../../../src/core/commandIds';
import { contentSha256 } from '../../../src/core/audit/egressRecord';
import { nullLogger } from '../../../src/core/ports';
import { useFakeServers } from '../helpers/fakeServers';
import { MemoryKv } from '../../fakes/MemoryKv';
import { collectChunks, CRITICAL, makeService, OPENAI_KEY, prepared, testSettings, TRIVIAL } from './routingServiceSetup';

describe('egress ledger: one record per cloud answer, hashing exactly what the server received', function () {
  this.timeout(20_000);
  const fakes = useFakeServers();
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jarvis-ledger-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const setup = (mode: 'keepLocal' | 'redact' = 'keepLocal', storeContent = false) => {
    const clock = new FakeClock(Date.UTC(2026, 11, 1, 12));
    const audit = new AuditLog({ dir, clock, head: new MemoryKv(), logger: nullLogger, retentionDays: () => 90 });
    const settings = testSettings({
      ollama: { enabled: true, host: fakes.ollama.url, model: 'llama3' },
      openai: { baseUrl: fakes.openai.url },
      privacy: { mode },
      audit: { storeContent, retentionDays: 90 },
    });
    return { audit, ...makeService({ settings, keys: { openai: OPENAI_KEY }, audit, clock }) };
  };
  const received = () =>
    fakes.openai.requests.filter((r) => r.path === '/v1/chat/completions').map((r) => r.body as { messages: Array<{ role: string; content: string }> });

  it('a cloud answer: exactly one record, its SHA-256 that of the messages the fake received, why, tokens and cost; no content', async () => {
    const { service, audit } = setup();
    await collectChunks(service.respond(prepared(CRITICAL)));
    const records = await audit.search({ type: 'cloud-request' });
    assert.equal(records.length, 1);
    const bodies = received();
    assert.equal(bodies.length, 1);
    const d = records[0].data as Record<string, unknown>;
    assert.equal(d.contentSha256, contentSha256(bodies[0].messages));
    assert.deepEqual([d.provider, d.model], ['openai', 'gpt-4o']);
    assert.match(JSON.stringify(d.why), /"tier":"critical"/);
    assert.ok((d.tokens as { input: number }).input > 0);
    assert.ok((d.costUsd as number) > 0);
    assert.equal(d.content, undefined);
    assert.ok(!JSON.stringify(records).includes(CRITICAL.slice(0, 30)), 'the prompt is not in the ledger');
    assert.equal((await audit.verify()).ok, true);
  });

  it('a local answer writes no egress record', async () => {
    const { service, audit } = setup();
    await collectChunks(service.respond(prepared(TRIVIAL)));
    assert.equal((await audit.search({ type: 'cloud-request' })).length, 0);
  });

  it('redact: the record counts the redactions and hashes the redacted text that was sent', async () => {
    const { service, audit } = setup('redact');
    const key = ['ghp_', 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5'].join('');
    await collectChunks(service.respond(prepared(`${CRITICAL} Token: ${key}`)));
    const [r] = await audit.search({ type: 'cloud-request' });
    assert.deepEqual(r.data.redactions, { count: 1, kinds: ['github-token'] });
    assert.equal(r.data.contentSha256, contentSha256(received()[0].messages));
    assert.equal((await audit.search({ type: 'privacy-redacted' })).length, 1);
    assert.ok(!fs.readFileSync(audit.file, 'utf8').includes(key));
  });

  it('keepLocal: a request kept local for a secret is a privacy record naming where, never the secret', async () => {
    const { service, audit } = setup();
    const key = ['ghp_', 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5'].join('');
    await collectChunks(service.respond(prepared(`${CRITICAL} Token: ${key}`)));
    const [r] = await audit.search({ type: 'privacy-kept-local' });
    assert.deepEqual(r.data.reasons, ['GitHub token in prompt line 1']);
    assert.equal((await audit.search({ type: 'cloud-request' })).length, 0);
    assert.ok(!fs.readFileSync(audit.file, 'utf8').includes(key));
  });

  it('jarvis.audit.storeContent keeps the text sent', async () => {
    const { service, audit } = setup('keepLocal', true);
    await collectChunks(service.respond(prepared(CRITICAL)));
    const [r] = await audit.search({ type: 'cloud-request' });
    assert.deepEqual(r.data.content, received()[0].messages);
  });

  it("a cloud answer ends with a notice whose button opens its record: the request id is the record's key", async () => {
    const { service, audit } = setup();
    const chunks = await collectChunks(service.respond(prepared(CRITICAL)));
    const notice = chunks.find((c) => c.type === 'notice' && c.actions?.some((a) => a.command === commandIds.auditWhyCloud));
    assert.ok(notice && notice.type === 'notice', JSON.stringify(chunks.map((c) => c.type)));
    assert.match(notice.message, /Sent to openai \(gpt-4o\); recorded in the egress ledger/);
    const [requestId] = notice.actions![0].args as [string];
    const [r] = await audit.search({ type: 'cloud-request' });
    assert.equal(r.data.requestId, requestId);
    assert.match(requestId, /^[0-9a-f]{8}$/);
  });

  it('a local answer and an agent request get no ledger notice', async () => {
    const { service, audit } = setup();
    const local = await collectChunks(service.respond(prepared(TRIVIAL)));
    const agent = await collectChunks(service.respond(prepared(CRITICAL, { agent: { tools: [], toolMode: 'auto' } })));
    // The agent's critical request did go to the cloud (one record); only the notice is left out.
    assert.equal((await audit.search({ type: 'cloud-request' })).length, 1);
    for (const chunks of [local, agent]) {
      assert.ok(!chunks.some((c) => c.type === 'notice' && c.actions?.some((a) => a.command === commandIds.auditWhyCloud)));
    }
  });

  it('the budget override is a warning record with the spend it was granted at', async () => {
    const { service, audit } = setup();
    service.allowOverBudgetOnce();
    const [r] = await waitForRecords(audit, 'budget-override');
    assert.equal(r.severity, 'warning');
    assert.deepEqual(Object.keys(r.data).sort(), ['dailyBudgetUsd', 'monthUsd', 'monthlyBudgetUsd', 'todayUsd']);
  });
  it('Restricted Mode: a critical request is answered locally, even /cloud with a key set, and the ledger says why', async () => {
    const clock = new FakeClock(Date.UTC(2026, 11, 1, 12));
    const audit = new AuditLog({ dir, clock, head: new MemoryKv(), logger: nullLogger, retentionDays: () => 90 });
    let trusted = false;
    const settings = testSettings({ ollama: { enabled: true, host: fakes.ollama.url, model: 'llama3' }, openai: { baseUrl: fakes.openai.url } });
    const { service } = makeService({ settings, keys: { openai: OPENAI_KEY }, audit, clock, workspaceTrusted: () => trusted });
    for (const request of [prepared(CRITICAL), prepared(CRITICAL, { command: 'cloud' })]) {
      const chunks = await collectChunks(service.respond(request));
      const model = chunks.find((c) => c.type === 'model');
      assert.ok(model && model.type === 'model' && model.local, JSON.stringify(model));
      assert.ok(
        chunks.some((c) => c.type === 'notice' && /Restricted Mode/.test(c.message)) || (model.type === 'model' && /Restricted Mode/.test(model.reason ?? '')),
        JSON.stringify(chunks.filter((c) => c.type === 'notice' || c.type === 'model')),
      );
    }
    assert.equal(received().length, 0, 'nothing went to the cloud');
    const kept = await audit.search({ type: 'privacy-kept-local' });
    assert.ok(kept.length >= 1 && JSON.stringify(kept[0].data).includes('Restricted Mode'), JSON.stringify(kept));
    // Trust granted: a critical request goes to the cloud again (a new one: the local answers are cached).
    trusted = true;
    await collectChunks(service.respond(prepared(`${CRITICAL} It must stay available during a region outage.`)));
    assert.equal(received().length, 1);
  });
});

/** Records written fire-and-forget land after the call returns: the log's queue orders the search after them. */
async function waitForRecords(audit: AuditLog, type: 'budget-override'): Promise<Awaited<ReturnType<AuditLog['search']>>> {
  await new Promise<void>((r) => setImmediate(r));
  return audit.search({ type });
}
