import * as vscode from 'vscode';
import { errorMessage } from '../../common/errors';
import { commandIds } from '../../core/commandIds';
import type { SettingsStore } from '../../core/config/SettingsStore';
import type { CloudModelLists, RefreshOutcome } from '../../core/llm/modelLists/CloudModelLists';
import { type CloudProviderId, PROVIDER_LABELS, type UnlistedModel } from '../../core/llm/modelLists/ModelList';
import type { Logger } from '../../core/ports';
import { formatListTime, unlistedWarning } from '../../core/presentation/formatCloudModelLists';
import { type ChooseCloudModelArg, chooseCloudModel } from './chooseCloudModel';

/** The first background check waits until the window has settled; activation itself makes no request. */
const FIRST_CHECK_MS = 15_000;
/** Then hourly: cheap when nothing is due (refreshIfDue asks the network at most once per refreshHours). */
const CHECK_EVERY_MS = 3_600_000;

export interface RegisterCloudModelsDeps {
  /** Build the integration tests' hooks (ExtensionMode.Test only: in other modes none exist). */
  testHooks?: boolean;
  lists: CloudModelLists;
  settings: SettingsStore;
  keys: { has(provider: CloudProviderId): Promise<boolean> };
  log: Logger;
}

/** What the integration tests read: the warnings shown so far (their text). */
export interface CloudModelsTestApi {
  warnings(): string[];
  unlisted(): UnlistedModel[];
}

/**
 * The providers' model lists in VS Code: "Choose Cloud Model…", "Refresh Cloud Model Lists" (with
 * progress and cancel), the background refresh (never during activation), and one warning per
 * configured model that its provider stopped listing, with Choose Model… and Open Settings.
 */
export function registerCloudModels(deps: RegisterCloudModelsDeps): vscode.Disposable & { api: CloudModelsTestApi | undefined } {
  const { lists, log } = deps;
  const shown: string[] | undefined = deps.testHooks ? [] : undefined;

  const warn = () => {
    const fresh = lists.takeNewUnlisted();
    if (!fresh) return;
    const text = unlistedWarning(fresh);
    shown?.push(text);
    log.warn(text);
    const choose = 'Choose Model…';
    const settings = 'Open Settings';
    void vscode.window.showWarningMessage(text, choose, settings).then(async (a) => {
      const arg: ChooseCloudModelArg = fresh.length === 1 ? { provider: fresh[0].provider, model: fresh[0].model } : {};
      if (a === choose) await vscode.commands.executeCommand(commandIds.chooseCloudModel, arg);
      else if (a === settings) await vscode.commands.executeCommand(commandIds.openSettings, 'jarvis.routing.tiers');
    });
  };

  const background = async () => {
    try {
      await lists.refreshIfDue();
    } catch (e) {
      log.warn(`Background refresh of the cloud model lists failed: ${errorMessage(e)}`);
    }
    warn();
  };

  /** With `{ quiet: true }` (tests, other commands) no summary message; the outcomes are returned either way. */
  const refresh = async (arg?: { quiet?: boolean }): Promise<RefreshOutcome[]> => {
    const outcomes = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Jarvis: refreshing the cloud model lists', cancellable: true },
      async (_progress, token) => {
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => abort.abort());
        try {
          return await lists.refreshAll('manual', abort.signal);
        } finally {
          sub.dispose();
        }
      },
    );
    if (!arg?.quiet) void summarise(outcomes);
    return outcomes;
  };

  const summarise = async (outcomes: RefreshOutcome[]) => {
    if (outcomes.every((o) => o.status === 'skipped')) {
      const openai = 'Set OpenAI API Key';
      const anthropic = 'Set Anthropic API Key';
      const a = await vscode.window.showInformationMessage('Jarvis: no cloud API key is set, so there is no model list to fetch.', openai, anthropic);
      if (a) await vscode.commands.executeCommand(a === openai ? commandIds.setOpenAIKey : commandIds.setAnthropicKey);
      return;
    }
    const parts = outcomes.flatMap((o) => {
      const label = PROVIDER_LABELS[o.provider];
      if (o.status === 'updated') return [`${label}: ${o.list.models.filter((m) => m.chat).length} chat models`];
      if (o.status === 'failed') return [`${label}: ${o.error.message}${o.cached ? ` Using the list cached from ${formatListTime(o.cached.fetchedAt)}.` : ''}`];
      return [];
    });
    const failedAny = outcomes.some((o) => o.status === 'failed');
    const text = `Jarvis: ${parts.join(' · ')}`;
    if (!failedAny) {
      void vscode.window.showInformationMessage(text);
      return;
    }
    const a = await vscode.window.showWarningMessage(text, 'Show Log');
    if (a) await vscode.commands.executeCommand(commandIds.showLog);
  };

  const first = setTimeout(() => void background(), FIRST_CHECK_MS);
  const timer = setInterval(() => void background(), CHECK_EVERY_MS);
  const disposable = vscode.Disposable.from(
    { dispose: () => (clearTimeout(first), clearInterval(timer)) },
    lists.onDidChange(warn),
    deps.settings.onDidChange(warn),
    vscode.commands.registerCommand(commandIds.refreshCloudModels, refresh),
    vscode.commands.registerCommand(commandIds.chooseCloudModel, (arg?: ChooseCloudModelArg) =>
      chooseCloudModel(deps, typeof arg === 'object' && arg !== null ? arg : {}),
    ),
  );
  return Object.assign(disposable, { api: shown && { warnings: () => [...shown], unlisted: () => lists.unlisted() } });
}
