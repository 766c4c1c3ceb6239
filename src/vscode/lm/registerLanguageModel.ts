import * as vscode from 'vscode';
import { DisposableStore } from '../../common/Disposable';
import { errorMessage } from '../../common/errors';
import type { SlashCommand } from '../../core/chat/ChatPipeline';
import type { SettingsStore } from '../../core/config/SettingsStore';
import { buildCatalog, type CatalogEntry } from '../../core/llm/modelCatalog';
import type { OllamaModels } from '../../core/llm/ollama/OllamaModels';
import type { OllamaModelDetails } from '../../core/llm/ollama/OllamaTypes';
import type { TokenCounter } from '../../core/llm/tokens/TokenCounter';
import type { Logger } from '../../core/ports';
import type { AgentResponder } from '../../core/routing/AgentResponder';
import { buildRoutes } from '../../core/routing/buildRoutes';
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

/** Longest wait for Ollama while VS Code lists models: the picker must not hang on an absent server. */
const LIST_TIMEOUT_MS = 3_000;

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
  const provider = store.add(new JarvisChatModelProvider({ agent: deps.agent, catalog: () => catalog(deps), tokens: deps.tokens, logger: deps.log }));
  store.add(vscode.lm.registerLanguageModelChatProvider(JARVIS_VENDOR, provider));
  const refresh = () => provider.refresh();
  store.add(deps.settings.onDidChange(refresh));
  store.add(deps.onOllamaChange(refresh));
  store.add(deps.secrets.onDidChange(refresh));
  return store;
}

async function catalog(deps: LanguageModelDeps): Promise<CatalogEntry[]> {
  const s = deps.settings.current;
  const [ollama, keys] = await Promise.all([s.ollama.enabled ? ollamaDetails(deps) : [], Promise.all([deps.keys.has('openai'), deps.keys.has('anthropic')])]);
  const keyed = { openai: keys[0], anthropic: keys[1] };
  const routes = buildRoutes(s);
  const cloud = Object.values(routes)
    .flat()
    .flatMap((c) => ((c.provider === 'openai' || c.provider === 'anthropic') && keyed[c.provider] ? [{ provider: c.provider, model: c.model }] : []));
  return buildCatalog({ ollama, cloud });
}

async function ollamaDetails(deps: LanguageModelDeps): Promise<OllamaModelDetails[]> {
  const signal = AbortSignal.timeout(LIST_TIMEOUT_MS);
  try {
    const installed = await deps.models.list(signal);
    return await Promise.all(
      installed.map((m) =>
        deps.models.show(m.name, signal).catch((e: unknown): OllamaModelDetails => {
          deps.log.debug(`ollama show ${m.name} failed: ${errorMessage(e)}`);
          return { name: m.name, family: m.family, parameterSize: m.parameterSize, quantization: m.quantization, capabilities: [] };
        }),
      ),
    );
  } catch (e) {
    deps.log.debug(`Ollama models not listed for the model picker: ${errorMessage(e)}`);
    return [];
  }
}
