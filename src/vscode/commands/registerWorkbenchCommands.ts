import * as vscode from 'vscode';
import { commandIds } from '../../core/commandIds';
import type { OllamaStatusMonitor } from '../../core/llm/ollama/OllamaStatusMonitor';
import type { ChatViewProvider } from '../chatView/ChatViewProvider';
import { showStatusMenu, type GatewayMenuItem } from '../statusBar/StatusBar';

export interface WorkbenchCommandDeps {
  chatView: Pick<ChatViewProvider, 'reveal' | 'newChat'>;
  monitor: OllamaStatusMonitor;
  gateway: GatewayMenuItem;
  log: { show(): void };
}

/** The small commands that open things: the chat view, a new chat, the status menu, the log, a replaced answer, Jarvis's settings. */
export function registerWorkbenchCommands(deps: WorkbenchCommandDeps): vscode.Disposable {
  const { chatView, monitor, gateway, log } = deps;
  return vscode.Disposable.from(
    vscode.commands.registerCommand(commandIds.openChat, () => chatView.reveal()),
    vscode.commands.registerCommand(commandIds.newChat, () => chatView.newChat()),
    vscode.commands.registerCommand(commandIds.showStatusMenu, () => showStatusMenu(monitor, gateway)),
    vscode.commands.registerCommand(commandIds.showLog, () => log.show()),
    vscode.commands.registerCommand(commandIds.showReplacedAnswer, async (text?: unknown, model?: unknown) => {
      if (typeof text !== 'string') return;
      const heading = `<!-- Local answer${typeof model === 'string' ? ` by ${model}` : ''}, replaced by the quality gate -->\n\n`;
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: heading + text });
      await vscode.window.showTextDocument(doc, { preview: true });
    }),
    vscode.commands.registerCommand(commandIds.openSettings, (key?: unknown) =>
      vscode.commands.executeCommand('workbench.action.openSettings', typeof key === 'string' ? key : '@ext:jarvis-hybrid.jarvis'),
    ),
  );
}
