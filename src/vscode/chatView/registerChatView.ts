import * as vscode from 'vscode';
import { DisposableStore, type IDisposable } from '../../common/Disposable';
import type { IChatEngine } from '../../core/chat/ChatEngine';
import type { Logger } from '../../core/ports';
import { participantCommands } from '../chat/ChatParticipant';
import { ChatViewProvider } from './ChatViewProvider';
import type { InsertedCode } from './InsertedCode';
import type { WebviewTap } from '../WebviewTap';

export interface ChatViewDeps {
  context: Pick<vscode.ExtensionContext, 'extensionUri' | 'workspaceState' | 'extension'>;
  engine: IChatEngine;
  log: Logger;
  /** Code the user put into an editor from an answer ("Insert at Cursor"). */
  onDidInsertCode: (code: InsertedCode) => void;
  /** Records each message posted to the page, and delivers messages as if from it (ExtensionMode.Test only). */
  posts?: WebviewTap;
}

/** The Jarvis chat view (a webview kept alive while hidden, its transcript in workspaceState), with the slash commands package.json declares. */
export function registerChatView(deps: ChatViewDeps): { chatView: ChatViewProvider; disposable: IDisposable } {
  const { context, engine, log } = deps;
  const chatView = new ChatViewProvider(context.extensionUri, engine, context.workspaceState, log, {
    commands: participantCommands(context.extension.packageJSON),
    ...(deps.posts ? { onPost: (m: unknown) => deps.posts?.record('chat', m) } : {}),
  });
  deps.posts?.connect('chat', (m) => chatView.receive(m));
  // Disposed in reverse: the registration goes before the provider it serves.
  const disposable = new DisposableStore();
  disposable.add(chatView);
  disposable.add(chatView.onDidInsertCode(deps.onDidInsertCode));
  disposable.add(vscode.window.registerWebviewViewProvider(ChatViewProvider.viewId, chatView, { webviewOptions: { retainContextWhenHidden: true } }));
  return { chatView, disposable };
}
