import * as vscode from 'vscode';
import { errorMessage } from '../../common/errors';
import type { AuditLog } from '../../core/audit/AuditLog';
import { commandIds } from '../../core/commandIds';
import type { Logger } from '../../core/ports';

export interface AuditCommandDeps {
  audit: AuditLog;
  logger: Logger;
}

/** Jarvis: Verify Audit Log, and retention once after start (off the activation path). */
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
  // Retention runs once, a minute after start, so activation never reads the log.
  const timer = setTimeout(() => {
    audit.applyRetention().catch((e: unknown) => logger.warn(`audit log retention failed: ${errorMessage(e)}`));
  }, 60_000);
  timer.unref?.();
  return vscode.Disposable.from(vscode.commands.registerCommand(commandIds.verifyAuditLog, verify), { dispose: () => clearTimeout(timer) });
}
