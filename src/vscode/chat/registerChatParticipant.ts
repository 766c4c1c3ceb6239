import * as vscode from 'vscode';
import type { IChatEngine } from '../../core/chat/ChatEngine';
import type { Logger } from '../../core/ports';
import { createChatHandler, PARTICIPANT_ID } from './ChatParticipant';

/**
 * `@jarvis` in VS Code's chat, answering through the engine. Forks without the chat API (or with it
 * disabled) still get the Jarvis chat view; the handler is returned either way (the test API drives it).
 */
export function registerChatParticipant(
  engine: IChatEngine,
  iconPath: vscode.Uri,
  log: Logger,
): { chatHandler: vscode.ChatRequestHandler; disposable: vscode.Disposable } {
  const chatHandler = createChatHandler(engine);
  if (typeof vscode.chat?.createChatParticipant !== 'function') {
    log.info('This VS Code build has no chat API: use the Jarvis chat view.');
    return { chatHandler, disposable: new vscode.Disposable(() => undefined) };
  }
  const participant = vscode.chat.createChatParticipant(PARTICIPANT_ID, chatHandler);
  participant.iconPath = iconPath;
  return { chatHandler, disposable: participant };
}
