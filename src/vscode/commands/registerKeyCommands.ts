import * as vscode from 'vscode';
import { errorMessage } from '../../common/errors';
import { ApiKeyStore, CLOUD_PROVIDERS, type CloudProvider } from '../../core/security/ApiKeyStore';
import type { Logger } from '../../core/ports';
import { commandIds } from '../../core/commandIds';

const LABEL: Record<CloudProvider, { name: string; placeholder: string }> = {
  openai: { name: 'OpenAI', placeholder: 'sk-…' },
  anthropic: { name: 'Anthropic', placeholder: 'sk-ant-…' },
};

/** One row of "Show API Key Status": whether a key is stored and when a cloud request last used it. */
export interface ApiKeyStatus {
  provider: CloudProvider;
  set: boolean;
  /** ISO time of the last cloud request to this provider in the egress ledger. */
  lastUsed?: string;
}

/**
 * Set/Clear API key commands and Show API Key Status. Keys go only to SecretStorage; the log records
 * that a key changed, never the key. `lastUse` reads the egress ledger (when a provider last answered).
 */
export function registerKeyCommands(keys: ApiKeyStore, logger: Logger, lastUse?: () => Promise<Map<string, string>>): vscode.Disposable {
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

  const showStatus = async (): Promise<ApiKeyStatus[]> => {
    const used = await (lastUse?.() ?? Promise.resolve(new Map<string, string>())).catch((e: unknown) => {
      logger.warn(`Could not read the audit log for key use: ${errorMessage(e)}`);
      return new Map<string, string>();
    });
    const rows: ApiKeyStatus[] = await Promise.all(
      CLOUD_PROVIDERS.map(async (provider) => ({ provider, set: await keys.has(provider), lastUsed: used.get(provider) })),
    );
    // Not awaited: the command returns the rows at once (tests, other commands); picking a row sets its key.
    void vscode.window
      .showQuickPick(
        rows.map((r) => ({
          label: `${r.set ? '$(key)' : '$(circle-slash)'} ${LABEL[r.provider].name}`,
          description: r.set ? 'set (stored in secret storage)' : 'not set',
          detail: r.lastUsed ? `last used for a cloud request at ${r.lastUsed}` : r.set ? 'not used for a cloud request yet' : 'pick to set a key',
          row: r,
        })),
        { title: 'Jarvis: API Key Status', placeHolder: 'Keys are never shown. Pick one to set or replace it.' },
      )
      .then((pick) => (pick ? setKey(pick.row.provider) : undefined));
    return rows;
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(commandIds.showApiKeyStatus, showStatus),
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
