import * as vscode from 'vscode';
import type { ChatTurn } from '../core/chat/ChatChunk';

/** VS Code chat history (this participant's turns) → the engine's plain turns. */
export function toChatTurns(history: vscode.ChatContext['history']): ChatTurn[] {
  const turns: ChatTurn[] = [];
  for (const turn of history) {
    if (turn instanceof vscode.ChatRequestTurn) {
      turns.push({ role: 'user', content: turn.prompt });
    } else if (turn instanceof vscode.ChatResponseTurn) {
      const text = turn.response
        .map((part) => (part instanceof vscode.ChatResponseMarkdownPart ? part.value.value : ''))
        .join('');
      turns.push({ role: 'assistant', content: stripFooter(text) });
    }
  }
  return turns;
}

/** The footer we add (model, tokens, time) is for people, not for the model's context. */
export function stripFooter(text: string): string {
  const i = text.lastIndexOf(FOOTER_MARK);
  return (i >= 0 ? text.slice(0, i) : text).trimEnd();
}

export const FOOTER_MARK = '\n\n---\n*Jarvis: ';
