import * as vscode from 'vscode';

export const PROPOSAL_SCHEME = 'jarvis-proposal';

/**
 * Read-only virtual documents holding what Jarvis proposes (the right side of the diff). Content is
 * replaced while the answer streams; VS Code re-reads a document when onDidChange fires for it.
 */
export class ProposalDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  /** A uri whose last segment is the file's name, so the diff editor picks the file's language. */
  static uriFor(id: string, fileName: string, side: 'proposal' | 'empty' = 'proposal'): vscode.Uri {
    return vscode.Uri.from({ scheme: PROPOSAL_SCHEME, path: `/${id}/${side}/${fileName}` });
  }

  /** The proposal id in a uri made by uriFor. */
  static idOf(uri: vscode.Uri): string | undefined {
    return uri.scheme === PROPOSAL_SCHEME ? uri.path.split('/')[1] : undefined;
  }

  set(uri: vscode.Uri, content: string): void {
    if (this.contents.get(uri.toString()) === content) return;
    this.contents.set(uri.toString(), content);
    this.changed.fire(uri);
  }

  delete(uri: vscode.Uri): void {
    this.contents.delete(uri.toString());
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.contents.clear();
    this.changed.dispose();
  }
}
