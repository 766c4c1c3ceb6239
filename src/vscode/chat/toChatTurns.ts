import * as vscode from 'vscode';
import type { ChatTurn } from '../../core/chat/ChatChunk';

/** VS Code chat history (this participant's turns) → the engine's plain turns. */
export function toChatTurns(history: vscode.ChatContext['history']): ChatTurn[] {
  const turns: ChatTurn[] = [];
  for (const turn of history) {
    if (turn instanceof vscode.ChatRequestTurn) {
      turns.push({ role: 'user', content: turn.prompt });
    } else if (turn instanceof vscode.ChatResponseTurn) {
      const text = turn.response.map((part) => (part instanceof vscode.ChatResponseMarkdownPart && !isJarvisNote(part.value) ? part.value.value : '')).join('');
      turns.push({ role: 'assistant', content: stripFooter(text) });
    }
  }
  return turns;
}

/**
 * Notices, the "Used 3 memories" line and errors are Jarvis's notes to the user, written as
 * MarkdownStrings with theme icons (model text never has them): they are not part of the answer.
 */
export function isJarvisNote(md: { supportThemeIcons?: boolean }): boolean {
  return md.supportThemeIcons === true;
}

/** The footer we add (model, tokens, time) is for people, not for the model's context. */
export function stripFooter(text: string): string {
  const i = text.lastIndexOf(FOOTER_MARK);
  return (i >= 0 ? text.slice(0, i) : text).trimEnd();
}

export const FOOTER_MARK = '\n\n---\n*Jarvis: ';
