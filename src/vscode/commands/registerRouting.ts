import * as vscode from 'vscode';
import { systemClock } from '../../common/Clock';
import { DisposableStore } from '../../common/Disposable';
import type { SettingsStore } from '../../core/config/SettingsStore';
import type { ApiKeyStore } from '../../core/security/ApiKeyStore';
import type { OllamaModels } from '../../core/llm/ollama/OllamaModels';
import type { IRoutingService, RoutingServiceDeps } from '../../core/routing/RoutingServiceContract';
import type { OllamaStatusMonitor } from '../../core/llm/ollama/OllamaStatusMonitor';
import { registerModelCommands } from './registerModelCommands';
import { registerRoutingCommands } from './registerRoutingCommands';
import { CostStatusBar } from '../statusBar/CostStatusBar';
import { MementoStore } from '../adapters/MementoStore';
import { VscodeLmModelSource } from '../lm/VscodeLmModelSource';

export interface RegisterRoutingDeps {
  settings: SettingsStore;
  keys: ApiKeyStore;
  models: OllamaModels;
  monitor: OllamaStatusMonitor;
  log: vscode.LogOutputChannel;
  /** The composition root passes `(d) => new RoutingService(d)`; tests may pass a double. */
  createService: (deps: RoutingServiceDeps) => IRoutingService;
}

/**
 * The VS Code side of routing: builds the routing service over VS Code adapters (globalState for
 * statistics and budget, vscode.lm for extra models), and adds the cost status item and the model,
 * metrics, budget and status commands. Everything is owned by the returned disposable.
 */
export function registerRouting(context: vscode.ExtensionContext, deps: RegisterRoutingDeps): { service: IRoutingService; disposable: vscode.Disposable } {
  const store = new DisposableStore();
  const extraModels = store.add(new VscodeLmModelSource(deps.log));
  const service = deps.createService({
    settings: () => deps.settings.current,
    onDidChangeSettings: deps.settings.onDidChange,
    keys: { get: (provider) => deps.keys.get(provider) },
    ollamaModels: () => deps.models.list(),
    ollamaDetails: (model) => deps.models.show(model),
    extraModels,
    store: new MementoStore(context.globalState),
    clock: systemClock,
    logger: deps.log,
  });
  // Added after its sources so it is disposed first (the store disposes in reverse order).
  store.add(service);
  store.add(new CostStatusBar(service));
  store.add(registerRoutingCommands({ service, keys: deps.keys, monitor: deps.monitor, settings: deps.settings, extraModels, logger: deps.log }));
  store.add(registerModelCommands(deps.models, deps.monitor, deps.settings, deps.log));
  return { service, disposable: store };
}
