import * as vscode from 'vscode';
import { auditWorkspace, type AuditWorkspace } from '../../core/audit/auditWorkspace';

/**
 * This window's workspace for audit records: a saved `.code-workspace` is identified by its file, an
 * untitled or single-folder one by its folders (so adding a folder to an untitled workspace is a new id).
 */
export function currentAuditWorkspace(): AuditWorkspace | undefined {
  const file = vscode.workspace.workspaceFile;
  const uris = file && file.scheme !== 'untitled' ? [file.toString()] : (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString());
  return auditWorkspace(vscode.workspace.name, uris);
}
