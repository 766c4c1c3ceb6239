import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AuditLog } from '../../../src/core/audit/AuditLog';
import { ChatEngine } from '../../../src/core/chat/ChatEngine';
import type { JarvisSettings } from '../../../src/core/config/settings';
import { buildEditorPrompt } from '../../../src/core/editor/buildEditorPrompt';
import { EditorContextContributor } from '../../../src/core/editor/EditorContextContributor';
import type { CodeTarget } from '../../../src/core/editor/CodeTarget';
import { nullLogger } from '../../../src/core/ports';
import { FakeClock } from '../../fakes/FakeClock';
import { MemoryKv } from '../../fakes/MemoryKv';
import { useFakeServers } from '../helpers/fakeServers';
import { collectChunks, CRITICAL, makeService, OPENAI_KEY, prepared, testSettings } from './routingServiceSetup';

const WORKSPACE = { name: 'billing', id: '0123456789abcdef' };

/** What an editor command on lines 12–20 of a file sends: the selection, its file's imports. */
const selection = (file: string): CodeTarget => ({
  file,
  languageId: 'typescript',
  code: 'export function total(items: Item[]): number {\n  return items.reduce((n, i) => n + i.price, 0);\n}',
  startLine: 12,
  endLine: 20,
  source: 'selection',
  imports: ["import type { Item } from './item';"],
});

describe('egress ledger record fields: workspace, budget state, files and ranges', function () {
  this.timeout(20_000);
  const fakes = useFakeServers();
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jarvis-ledger-fields-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const setup = (over: Partial<JarvisSettings> = {}) => {
    const clock = new FakeClock(Date.UTC(2026, 11, 1, 12));
    const audit = new AuditLog({ dir, clock, head: new MemoryKv(), logger: nullLogger, retentionDays: () => 90, workspace: () => WORKSPACE });
    const settings = testSettings({
      ollama: { enabled: true, host: fakes.ollama.url, model: 'llama3' },
      openai: { baseUrl: fakes.openai.url },
      budget: { dailyUsd: 5, monthlyUsd: 50 },
      ...over,
    });
    return { audit, ...makeService({ settings, keys: { openai: OPENAI_KEY }, audit, clock }) };
  };
  const sentToCloud = () => fakes.openai.requests.filter((r) => r.path === '/v1/chat/completions').length;

  it('a cloud record names its workspace and the budget as the decision saw it (spend before this request)', async () => {
    const { service, audit } = setup();
    await collectChunks(service.respond(prepared(CRITICAL)));
    await collectChunks(service.respond(prepared(`${CRITICAL} It must stay available during a region outage.`)));
    const [first, second] = await audit.search({ type: 'cloud-request' });
    assert.deepEqual(first.data.workspace, WORKSPACE);
    const budget = (r: typeof first) => (r.data.why as { budget: Record<string, unknown> }).budget;
    assert.deepEqual(budget(first), { state: 'ok', dayUsd: 0, dailyUsd: 5, monthUsd: 0, monthlyUsd: 50, unknownCostCalls: 0, override: false });
    // The second was decided after the first was paid for.
    assert.ok((first.data.costUsd as number) > 0);
    assert.equal(budget(second).dayUsd, Math.round((first.data.costUsd as number) * 1e6) / 1e6);
    assert.equal((await audit.search({ workspace: WORKSPACE.id, type: 'cloud-request' })).length, 2);
  });

  it('the budget override is in the budget state: exceeded, allowed once', async () => {
    const { service, audit } = setup({ budget: { dailyUsd: 0.000001, monthlyUsd: 0 } });
    await collectChunks(service.respond(prepared(CRITICAL)));
    service.allowOverBudgetOnce();
    await collectChunks(service.respond(prepared(`${CRITICAL} It must stay available during a region outage.`)));
    const records = await audit.search({ type: 'cloud-request' });
    const why = records[records.length - 1].data.why as { budgetOverride: boolean; budget: { state: string; override: boolean } };
    assert.deepEqual([why.budgetOverride, why.budget.state, why.budget.override], [true, 'exceeded', true]);
  });

  it('an editor command on a selection: the record carries the file path and the selected lines', async () => {
    const { service, audit, settings } = setup({ routing: { ...testSettings().routing, complexity: 'critical' } });
    const engine = new ChatEngine({ settings: () => settings, responder: service, clock: new FakeClock(), logger: nullLogger });
    const built = buildEditorPrompt('review', selection('src/billing/invoice.ts'));
    await collectChunks(engine.run({ prompt: built.prompt, history: [], signal: new AbortController().signal, attachments: built.attachments }));
    assert.equal(sentToCloud(), 1);
    const [r] = await audit.search({ type: 'cloud-request' });
    assert.deepEqual(r.data.files, [
      { path: 'src/billing/invoice.ts', range: { startLine: 12, endLine: 20 } },
      { path: 'src/billing/invoice.ts', name: 'Imports of src/billing/invoice.ts (context only)' },
    ]);
  });

  it('the Jarvis chat view path (code in the system prompt, no attachment): the record still lists the file and lines', async () => {
    const { service, audit, settings } = setup({ routing: { ...testSettings().routing, complexity: 'critical' } });
    const editor = new EditorContextContributor(new FakeClock());
    const engine = new ChatEngine({ settings: () => settings, responder: service, clock: new FakeClock(), logger: nullLogger, contributors: [editor] });
    const built = buildEditorPrompt('explain', selection('src/billing/invoice.ts'));
    const files = [{ path: 'src/billing/invoice.ts', range: { startLine: 12, endLine: 20 } }];
    editor.expect(built.prompt, { system: built.context, code: '```ts\nexport function total() {}\n```', files });
    await collectChunks(engine.run({ prompt: built.prompt, history: [], signal: new AbortController().signal }));
    const [r] = await audit.search({ type: 'cloud-request' });
    assert.deepEqual(r.data.files, files);
  });

  it('a #file range reference: path and range, not the "path:lines" label', async () => {
    const { service, audit } = setup({ routing: { ...testSettings().routing, complexity: 'critical' } });
    const attachments = [{ name: 'src/app.ts:2-3', content: 'const a = 1;\nconst b = 2;', path: 'src/app.ts', range: { startLine: 2, endLine: 3 } }];
    await collectChunks(service.respond(prepared(CRITICAL, { attachments })));
    const [r] = await audit.search({ type: 'cloud-request' });
    assert.deepEqual(r.data.files, [{ path: 'src/app.ts', range: { startLine: 2, endLine: 3 } }]);
  });

  it('a selection in a local-only file stays local: the globs see its path, not its "(lines …)" label', async () => {
    const { service, audit, settings } = setup({ routing: { ...testSettings().routing, complexity: 'critical' } });
    const engine = new ChatEngine({ settings: () => settings, responder: service, clock: new FakeClock(), logger: nullLogger });
    const built = buildEditorPrompt('explain', { ...selection('certs/server.pem'), code: 'subject=CN=billing.example.com\nissuer=CN=Example CA' });
    await collectChunks(engine.run({ prompt: built.prompt, history: [], signal: new AbortController().signal, attachments: built.attachments }));
    assert.equal(sentToCloud(), 0);
    const [kept] = await audit.search({ type: 'privacy-kept-local' });
    assert.match(JSON.stringify(kept.data.reasons), /certs\/server\.pem/);
    assert.deepEqual(kept.data.workspace, WORKSPACE);
  });
});
