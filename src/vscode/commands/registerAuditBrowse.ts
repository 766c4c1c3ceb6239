import * as vscode from 'vscode';
import { errorMessage } from '../../common/errors';
import type { AuditLog } from '../../core/audit/AuditLog';
import type { AuditRecord, AuditSeverity } from '../../core/audit/auditChain';
import { describeAuditRecord } from '../../core/audit/describeAuditRecord';
import { commandIds } from '../../core/commandIds';
import type { Logger } from '../../core/ports';

const SCHEME = 'jarvis-audit';
const HOUR = 3_600_000;
const workspaceName = (r: AuditRecord): string | undefined => {
  const w = r.data.workspace as { name?: unknown } | undefined;
  return typeof w?.name === 'string' ? w.name : undefined;
};
const SEVERITY_ICON: Record<AuditSeverity, string> = { info: '$(info)', warning: '$(warning)', critical: '$(error)' };

/** What the command returns to a caller (tests, other commands): the page it opened, or why none. */
export type AuditPageResult = { opened: true; markdown: string } | { opened: false; reason: string };

/**
 * "Why did this go to the cloud?" (from a cloud answer's button, by request id) and "Search Audit
 * Log…" (a filterable list of records: type, severity, provider, time and workspace are in each row's text).
 * Records open as read-only markdown pages; the raw log stays the source ("Verify Audit Log").
 */
export function registerAuditBrowse(audit: AuditLog, logger: Logger): vscode.Disposable {
  const pages = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = { onDidChange: changed.event, provideTextDocumentContent: (uri) => pages.get(uri.path) ?? '' };

  const openRecord = async (r: AuditRecord): Promise<AuditPageResult> => {
    const uri = vscode.Uri.from({ scheme: SCHEME, path: `/Audit record ${r.seq}.md` });
    const markdown = describeAuditRecord(r);
    pages.set(uri.path, markdown);
    changed.fire(uri);
    try {
      await vscode.commands.executeCommand('markdown.showPreview', uri);
    } catch {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
    }
    return { opened: true, markdown };
  };

  const whyCloud = async (requestId?: unknown): Promise<AuditPageResult> => {
    try {
      const cloud = await audit.search({ type: 'cloud-request' });
      if (typeof requestId !== 'string' || requestId === '') {
        // From the palette: pick one of the recent cloud requests.
        return pickAndOpen(cloud.slice(-50).reverse(), 'Which cloud request?');
      }
      const record = cloud.find((r) => r.data.requestId === requestId);
      if (!record) {
        const reason = `No egress-ledger record for request ${requestId}: retention may have folded it into a checkpoint, or the log was reset.`;
        void vscode.window.showWarningMessage(`Jarvis: ${reason}`);
        return { opened: false, reason };
      }
      return openRecord(record);
    } catch (e) {
      return failed(e);
    }
  };

  const search = async (): Promise<AuditPageResult> => {
    try {
      const period = await vscode.window.showQuickPick(
        [
          { label: 'Last 24 hours', hours: 24 },
          { label: 'Last 7 days', hours: 24 * 7 },
          { label: 'Last 30 days', hours: 24 * 30 },
          { label: 'Everything kept', hours: Infinity },
        ],
        { title: 'Jarvis: Search Audit Log', placeHolder: 'Which period?' },
      );
      if (!period) return { opened: false, reason: 'dismissed' };
      const from = period.hours === Infinity ? undefined : Date.now() - period.hours * HOUR;
      const records = await audit.search({ from });
      return pickAndOpen(records.reverse(), 'Filter by type, severity, provider, time or workspace (e.g. "key-", "warning", "openai", "2026-11")');
    } catch (e) {
      return failed(e);
    }
  };

  const pickAndOpen = async (records: AuditRecord[], placeHolder: string): Promise<AuditPageResult> => {
    if (records.length === 0) {
      void vscode.window.showInformationMessage('Jarvis: the audit log has no records for that.');
      return { opened: false, reason: 'no records' };
    }
    const pick = await vscode.window.showQuickPick(
      records.map((r) => ({
        label: `${SEVERITY_ICON[r.severity] ?? ''} ${r.type}${typeof r.data.provider === 'string' ? ` · ${r.data.provider}` : ''}`,
        description: `${r.severity} · ${r.time}${workspaceName(r) ? ` · ${workspaceName(r)}` : ''}`,
        detail: r.message,
        record: r,
      })),
      { title: `Jarvis: Audit Log (${records.length} records)`, placeHolder, matchOnDescription: true, matchOnDetail: true },
    );
    return pick ? openRecord(pick.record) : { opened: false, reason: 'dismissed' };
  };

  const failed = (e: unknown): AuditPageResult => {
    logger.warn(`audit log: could not read ${audit.file}: ${errorMessage(e)}`);
    void vscode.window.showErrorMessage(`Jarvis could not read the audit log (${audit.file}): ${errorMessage(e)}`);
    return { opened: false, reason: errorMessage(e) };
  };

  return vscode.Disposable.from(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, provider),
    vscode.commands.registerCommand(commandIds.auditWhyCloud, whyCloud),
    vscode.commands.registerCommand(commandIds.auditSearch, search),
  );
}
