import type { AuditRecord } from './auditChain';
import type { AuditWorkspace } from './auditWorkspace';
import type { BudgetSnapshot, LedgerFile } from './egressRecord';

/** The compliance report of one date range: what the audit log says happened, in figures. */
export interface ComplianceReport {
  from: string;
  to: string;
  records: number;
  countsByType: Record<string, number>;
  countsBySeverity: Record<string, number>;
  /** Cloud requests per provider. */
  cloudRequestsByProvider: Record<string, number>;
  /** Cloud requests per workspace name ("none": no folder was open, or a record from before workspaces were recorded). */
  cloudRequestsByWorkspace: Record<string, number>;
  spendUsd: number;
  /** Cloud requests whose price was unknown (not in spendUsd). */
  unpricedCloudRequests: number;
  redactions: { requests: number; secrets: number; kinds: Record<string, number> };
  cloudRequests: Array<{
    time: string;
    provider: string;
    model: string;
    tier: string;
    reason: string;
    costUsd?: number;
    redacted: number;
    contentSha256: string;
    workspace?: AuditWorkspace;
    /** Spend against the caps when the request was decided (absent in records from before it was kept). */
    budget?: BudgetSnapshot;
    budgetOverride: boolean;
    files: LedgerFile[];
  }>;
}

/** Figures over the records whose time lies in [from, to] (epoch ms, inclusive). */
export function complianceReport(records: readonly AuditRecord[], from: number, to: number): ComplianceReport {
  const inRange = records.filter((r) => {
    const t = Date.parse(r.time);
    return t >= from && t <= to && r.type !== 'checkpoint';
  });
  const count = (m: Record<string, number>, k: string, n = 1) => (m[k] = (m[k] ?? 0) + n);
  const report: ComplianceReport = {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    records: inRange.length,
    countsByType: {},
    countsBySeverity: {},
    cloudRequestsByProvider: {},
    cloudRequestsByWorkspace: {},
    spendUsd: 0,
    unpricedCloudRequests: 0,
    redactions: { requests: 0, secrets: 0, kinds: {} },
    cloudRequests: [],
  };
  for (const r of inRange) {
    count(report.countsByType, r.type);
    count(report.countsBySeverity, r.severity);
    if (r.type === 'privacy-redacted') {
      report.redactions.requests++;
      report.redactions.secrets += Number(r.data.count) || 0;
      for (const k of (r.data.kinds as string[] | undefined) ?? []) count(report.redactions.kinds, k);
    }
    if (r.type !== 'cloud-request') continue;
    const d = r.data as {
      provider?: string;
      model?: string;
      why?: { tier?: string; reason?: string; budget?: BudgetSnapshot; budgetOverride?: boolean };
      costUsd?: number;
      redactions?: { count?: number };
      contentSha256?: string;
      workspace?: AuditWorkspace;
      files?: LedgerFile[];
    };
    const provider = d.provider ?? 'unknown';
    count(report.cloudRequestsByProvider, provider);
    count(report.cloudRequestsByWorkspace, d.workspace?.name ?? 'none');
    if (typeof d.costUsd === 'number') report.spendUsd += d.costUsd;
    else report.unpricedCloudRequests++;
    report.cloudRequests.push({
      time: r.time,
      provider,
      model: d.model ?? 'unknown',
      tier: d.why?.tier ?? '',
      reason: d.why?.reason ?? r.message,
      costUsd: d.costUsd,
      redacted: d.redactions?.count ?? 0,
      contentSha256: d.contentSha256 ?? '',
      workspace: d.workspace,
      budget: d.why?.budget,
      budgetOverride: d.why?.budgetOverride === true || d.why?.budget?.override === true,
      files: Array.isArray(d.files) ? d.files : [],
    });
  }
  report.spendUsd = Math.round(report.spendUsd * 1e6) / 1e6;
  return report;
}

/** The report's cloud requests as CSV (RFC 4180 quoting), then the totals as `#` comment lines. */
export function complianceCsv(report: ComplianceReport): string {
  const q = (v: unknown) => {
    const s = v === undefined ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  // New columns go after the original ones, so a script reading the first eight keeps working.
  const header = ['time', 'provider', 'model', 'tier', 'reason', 'cost_usd', 'secrets_redacted', 'content_sha256', 'workspace', 'workspace_id'];
  const budget = ['budget_state', 'budget_day_usd', 'budget_daily_cap_usd', 'budget_month_usd', 'budget_monthly_cap_usd', 'budget_override', 'files'];
  const rows = [[...header, ...budget].join(',')];
  for (const c of report.cloudRequests) {
    const b = c.budget;
    const cells = [c.time, c.provider, c.model, c.tier, c.reason, c.costUsd, c.redacted, c.contentSha256, c.workspace?.name, c.workspace?.id];
    cells.push(b?.state, b?.dayUsd, b?.dailyUsd, b?.monthUsd, b?.monthlyUsd, c.budgetOverride ? 'yes' : 'no', c.files.map(fileCell).join('; '));
    rows.push(cells.map(q).join(','));
  }
  rows.push(
    `# from ${report.from} to ${report.to}: ${report.records} records, ${report.cloudRequests.length} cloud requests, $${report.spendUsd} spent, ${report.redactions.secrets} secrets redacted`,
  );
  for (const [type, n] of Object.entries(report.countsByType).sort()) rows.push(`# ${type}: ${n}`);
  for (const [name, n] of Object.entries(report.cloudRequestsByWorkspace).sort())
    rows.push(`# cloud requests from workspace ${name.replace(/[\r\n]/g, ' ')}: ${n}`);
  return `${rows.join('\n')}\n`;
}

/** "src/a.ts:3-9", or the path of a whole file. */
function fileCell(f: LedgerFile): string {
  if (!f.range) return f.path;
  return `${f.path}:${f.range.startLine === f.range.endLine ? f.range.startLine : `${f.range.startLine}-${f.range.endLine}`}`;
}
