import * as assert from 'node:assert/strict';
import type { AuditRecord } from '../../../src/core/audit/auditChain';
import { describeAuditRecord, lastCloudUse } from '../../../src/core/audit/describeAuditRecord';

const record = (over: Partial<AuditRecord>): AuditRecord => ({
  v: 1,
  seq: 7,
  time: '2026-12-01T10:00:00.000Z',
  type: 'cloud-request',
  severity: 'info',
  message: 'm',
  data: {},
  prev: 'a'.repeat(64),
  hash: 'b'.repeat(64),
  ...over,
});

describe('describeAuditRecord', () => {
  it('explains a cloud request: decision, tier, reasons, escalation, tokens, cost, hash, redactions, files', () => {
    const md = describeAuditRecord(
      record({
        data: {
          provider: 'openai',
          model: 'gpt-4o',
          why: {
            tier: 'medium',
            requested: 'auto',
            reason: 'local answer scored 0.35 < 0.70 → escalated',
            complexityReasons: ['learned: medium 0.61'],
            escalatedFrom: 'ollama:llama3',
            qualityScore: 0.35,
            cloudScore: 0.42,
            budgetOverride: true,
          },
          tokens: { input: 120, output: 40 },
          costUsd: 0.0012,
          contentSha256: 'c'.repeat(64),
          contentCharacters: 300,
          redactions: { count: 2, kinds: ['github-token'] },
          files: [{ path: 'src/app.ts' }],
        },
      }),
    );
    for (const expected of [
      /# Why this went to the cloud/,
      /`openai:gpt-4o` at 2026-12-01T10:00:00.000Z/,
      /\*\*Decision:\*\* local answer scored 0.35 < 0.70 → escalated/,
      /\*\*Tier:\*\* medium \(placement asked for: auto\)/,
      /learned: medium 0.61/,
      /P\(tier ≥ high\):\*\* 0.42/,
      /Escalated from\*\* `ollama:llama3`: its answer scored 0.35/,
      /allowed once by the user/,
      /120 in, 40 out · \*\*cost:\*\* \$0.0012/,
      /300 characters, SHA-256 `c{64}`/,
      /\*\*Redactions:\*\* 2 \(github-token\)/,
      /`src\/app.ts`/,
      /Record 7 · hash `b{64}` · previous `a{64}`/,
    ]) {
      assert.match(md, expected);
    }
  });

  it('names the workspace, the budget at decision time and each file with its lines', () => {
    const md = describeAuditRecord(
      record({
        data: {
          provider: 'openai',
          model: 'gpt-4o',
          workspace: { name: 'billing', id: '0123456789abcdef' },
          why: {
            tier: 'high',
            reason: 'high tier runs in the cloud',
            budgetOverride: false,
            budget: { state: 'warning', dayUsd: 4.2, dailyUsd: 5, monthUsd: 12.5, unknownCostCalls: 0, override: false },
          },
          files: [
            { path: 'src/pay.ts', range: { startLine: 12, endLine: 30 } },
            { path: 'src/pay.ts', name: 'Imports of src/pay.ts (context only)' },
            { path: 'src/one.ts', range: { startLine: 7, endLine: 7 } },
          ],
        },
      }),
    );
    assert.match(md, /\*\*Workspace:\*\* `billing` \(id `0123456789abcdef`\)/);
    assert.match(md, /\*\*Budget:\*\* warning \(\$4.20 of \$5.00 today, \$12.50 of no cap this month\)\n/);
    assert.match(md, /`src\/pay.ts` lines 12–30, `src\/pay.ts` \(Imports of src\/pay.ts \(context only\)\), `src\/one.ts` line 7/);
    const other = describeAuditRecord(record({ type: 'key-set', data: { provider: 'openai', workspace: { name: 'billing', id: 'ab' } } }));
    assert.match(other, /\*\*Workspace:\*\* `billing` \(id `ab`\)/);
    assert.doesNotMatch(other, /\*\*workspace:\*\*/);
  });

  it('a record with missing or wrong-typed fields still renders, saying what is unknown', () => {
    const md = describeAuditRecord(record({ data: { why: 'not an object', tokens: null, files: 'x', redactions: [] } }));
    assert.match(md, /\*\*Decision:\*\* not recorded/);
    assert.match(md, /\? in, \? out · \*\*cost:\*\* unknown price/);
    assert.match(md, /\*\*Redactions:\*\* none/);
    assert.match(md, /\*\*Files included:\*\* none/);
  });

  it('other events show their message and fields, with record text quoted as code', () => {
    const md = describeAuditRecord(
      record({ type: 'key-read', message: 'openai API key read for cloud requests', data: { provider: 'openai', purpose: '`x`' } }),
    );
    assert.match(md, /# Audit record: key-read/);
    assert.match(md, /openai API key read for cloud requests/);
    assert.match(md, /\*\*purpose:\*\* `"'x'"`/);
  });

  it('lastCloudUse: the newest cloud request per provider, ignoring other events', () => {
    const last = lastCloudUse([
      record({ time: '2026-11-30T09:00:00.000Z', data: { provider: 'openai' } }),
      record({ time: '2026-12-01T09:00:00.000Z', data: { provider: 'openai' } }),
      record({ time: '2026-11-29T09:00:00.000Z', data: { provider: 'anthropic' } }),
      record({ type: 'key-read', time: '2026-12-02T09:00:00.000Z', data: { provider: 'anthropic' } }),
    ]);
    assert.deepEqual(Object.fromEntries(last), { openai: '2026-12-01T09:00:00.000Z', anthropic: '2026-11-29T09:00:00.000Z' });
  });
});
