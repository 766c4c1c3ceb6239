import * as vscode from 'vscode';
import { errorMessage } from '../../common/errors';
import type { AuditLog } from '../../core/audit/AuditLog';
import { complianceCsv, complianceReport } from '../../core/audit/complianceReport';
import { commandIds } from '../../core/commandIds';
import type { Logger } from '../../core/ports';

export interface AuditCommandDeps {
  audit: AuditLog;
  logger: Logger;
}

/** Jarvis: Verify Audit Log, Export Compliance Report…, and retention once after start (off the activation path). */
export function registerAuditCommands(deps: AuditCommandDeps): vscode.Disposable {
  const { audit, logger } = deps;
  const openFile = 'Open Audit Log';
  const verify = async (): Promise<void> => {
    try {
      const v = await audit.verify();
      const torn = v.tornSetAside.length ? ` ${v.tornSetAside.length} torn line(s) from a crash were set aside: ${v.tornSetAside.join(', ')}.` : '';
      if (v.ok) {
        const pick = await vscode.window.showInformationMessage(
          `Audit log verified: ${v.records} records, every link of the hash chain intact.${torn}`,
          openFile,
        );
        if (pick === openFile) await vscode.window.showTextDocument(vscode.Uri.file(audit.file));
        return;
      }
      const b = v.firstBreak!;
      logger.warn(`audit log verification failed at line ${b.line}: ${b.reason}`);
      const pick = await vscode.window.showErrorMessage(
        `Audit log broken at line ${b.line}${b.seq === undefined ? '' : ` (record ${b.seq})`}: ${b.reason}. Records from there on cannot be trusted.${torn}`,
        openFile,
      );
      if (pick === openFile) await vscode.window.showTextDocument(vscode.Uri.file(audit.file), { selection: new vscode.Range(b.line - 1, 0, b.line - 1, 0) });
    } catch (e) {
      void vscode.window.showErrorMessage(`Could not read the audit log ${audit.file}: ${errorMessage(e)}`);
    }
  };
  /** Asks for a date range (or takes `{ from, to, uri }`), then writes the report as JSON and, beside it, CSV. */
  const exportReport = async (arg?: { from?: string; to?: string; uri?: vscode.Uri }): Promise<vscode.Uri | undefined> => {
    const DAY = 86_400_000;
    let from = arg?.from ? Date.parse(arg.from) : NaN;
    let to = arg?.to ? Date.parse(arg.to) : Date.now();
    if (Number.isNaN(from)) {
      const pick = await vscode.window.showQuickPick(
        [
          { label: 'Last 7 days', days: 7 },
          { label: 'Last 30 days', days: 30 },
          { label: 'Last 90 days', days: 90 },
        ],
        { title: 'Jarvis: Export Compliance Report', placeHolder: 'Which period?' },
      );
      if (!pick) return undefined;
      to = Date.now();
      from = to - pick.days * DAY;
    }
    if (Number.isNaN(to) || to < from) {
      void vscode.window.showErrorMessage('The compliance report needs a date range whose end is after its start (ISO dates, e.g. 2026-11-01).');
      return undefined;
    }
    const uri =
      arg?.uri ??
      (await vscode.window.showSaveDialog({
        title: 'Save compliance report',
        filters: { JSON: ['json'] },
        defaultUri: vscode.Uri.file(`jarvis-compliance-${new Date(to).toISOString().slice(0, 10)}.json`),
      }));
    if (!uri) return undefined;
    const report = complianceReport(await audit.search({ from, to }), from, to);
    await vscode.workspace.fs.writeFile(uri, Buffer.from(`${JSON.stringify(report, null, 2)}\n`, 'utf8'));
    await vscode.workspace.fs.writeFile(uri.with({ path: uri.path.replace(/(\.json)?$/, '.csv') }), Buffer.from(complianceCsv(report), 'utf8'));
    void vscode.window.showInformationMessage(
      `Compliance report written: ${report.records} records, ${report.cloudRequests.length} cloud requests (${uri.fsPath} and .csv).`,
    );
    return uri;
  };

  // Retention runs once, a minute after start, so activation never reads the log.
  const timer = setTimeout(() => {
    audit.applyRetention().catch((e: unknown) => logger.warn(`audit log retention failed: ${errorMessage(e)}`));
  }, 60_000);
  timer.unref?.();
  return vscode.Disposable.from(
    vscode.commands.registerCommand(commandIds.verifyAuditLog, verify),
    vscode.commands.registerCommand(commandIds.exportComplianceReport, exportReport),
    { dispose: () => clearTimeout(timer) },
  );
}
