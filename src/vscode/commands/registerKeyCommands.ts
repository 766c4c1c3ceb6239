import * as vscode from 'vscode';
import { errorMessage } from '../../common/errors';
import { ApiKeyStore, CloudProvider } from '../../core/security/ApiKeyStore';
import type { Logger } from '../../core/ports';
import { commandIds } from '../../core/commandIds';

const LABEL: Record<CloudProvider, { name: string; placeholder: string }> = {
  openai: { name: 'OpenAI', placeholder: 'sk-…' },
  anthropic: { name: 'Anthropic', placeholder: 'sk-ant-…' },
};

/** Set/Clear API key commands. Keys go only to SecretStorage; the log records that a key changed, never the key. */
export function registerKeyCommands(keys: ApiKeyStore, logger: Logger): vscode.Disposable {
  const setKey = async (provider: CloudProvider) => {
    const { name, placeholder } = LABEL[provider];
    const value = await vscode.window.showInputBox({
      title: `Jarvis: ${name} API Key`,
      prompt: `Paste your ${name} API key. It is stored in VS Code's secret storage on this machine, never in settings.`,
      placeHolder: placeholder,
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v === '' ? undefined : ApiKeyStore.validate(v)),
    });
    if (value === undefined) return; // dismissed
    try {
      await keys.set(provider, value);
      logger.info(`${name} API key updated`);
      void vscode.window.showInformationMessage(`Jarvis: ${name} API key saved.`);
    } catch (e) {
      void vscode.window.showErrorMessage(`Jarvis: ${errorMessage(e)} Nothing was saved.`);
    }
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(commandIds.setOpenAIKey, () => setKey('openai')),
    vscode.commands.registerCommand(commandIds.setAnthropicKey, () => setKey('anthropic')),
    vscode.commands.registerCommand(commandIds.clearApiKeys, async () => {
      const remove = 'Remove Keys';
      const answer = await vscode.window.showWarningMessage(
        'Remove the OpenAI and Anthropic API keys Jarvis stored on this machine?',
        { modal: true, detail: 'Cloud models will be unavailable until you set a key again.' },
        remove,
      );
      if (answer !== remove) return;
      await keys.clear();
      logger.info('API keys cleared');
      void vscode.window.showInformationMessage('Jarvis: API keys removed.');
    }),
  );
}
