/** Schemes a reference may open: local files, unsaved editors and notebook cells — nothing that fetches or runs. */
const OPENABLE = /^(?:file|untitled|vscode-notebook-cell):[^\s\u0000-\u001f\u007f]+$/i;

/**
 * Whether a reference's uri may be opened from the chat view. The webview draws untrusted model
 * output, so a uri it sends back is checked here (and, by the host, against the references it sent).
 */
export function isOpenableReferenceUri(uri: string): boolean {
  return uri.length <= 8_192 && OPENABLE.test(uri);
}
