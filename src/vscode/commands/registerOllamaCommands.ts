import * as vscode from 'vscode';
import { errorMessage, isJarvisError } from '../../common/errors';
import type { SettingsStore } from '../../core/config/SettingsStore';
import type { OllamaModels } from '../../core/llm/ollama/OllamaModels';
import type { Logger } from '../../core/ports';
import { describe, OllamaStatusMonitor } from '../../core/llm/ollama/OllamaStatusMonitor';
import { commandIds } from '../../core/commandIds';

/** Commands that talk to Ollama: pull a model (with progress and cancel) and check the connection. */
export function registerOllamaCommands(models: OllamaModels, monitor: OllamaStatusMonitor, settings: SettingsStore, logger: Logger): vscode.Disposable {
  const pull = async (arg?: unknown) => {
    let model = typeof arg === 'string' && arg.trim() !== '' ? arg.trim() : undefined;
    model ??= await vscode.window.showInputBox({
      title: 'Jarvis: Pull Ollama Model',
      prompt: 'Model to download into Ollama (for example llama3, phi3, qwen2.5-coder:7b)',
      value: settings.current.ollama.model,
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() === '' ? 'Enter a model name.' : undefined),
    });
    if (!model) return;
    const name = model;
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Pulling ${name}`, cancellable: true },
      async (progress, token) => {
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => abort.abort());
        let reported = 0;
        try {
          for await (const p of models.pull(name, abort.signal)) {
            const pct = p.percent ?? reported;
            progress.report({ message: p.percent === undefined ? p.status : `${p.status} (${Math.floor(pct)}%)`, increment: Math.max(0, pct - reported) });
            reported = Math.max(reported, pct);
          }
          logger.info(`Pulled ${name}`);
          void vscode.window.showInformationMessage(`Jarvis: ${name} is ready.`);
        } catch (e) {
          if (isJarvisError(e, 'cancelled')) {
            logger.info(`Pull of ${name} cancelled`);
            void vscode.window.showInformationMessage(`Jarvis: pull of ${name} cancelled. Ollama keeps what it downloaded and resumes next time.`);
          } else {
            logger.error(`Pull of ${name} failed: ${errorMessage(e)}`);
            void vscode.window.showErrorMessage(`Jarvis: could not pull ${name}. ${errorMessage(e)}`);
          }
        } finally {
          sub.dispose();
          void monitor.refresh();
        }
      },
    );
  };

  const check = async () => {
    const status = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Jarvis: checking Ollama' }, () => monitor.refresh());
    const text = `Jarvis: ${describe(status)}.`;
    if (status.state === 'ready') {
      void vscode.window.showInformationMessage(text);
      return;
    }
    const actions: Record<string, () => Thenable<unknown>> = {};
    if (status.state === 'model-missing') actions[`Pull ${status.model}`] = () => vscode.commands.executeCommand(commandIds.pullModel, status.model);
    if (status.state === 'disabled') actions['Enable Ollama'] = () => vscode.commands.executeCommand(commandIds.openSettings, 'jarvis.ollama.enabled');
    if (status.state === 'unreachable') actions['Change Host'] = () => vscode.commands.executeCommand(commandIds.openSettings, 'jarvis.ollama.host');
    const picked = await vscode.window.showWarningMessage(text, ...Object.keys(actions));
    if (picked) await actions[picked]();
  };

  return vscode.Disposable.from(vscode.commands.registerCommand(commandIds.pullModel, pull), vscode.commands.registerCommand(commandIds.checkOllama, check));
}
