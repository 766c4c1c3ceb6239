import type * as vscode from 'vscode';
import { errorMessage } from '../../common/errors';
import type { ChatAttachment, LineRange } from '../../core/chat/ChatChunk';

/**
 * What reading a reference needs from VS Code (vscode.workspace.openTextDocument and
 * asRelativePath in the participant; plain objects in tests — this file has no runtime `vscode`).
 */
export interface AttachmentReader {
  /** Rejects when the uri cannot be read as text (a folder, a binary file, a deleted file…). */
  open(uri: vscode.Uri): Promise<{ getText(range?: vscode.Range): string; languageId: string }>;
  /** Workspace-relative name, e.g. "src/app.ts" (the path itself outside any workspace folder). */
  relativeName(uri: vscode.Uri): string;
}

export interface AttachmentResult {
  attachments: ChatAttachment[];
  /** One line per reference that could not be attached, with why: shown to the user, never dropped silently. */
  skipped: string[];
}

/**
 * @jarvis request references (#file, the implicit selection, other participants' values) → the
 * engine's attachments. Values are told apart by shape, not `instanceof`, so this stays testable in
 * plain Node: `Uri` (whole file), `Location` (a range of a file), `string` (text as is).
 */
export async function toAttachments(references: readonly vscode.ChatPromptReference[], reader: AttachmentReader): Promise<AttachmentResult> {
  const attachments: ChatAttachment[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  const add = (a: ChatAttachment) => {
    if (seen.has(a.name)) return;
    seen.add(a.name);
    attachments.push(a);
  };
  for (const ref of references) {
    const value: unknown = ref.value;
    if (typeof value === 'string') {
      const name = ref.modelDescription?.trim() || ref.id;
      if (value.trim() === '') skipped.push(`${name}: it is empty`);
      else add({ name, content: value });
      continue;
    }
    const target = isLocation(value) ? { uri: value.uri, range: value.range } : isUri(value) ? { uri: value, range: undefined } : undefined;
    if (!target) {
      skipped.push(`${ref.id}: this kind of reference is not supported`);
      continue;
    }
    const base = reader.relativeName(target.uri);
    // An empty range is just where the cursor was: the user means the file.
    const range = target.range && !isEmptyRange(target.range) ? target.range : undefined;
    const name = range ? `${base}:${lineSpan(range)}` : base;
    try {
      const doc = await reader.open(target.uri);
      const content = range ? doc.getText(range) : doc.getText();
      add({ name, content, languageId: doc.languageId, uri: target.uri.toString(), path: base, ...(range ? { range: lineRange(range) } : {}) });
    } catch (e) {
      skipped.push(`${name}: ${errorMessage(e)}`);
    }
  }
  return { attachments, skipped };
}

/** "12" or "12-30" (1-based lines, as editors show them). */
export function lineSpan(range: Pick<vscode.Range, 'start' | 'end'>): string {
  const { startLine, endLine } = lineRange(range);
  return startLine === endLine ? `${startLine}` : `${startLine}-${endLine}`;
}

/** The 1-based, inclusive lines a range covers. */
export function lineRange(range: Pick<vscode.Range, 'start' | 'end'>): LineRange {
  const startLine = range.start.line + 1;
  // A selection ending at column 0 of a line does not include that line.
  const endLine = range.end.character === 0 && range.end.line > range.start.line ? range.end.line : range.end.line + 1;
  return { startLine, endLine };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

export function isUri(x: unknown): x is vscode.Uri {
  return isRecord(x) && typeof x.scheme === 'string' && typeof x.path === 'string' && typeof x.toString === 'function';
}

function isPosition(x: unknown): x is vscode.Position {
  return isRecord(x) && typeof x.line === 'number' && typeof x.character === 'number';
}

function isRange(x: unknown): x is vscode.Range {
  return isRecord(x) && isPosition(x.start) && isPosition(x.end);
}

export function isLocation(x: unknown): x is vscode.Location {
  return isRecord(x) && isUri(x.uri) && isRange(x.range);
}

function isEmptyRange(r: vscode.Range): boolean {
  return r.start.line === r.end.line && r.start.character === r.end.character;
}
