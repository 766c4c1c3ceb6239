import * as assert from 'node:assert/strict';
import type { AuditRecord } from '../../../src/core/audit/auditChain';
import { complianceCsv, complianceReport } from '../../../src/core/audit/complianceReport';

const rec = (
  seq: number,
  time: string,
  type: AuditRecord['type'],
  data: Record<string, unknown> = {},
  severity: AuditRecord['severity'] = 'info',
): AuditRecord => ({
  v: 1,
  seq,
  time,
  type,
  severity,
  message: `m${seq}`,
  data,
  prev: '',
  hash: '',
});

describe('compliance report', () => {
  const records = [
    rec(1, '2026-11-30T09:00:00.000Z', 'cloud-request', {
      provider: 'openai',
      model: 'gpt-4o',
      why: { tier: 'high', reason: 'high tier runs in the cloud' },
      costUsd: 0.01,
    }),
    rec(2, '2026-12-01T09:00:00.000Z', 'cloud-request', {
      provider: 'openai',
      model: 'gpt-4o',
      why: { tier: 'critical', reason: 'critical, "urgent", tier' },
      costUsd: 0.02,
      redactions: { count: 2 },
    }),
    rec(3, '2026-12-01T10:00:00.000Z', 'cloud-request', { provider: 'anthropic', model: 'claude', why: { tier: 'high', reason: 'r' } }),
    rec(4, '2026-12-01T10:00:00.000Z', 'privacy-redacted', { count: 2, kinds: ['github-token', 'aws-access-key-id'] }),
    rec(5, '2026-12-01T11:00:00.000Z', 'privacy-blocked', {}, 'warning'),
    rec(6, '2026-12-02T00:00:01.000Z', 'cloud-request', { provider: 'openai', costUsd: 5 }),
  ];
  const from = Date.parse('2026-12-01T00:00:00Z');
  const to = Date.parse('2026-12-01T23:59:59.999Z');

  it('counts by type, severity and provider, sums spend, and lists cloud requests with their reasons, within the range only', () => {
    const r = complianceReport(records, from, to);
    assert.equal(r.records, 4);
    assert.deepEqual(r.countsByType, { 'cloud-request': 2, 'privacy-redacted': 1, 'privacy-blocked': 1 });
    assert.deepEqual(r.countsBySeverity, { info: 3, warning: 1 });
    assert.deepEqual(r.cloudRequestsByProvider, { openai: 1, anthropic: 1 });
    assert.equal(r.spendUsd, 0.02);
    assert.equal(r.unpricedCloudRequests, 1);
    assert.deepEqual(r.redactions, { requests: 1, secrets: 2, kinds: { 'github-token': 1, 'aws-access-key-id': 1 } });
    assert.deepEqual(
      r.cloudRequests.map((c) => [c.provider, c.tier, c.redacted]),
      [
        ['openai', 'critical', 2],
        ['anthropic', 'high', 0],
      ],
    );
  });

  it('writes CSV with quoting and the totals as comment lines', () => {
    const csv = complianceCsv(complianceReport(records, from, to));
    const lines = csv.trimEnd().split('\n');
    assert.equal(
      lines[0],
      'time,provider,model,tier,reason,cost_usd,secrets_redacted,content_sha256,workspace,workspace_id,budget_state,budget_day_usd,budget_daily_cap_usd,budget_month_usd,budget_monthly_cap_usd,budget_override,files',
    );
    // A record from before workspace and budget state were kept: those cells are empty.
    assert.equal(lines[1], '2026-12-01T09:00:00.000Z,openai,gpt-4o,critical,"critical, ""urgent"", tier",0.02,2,,,,,,,,,no,');
    assert.match(csv, /# from 2026-12-01T00:00:00.000Z to 2026-12-01T23:59:59.999Z: 4 records, 2 cloud requests, \$0.02 spent, 2 secrets redacted/);
  });

  it('carries each cloud request’s workspace, budget state at decision time and files with ranges, in JSON and CSV', () => {
    const workspace = { name: 'billing, "core"', id: '0123456789abcdef' };
    const budget = { state: 'warning', dayUsd: 4.2, dailyUsd: 5, monthUsd: 12.5, unknownCostCalls: 0, override: false };
    const files = [
      { path: 'src/pay.ts', range: { startLine: 12, endLine: 30 } },
      { path: 'src/a.ts', range: { startLine: 7, endLine: 7 } },
      { path: 'README.md' },
    ];
    const withAll = rec(7, '2026-12-01T12:00:00.000Z', 'cloud-request', {
      provider: 'openai',
      model: 'gpt-4o',
      why: { tier: 'high', reason: 'r', budget, budgetOverride: false },
      costUsd: 0.5,
      workspace,
      files,
    });
    const over = rec(8, '2026-12-01T13:00:00.000Z', 'cloud-request', {
      provider: 'openai',
      why: { tier: 'high', reason: 'r', budget: { ...budget, state: 'exceeded', dayUsd: 5.1, override: true }, budgetOverride: true },
      workspace,
    });
    const r = complianceReport([...records, withAll, over], from, to);
    const c = r.cloudRequests.find((x) => x.time === '2026-12-01T12:00:00.000Z')!;
    assert.deepEqual([c.workspace, c.budget, c.budgetOverride, c.files], [workspace, budget, false, files]);
    assert.deepEqual(r.cloudRequestsByWorkspace, { 'billing, "core"': 2, none: 2 });
    const lines = complianceCsv(r).trimEnd().split('\n');
    assert.equal(
      lines[3],
      '2026-12-01T12:00:00.000Z,openai,gpt-4o,high,r,0.5,0,,"billing, ""core""",0123456789abcdef,warning,4.2,5,12.5,,no,src/pay.ts:12-30; src/a.ts:7; README.md',
    );
    assert.match(lines[4], /,exceeded,5.1,5,12.5,,yes,$/);
  });

  it('an empty range is an empty report, not an error', () => {
    const r = complianceReport(records, 0, 1);
    assert.equal(r.records, 0);
    assert.deepEqual(r.cloudRequests, []);
  });
});
