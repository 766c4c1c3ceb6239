import * as vscode from 'vscode';

/** Arguments of the quick fix's command: the document, the diagnostics' span, and the diagnostics. */
export type FixArgs = [uri: vscode.Uri, range: vscode.Range, diagnostics: vscode.Diagnostic[]];

/**
 * "Fix with Jarvis" on every diagnostic (errors and warnings): runs Fix on the code around the
 * problem with the diagnostic's message, and proposes the change in a diff like the command does.
 */
export class FixCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly command: string) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const diagnostics = context.diagnostics.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning);
    if (diagnostics.length === 0) return [];
    if (context.only && !vscode.CodeActionKind.QuickFix.contains(context.only) && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
    const span = diagnostics.map((d) => d.range).reduce((a, b) => a.union(b));
    const title = diagnostics.length === 1 ? `Fix with Jarvis: ${shorten(diagnostics[0].message)}` : `Fix with Jarvis (${diagnostics.length} problems)`;
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = diagnostics;
    const args: FixArgs = [document.uri, span, diagnostics];
    action.command = { command: this.command, title, arguments: args };
    return [action];
  }
}

function shorten(message: string): string {
  const line = message.split('\n')[0];
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}
