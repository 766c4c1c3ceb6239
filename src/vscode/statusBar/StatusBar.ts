import * as vscode from 'vscode';
import { Disposable } from '../../common/Disposable';
import { describe, OllamaStatus, OllamaStatusMonitor } from '../../core/llm/ollama/OllamaStatusMonitor';
import { commandIds } from '../../core/commandIds';

const RECHECK_MS = 60_000;

/**
 * Shows the local model and whether Ollama answers. Re-checks on settings changes, when the window
 * regains focus, and once a minute while focused, so the state is real without polling a hidden window.
 */
export class StatusBar extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('jarvis.status', vscode.StatusBarAlignment.Right, 100));

  constructor(monitor: OllamaStatusMonitor) {
    super();
    this.item.name = 'Jarvis';
    this.item.command = commandIds.showStatusMenu;
    this._register(monitor.onDidChange((s) => this.render(s)));
    this._register(
      vscode.window.onDidChangeWindowState((w) => {
        if (w.focused) void monitor.refresh();
      }),
    );
    const timer = setInterval(() => {
      if (vscode.window.state.focused) void monitor.refresh();
    }, RECHECK_MS);
    this._register({ dispose: () => clearInterval(timer) });
    this.render(monitor.status);
    this.item.show();
  }

  private render(s: OllamaStatus): void {
    const tooltip = new vscode.MarkdownString(`**Jarvis** — ${describe(s)}\n\nClick for actions.`);
    this.item.tooltip = tooltip;
    this.item.backgroundColor = undefined;
    switch (s.state) {
      case 'disabled':
        this.item.text = '$(circle-slash) Jarvis: Ollama off';
        break;
      case 'checking':
        this.item.text = `$(sync~spin) ${s.model}`;
        break;
      case 'ready':
        this.item.text = `$(hubot) ${s.model}`;
        break;
      case 'model-missing':
        this.item.text = `$(warning) ${s.model} not installed`;
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        break;
      case 'unreachable':
        this.item.text = `$(debug-disconnect) ${s.model}: Ollama offline`;
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        break;
    }
    this.item.accessibilityInformation = { label: `Jarvis: ${describe(s)}` };
  }
}

/** The gateway's line in the menu: its state, and what clicking it does. */
export interface GatewayMenuItem {
  text(): Promise<string>;
  running(): boolean;
}

/** The menu behind the status bar item: what makes sense in the current state comes first. */
export async function showStatusMenu(monitor: OllamaStatusMonitor, gateway?: GatewayMenuItem): Promise<void> {
  const s = monitor.status;
  type Item = vscode.QuickPickItem & { run: () => Thenable<unknown> };
  const cmd = (label: string, command: string, ...args: unknown[]): Item => ({
    label,
    run: () => vscode.commands.executeCommand(command, ...args),
  });
  const items: Item[] = [];
  if (s.state === 'model-missing') items.push(cmd(`$(cloud-download) Pull ${s.model}`, commandIds.pullModel, s.model));
  if (s.state === 'unreachable') items.push(cmd('$(refresh) Check Ollama Connection Again', commandIds.checkOllama));
  if (s.state === 'disabled') items.push(cmd('$(gear) Enable Ollama', commandIds.openSettings, 'jarvis.ollama.enabled'));
  items.push(
    cmd('$(comment-discussion) Open Jarvis Chat', commandIds.openChat),
    cmd('$(symbol-property) Change Local Model', commandIds.openSettings, 'jarvis.ollama.model'),
    cmd('$(server-environment) Manage Ollama Models', commandIds.manageModels),
    cmd('$(cloud-download) Pull a Model…', commandIds.pullModel),
    cmd('$(graph) Show Routing Status', commandIds.showRoutingStatus),
    ...(gateway
      ? [
          gateway.running()
            ? cmd(`$(radio-tower) Gateway: ${await gateway.text()}`, commandIds.gatewayManageKeys)
            : cmd(`$(radio-tower) Gateway: ${await gateway.text()}`, commandIds.openSettings, 'jarvis.gateway.enabled'),
          cmd('$(key) Create Gateway API Key…', commandIds.gatewayCreateKey),
        ]
      : []),
    cmd('$(key) Set OpenAI API Key', commandIds.setOpenAIKey),
    cmd('$(key) Set Anthropic API Key', commandIds.setAnthropicKey),
    cmd('$(output) Show Log', commandIds.showLog),
    cmd('$(settings-gear) All Jarvis Settings', commandIds.openSettings),
  );
  const picked = await vscode.window.showQuickPick(items, { title: `Jarvis — ${describe(s)}`, placeHolder: 'Choose an action' });
  await picked?.run();
}
