import type * as vscode from 'vscode';

/** A chat request as VS Code hands it to a participant (the type has no public constructor). */
export function chatRequest(prompt: string, command?: string): vscode.ChatRequest {
  return { prompt, command, references: [], toolReferences: [], toolInvocationToken: undefined, model: undefined } as unknown as vscode.ChatRequest;
}
