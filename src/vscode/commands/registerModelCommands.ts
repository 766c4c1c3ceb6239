import * as vscode from 'vscode';
import { errorMessage } from '../../common/errors';
import type { SettingsStore } from '../../core/config/SettingsStore';
import { sameModel } from '../../core/llm/ollama/modelName';
import type { OllamaModels } from '../../core/llm/ollama/OllamaModels';
import type { OllamaModelInfo } from '../../core/llm/ollama/OllamaTypes';
import type { Logger } from '../../core/ports';
import { chooseSettingTarget } from '../../core/presentation/chooseSettingTarget';
import { describeOllamaModel, formatBytes } from '../../core/presentation/describeOllamaModel';
import type { OllamaStatusMonitor } from '../../core/llm/ollama/OllamaStatusMonitor';
import { commandIds } from '../../core/commandIds';

const TARGETS = {
  global: vscode.ConfigurationTarget.Global,
  workspace: vscode.ConfigurationTarget.Workspace,
  workspaceFolder: vscode.ConfigurationTarget.WorkspaceFolder,
} as const;

/** "Manage Ollama Models" and "Delete Ollama Model…": list, choose the default, delete. */
export function registerModelCommands(models: OllamaModels, monitor: OllamaStatusMonitor, settings: SettingsStore, logger: Logger): vscode.Disposable {
  /** Installed models, or undefined after telling the user why they could not be listed. */
  const listModels = async (): Promise<OllamaModelInfo[] | undefined> => {
    try {
      return await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Jarvis: listing Ollama models' }, () => models.list());
    } catch (e) {
      logger.warn(`Could not list Ollama models: ${errorMessage(e)}`);
      const check = 'Check Ollama Connection';
      const answer = await vscode.window.showErrorMessage(`Jarvis: could not list Ollama models. ${errorMessage(e)}`, check);
      if (answer === check) await vscode.commands.executeCommand(commandIds.checkOllama);
      return undefined;
    }
  };

  const modelItem = (m: OllamaModelInfo) => {
    const isDefault = sameModel(m.name, settings.current.ollama.model);
    return { label: m.name, description: `${describeOllamaModel(m)}${isDefault ? ' · default' : ''}`, model: m };
  };

  const useAsDefault = async (name: string) => {
    const config = vscode.workspace.getConfiguration('jarvis');
    const target = chooseSettingTarget(config.inspect('ollama.model'));
    await config.update('ollama.model', name, TARGETS[target]);
    logger.info(`Default Ollama model set to ${name} (${target} settings)`);
    void vscode.window.showInformationMessage(`Jarvis: ${name} is now the default local model${target === 'global' ? '' : ' for this workspace'}.`);
    void monitor.refresh();
  };

  /** Deletes after a modal confirmation; returns whether it was deleted. */
  const deleteModel = async (m: Pick<OllamaModelInfo, 'name'> & Partial<OllamaModelInfo>): Promise<boolean> => {
    const isDefault = sameModel(m.name, settings.current.ollama.model);
    const remove = 'Delete';
    const detail = [
      m.sizeBytes === undefined ? '' : `This frees ${formatBytes(m.sizeBytes)} of disk space.`,
      'You can pull it again later.',
      isDefault ? 'It is the default local model of Jarvis: choose another one afterwards, or local answers will fail.' : '',
    ]
      .filter(Boolean)
      .join(' ');
    const answer = await vscode.window.showWarningMessage(`Delete the Ollama model ${m.name}?`, { modal: true, detail }, remove);
    if (answer !== remove) return false;
    try {
      await models.delete(m.name);
      logger.info(`Deleted Ollama model ${m.name}`);
      void vscode.window.showInformationMessage(`Jarvis: deleted ${m.name}.`);
      return true;
    } catch (e) {
      logger.error(`Could not delete ${m.name}: ${errorMessage(e)}`);
      void vscode.window.showErrorMessage(`Jarvis: could not delete ${m.name}. ${errorMessage(e)}`);
      return false;
    } finally {
      void monitor.refresh();
    }
  };

  const manage = async () => {
    const installed = await listModels();
    if (!installed) return;
    type Item = vscode.QuickPickItem & { model?: OllamaModelInfo; pull?: true };
    const items: Item[] = [
      ...installed.map(modelItem),
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      { label: '$(cloud-download) Pull a model…', pull: true },
    ];
    const picked = await vscode.window.showQuickPick(items, {
      title: 'Jarvis: Manage Ollama Models',
      placeHolder: installed.length === 0 ? 'No models installed yet: pull one' : 'Choose a model to make it the default or delete it',
      matchOnDescription: true,
    });
    if (!picked) return;
    if (picked.pull) {
      await vscode.commands.executeCommand(commandIds.pullModel);
      return;
    }
    const m = picked.model!;
    const isDefault = sameModel(m.name, settings.current.ollama.model);
    const actions: (vscode.QuickPickItem & { run: () => Promise<unknown> })[] = [];
    if (!isDefault) actions.push({ label: '$(check) Use as default local model', run: () => useAsDefault(m.name) });
    actions.push({ label: '$(trash) Delete…', description: describeOllamaModel(m), run: () => deleteModel(m) });
    const action = await vscode.window.showQuickPick(actions, { title: `Jarvis: ${m.name}${isDefault ? ' (default)' : ''}`, placeHolder: 'Choose an action' });
    await action?.run();
  };

  /** `arg` (a model name) skips the picker, for other commands and tests; the deletion is still confirmed. */
  const deleteCommand = async (arg?: unknown) => {
    if (typeof arg === 'string' && arg.trim() !== '') {
      await deleteModel({ name: arg.trim() });
      return;
    }
    const installed = await listModels();
    if (!installed) return;
    if (installed.length === 0) {
      void vscode.window.showInformationMessage('Jarvis: Ollama has no models installed.');
      return;
    }
    const picked = await vscode.window.showQuickPick(installed.map(modelItem), {
      title: 'Jarvis: Delete Ollama Model',
      placeHolder: 'Choose the model to delete',
    });
    if (picked) await deleteModel(picked.model);
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(commandIds.manageModels, manage),
    vscode.commands.registerCommand(commandIds.deleteModel, deleteCommand),
  );
}
