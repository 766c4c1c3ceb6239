import * as vscode from 'vscode';

export type RecordedCall =
  | { kind: 'markdown'; text: string }
  | { kind: 'anchor'; value: vscode.Uri | vscode.Location; title?: string }
  | { kind: 'button'; command: vscode.Command }
  | { kind: 'filetree'; value: vscode.ChatResponseFileTree[]; baseUri: vscode.Uri }
  | { kind: 'progress'; text: string }
  | { kind: 'reference'; value: vscode.Uri | vscode.Location | { variableName: string; value?: vscode.Uri | vscode.Location } }
  | { kind: 'push'; part: vscode.ChatResponsePart };

/**
 * A ChatResponseStream that records every call in order, so a test can assert what the @jarvis handler
 * rendered. `onMarkdown` lets a test react mid-stream (e.g. cancel after the first chunk).
 */
export class RecordingResponseStream implements vscode.ChatResponseStream {
  readonly calls: RecordedCall[] = [];
  onMarkdown: ((text: string) => void) | undefined;

  /** All markdown concatenated, as a person would read it. */
  get markdownText(): string {
    return this.calls
      .map((c) => (c.kind === 'markdown' ? c.text : c.kind === 'push' && c.part instanceof vscode.ChatResponseMarkdownPart ? c.part.value.value : ''))
      .join('');
  }

  get markdownParts(): vscode.ChatResponseMarkdownPart[] {
    return this.calls.filter((c) => c.kind === 'markdown').map((c) => new vscode.ChatResponseMarkdownPart(c.text));
  }

  markdown(value: string | vscode.MarkdownString): void {
    const text = typeof value === 'string' ? value : value.value;
    this.calls.push({ kind: 'markdown', text });
    this.onMarkdown?.(text);
  }

  anchor(value: vscode.Uri | vscode.Location, title?: string): void {
    this.calls.push({ kind: 'anchor', value, title });
  }

  button(command: vscode.Command): void {
    this.calls.push({ kind: 'button', command });
  }

  filetree(value: vscode.ChatResponseFileTree[], baseUri: vscode.Uri): void {
    this.calls.push({ kind: 'filetree', value, baseUri });
  }

  progress(value: string): void {
    this.calls.push({ kind: 'progress', text: value });
  }

  reference(value: vscode.Uri | vscode.Location, _iconPath?: vscode.IconPath): void {
    this.calls.push({ kind: 'reference', value });
  }

  push(part: vscode.ChatResponsePart): void {
    this.calls.push({ kind: 'push', part });
  }
}
