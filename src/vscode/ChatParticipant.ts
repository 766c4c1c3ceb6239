import * as vscode from 'vscode';
import type { ChatChunk } from '../core/chat/ChatChunk';
import type { IChatEngine } from '../core/chat/ChatEngine';
import { formatUsage } from '../core/chat/formatUsage';
import { FOOTER_MARK, toChatTurns } from './toChatTurns';

export const PARTICIPANT_ID = 'jarvis.chat';

/**
 * The @jarvis handler: translates a VS Code ChatRequest into an engine request and engine chunks into
 * response-stream calls. No logic of its own beyond that translation.
 */
export function createChatHandler(engine: IChatEngine): vscode.ChatRequestHandler {
  return async (request, context, stream, token) => {
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    if (token.isCancellationRequested) abort.abort();
    let model: string | undefined;
    let local = true;
    let errorCode: string | undefined;
    try {
      const chunks = engine.run({ prompt: request.prompt, history: toChatTurns(context.history), signal: abort.signal });
      for await (const chunk of chunks) {
        if (token.isCancellationRequested) break;
        if (chunk.type === 'model') ({ model, local } = chunk);
        render(chunk, stream, local);
        if (chunk.type === 'error') errorCode = chunk.code;
      }
    } finally {
      sub.dispose();
    }
    const result: vscode.ChatResult = { metadata: { model } };
    if (errorCode) result.errorDetails = { message: `Jarvis could not answer (${errorCode}).` };
    return result;
  };
}

function render(chunk: ChatChunk, stream: vscode.ChatResponseStream, local: boolean): void {
  switch (chunk.type) {
    case 'progress':
      stream.progress(chunk.message);
      return;
    case 'model':
      stream.progress(`Asking ${chunk.model} (${chunk.local ? 'local' : 'cloud'})…`);
      return;
    case 'markdown':
      stream.markdown(chunk.text);
      return;
    case 'error':
      // Our own message (not model output), so its `code` spans are kept; icons need supportThemeIcons.
      stream.markdown(new vscode.MarkdownString(`$(error) **Jarvis:** ${chunk.message}`, true));
      for (const a of chunk.actions) stream.button({ command: a.command, title: a.title, arguments: a.args });
      return;
    case 'done':
      stream.markdown(`${FOOTER_MARK}${escapeMarkdown(formatUsage(chunk, local))}*`);
      return;
  }
}

function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+!|<>]/g, (c) => `\\${c}`);
}
