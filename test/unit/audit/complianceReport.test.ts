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
    assert.equal(lines[0], 'time,provider,model,tier,reason,cost_usd,secrets_redacted,content_sha256');
    assert.equal(lines[1], '2026-12-01T09:00:00.000Z,openai,gpt-4o,critical,"critical, ""urgent"", tier",0.02,2,');
    assert.match(csv, /# from 2026-12-01T00:00:00.000Z to 2026-12-01T23:59:59.999Z: 4 records, 2 cloud requests, \$0.02 spent, 2 secrets redacted/);
  });

  it('an empty range is an empty report, not an error', () => {
    const r = complianceReport(records, 0, 1);
    assert.equal(r.records, 0);
    assert.deepEqual(r.cloudRequests, []);
  });
});
