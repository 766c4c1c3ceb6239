import type { AuditRecord } from './auditChain';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
/** Record text is data (a model name, a path): shown as code so nothing in it renders as markdown. */
const code = (v: string): string => `\`${v.replace(/`/g, "'")}\``;

/**
 * One audit record as a short markdown page: for a cloud request, why it went to the cloud, what
 * was sent (its SHA-256, never the text unless the user chose to store content), what it cost; for
 * any other record, its message and fields. The record's seq and hash close the page, so it can be
 * found in the raw log and checked with "Verify Audit Log".
 */
export function describeAuditRecord(r: AuditRecord): string {
  const lines: string[] = [];
  const d = obj(r.data);
  if (r.type === 'cloud-request') {
    const why = obj(d.why);
    lines.push(`# Why this went to the cloud`, '', `${code(`${str(d.provider) ?? '?'}:${str(d.model) ?? '?'}`)} at ${r.time}`, '');
    const ws = workspaceOf(d);
    if (ws) lines.push(`- **Workspace:** ${ws}`);
    lines.push(`- **Decision:** ${str(why.reason) ?? 'not recorded'}`);
    lines.push(`- **Tier:** ${str(why.tier) ?? '?'} (placement asked for: ${str(why.requested) ?? 'auto'})`);
    const reasons = Array.isArray(why.complexityReasons) ? why.complexityReasons.filter((x): x is string => typeof x === 'string') : [];
    if (reasons.length) lines.push(`- **Complexity reasons:** ${reasons.join('; ')}`);
    const cloudScore = num(why.cloudScore);
    if (cloudScore !== undefined) lines.push(`- **Classifier P(tier ≥ high):** ${cloudScore.toFixed(2)}`);
    const escalated = str(why.escalatedFrom);
    if (escalated) {
      const score = num(why.qualityScore);
      lines.push(`- **Escalated from** ${code(escalated)}${score === undefined ? '' : `: its answer scored ${score.toFixed(2)}`}`);
    }
    const budget = budgetLine(obj(why.budget), why.budgetOverride === true);
    if (budget) lines.push(`- **Budget:** ${budget}`);
    const tokens = obj(d.tokens);
    const cost = num(d.costUsd);
    lines.push(
      `- **Tokens:** ${num(tokens.input) ?? '?'} in, ${num(tokens.output) ?? '?'} out · **cost:** ${cost === undefined ? 'unknown price' : `$${cost.toFixed(4)}`}`,
    );
    lines.push(
      `- **Content sent:** ${num(d.contentCharacters) ?? '?'} characters, SHA-256 ${code(str(d.contentSha256) ?? '?')}${d.content ? ' (text stored: jarvis.audit.storeContent is on)' : ''}`,
    );
    const red = obj(d.redactions);
    const count = num(red.count) ?? 0;
    const kinds = Array.isArray(red.kinds) ? red.kinds.filter((x): x is string => typeof x === 'string') : [];
    lines.push(`- **Redactions:** ${count === 0 ? 'none' : `${count} (${kinds.join(', ')})`}`);
    const files = Array.isArray(d.files) ? d.files.map((f) => fileText(obj(f))).filter((p): p is string => p !== undefined) : [];
    lines.push(`- **Files included:** ${files.length === 0 ? 'none' : files.join(', ')}`);
  } else {
    lines.push(`# Audit record: ${r.type}`, '', `${r.severity} at ${r.time}`, '', r.message.replace(/[<>]/g, ''), '');
    const ws = workspaceOf(d);
    if (ws) lines.push(`- **Workspace:** ${ws}`);
    for (const [k, v] of Object.entries(d)) if (k !== 'workspace' || !ws) lines.push(`- **${k}:** ${code(JSON.stringify(v) ?? 'undefined')}`);
  }
  lines.push('', `Record ${r.seq} · hash ${code(r.hash)} · previous ${code(r.prev)}`, '');
  return lines.join('\n');
}

/** "`name` (id `…`)" of a record's workspace, if it has one. */
function workspaceOf(d: Record<string, unknown>): string | undefined {
  const w = obj(d.workspace);
  const name = str(w.name);
  return name ? `${code(name)} (id ${code(str(w.id) ?? '?')})` : undefined;
}

/** The budget at decision time: spend against each cap, its state, and the override. */
function budgetLine(b: Record<string, unknown>, override: boolean): string | undefined {
  const state = str(b.state);
  if (!state) return override ? 'over budget, allowed once by the user' : undefined;
  const usd = (n: number | undefined) => (n === undefined ? '?' : `$${n.toFixed(2)}`);
  const cap = (spent: unknown, limit: unknown, period: string) => `${usd(num(spent))} of ${num(limit) === undefined ? 'no cap' : usd(num(limit))} ${period}`;
  const overrideText = b.override === true || override ? ', allowed once over the budget by the user' : '';
  return `${state} (${cap(b.dayUsd, b.dailyUsd, 'today')}, ${cap(b.monthUsd, b.monthlyUsd, 'this month')})${overrideText}`;
}

/** "`src/a.ts` lines 3–9", or the path alone for a whole file, with the attachment's label when it says more. */
function fileText(f: Record<string, unknown>): string | undefined {
  const path = str(f.path);
  if (!path) return undefined;
  const r = obj(f.range);
  const start = num(r.startLine);
  const end = num(r.endLine);
  const lines = start === undefined ? '' : start === end || end === undefined ? ` line ${start}` : ` lines ${start}–${end}`;
  const name = str(f.name);
  return `${code(path)}${lines}${name ? ` (${name.replace(/[<>`]/g, '')})` : ''}`;
}

/** When each provider's key was last used for a cloud request, from the egress ledger (newest wins). */
export function lastCloudUse(records: readonly AuditRecord[]): Map<string, string> {
  const last = new Map<string, string>();
  for (const r of records) {
    if (r.type !== 'cloud-request') continue;
    const provider = str(obj(r.data).provider);
    if (provider && (last.get(provider) ?? '') < r.time) last.set(provider, r.time);
  }
  return last;
}
