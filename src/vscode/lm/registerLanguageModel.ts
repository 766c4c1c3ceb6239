import * as vscode from 'vscode';
import { DisposableStore } from '../../common/Disposable';
import type { SlashCommand } from '../../core/chat/ChatPipeline';
import type { SettingsStore } from '../../core/config/SettingsStore';
import type { CatalogEntry } from '../../core/llm/modelCatalog';
import type { OllamaModels } from '../../core/llm/ollama/OllamaModels';
import type { TokenCounter } from '../../core/llm/tokens/TokenCounter';
import type { Logger } from '../../core/ports';
import type { AgentResponder } from '../../core/routing/AgentResponder';
import { listModelCatalog } from '../../core/routing/listModelCatalog';
import type { ApiKeyStore } from '../../core/security/ApiKeyStore';
import { JARVIS_VENDOR, JarvisChatModelProvider } from './JarvisChatModelProvider';
import { registerMemoryTools } from './registerMemoryTools';

export interface LanguageModelDeps {
  agent: AgentResponder;
  settings: SettingsStore;
  keys: ApiKeyStore;
  models: OllamaModels;
  /** Fires when Ollama's state or models change. */
  onOllamaChange: vscode.Event<unknown>;
  memoryCommands: readonly SlashCommand[];
  secrets: vscode.SecretStorage;
  /** Counts tokens for VS Code (in a worker thread: see TokenCounter). */
  tokens: TokenCounter;
  log: Logger;
}

/**
 * Jarvis as a language-model provider (vendor `jarvis`: Jarvis Auto and one entry per model) and
 * its memory tools. Hosts without the 1.104 API simply get neither.
 */
export function registerLanguageModel(deps: LanguageModelDeps): vscode.Disposable {
  const store = new DisposableStore();
  store.add(registerMemoryTools(deps.memoryCommands));
  if (typeof vscode.lm?.registerLanguageModelChatProvider !== 'function') {
    deps.log.info('This VS Code has no language-model provider API (1.104+): Jarvis Auto is not in the model picker.');
    return store;
  }
  const provider = store.add(new JarvisChatModelProvider({ agent: deps.agent, catalog: () => catalog(deps), tokens: deps.tokens, logger: deps.log, vscode }));
  store.add(vscode.lm.registerLanguageModelChatProvider(JARVIS_VENDOR, provider));
  const refresh = () => provider.refresh();
  store.add(deps.settings.onDidChange(refresh));
  store.add(deps.onOllamaChange(refresh));
  store.add(deps.secrets.onDidChange(refresh));
  return store;
}

function catalog(deps: LanguageModelDeps): Promise<CatalogEntry[]> {
  return listModelCatalog({ settings: () => deps.settings.current, keys: deps.keys, models: deps.models, logger: deps.log });
}
