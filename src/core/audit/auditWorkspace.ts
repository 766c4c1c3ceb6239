import { sha256 } from './auditChain';

/**
 * Which workspace an audit record came from: its name as VS Code shows it, and a stable id (the
 * first 16 hex digits of the SHA-256 of the workspace file's or folders' URIs). The id tells records
 * of two workspaces with the same name apart and survives renaming the window; the path itself is
 * left out, since it names the user's home folder and layout and a reader of the log needs neither.
 */
export interface AuditWorkspace {
  name: string;
  id: string;
}

/**
 * `uris`: the `.code-workspace` file's URI for a saved multi-root workspace, otherwise each folder's
 * URI; none (no folder open) gives no workspace.
 */
export function auditWorkspace(name: string | undefined, uris: readonly string[]): AuditWorkspace | undefined {
  if (uris.length === 0) return undefined;
  return { name: name && name.trim() !== '' ? name : 'unnamed workspace', id: sha256(uris.join('\n')).slice(0, 16) };
}
