import type * as vscode from 'vscode';

/** Code Jarvis put into a document (Insert at Cursor), so edits to it can teach preferences. */
export interface InsertedCode {
  document: vscode.Uri;
  /** Where the inserted text ended up (after the edit was applied). */
  range: vscode.Range;
  text: string;
  languageId: string;
}
