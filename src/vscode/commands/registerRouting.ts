import * as vscode from 'vscode';
import { DisposableStore } from '../../common/Disposable';
import type { SettingsStore } from '../../core/config/SettingsStore';
import type { ApiKeyStore } from '../../core/security/ApiKeyStore';
import type { OllamaModels } from '../../core/llm/ollama/OllamaModels';
import type { ExtraModelSource, IRoutingService } from '../../core/routing/RoutingServiceContract';
import type { OllamaStatusMonitor } from '../../core/llm/ollama/OllamaStatusMonitor';
import { registerModelCommands } from './registerModelCommands';
import { registerRoutingCommands } from './registerRoutingCommands';
import { CostStatusBar } from '../statusBar/CostStatusBar';
import type { AgentActivity } from '../../core/routing/AgentResponder';
import type { Clock } from '../../common/Clock';
import { costExtras, type CostExtras } from '../../core/observability/costExtras';
import type { AlertManager } from '../../core/observability/alerts/AlertManager';
import { systemOffset, type UsageLedger } from '../../core/observability/dashboard/UsageLedger';
import type { CloudModelLists } from '../../core/llm/modelLists/CloudModelLists';

export interface RegisterRoutingDeps {
  /** Built by the composition root (src/extension.ts). */
  service: IRoutingService;
  extraModels: ExtraModelSource;
  settings: SettingsStore;
  keys: ApiKeyStore;
  models: OllamaModels;
  monitor: OllamaStatusMonitor;
  log: vscode.LogOutputChannel;
  /** Requests through Jarvis's language models, for the status page. */
  agentActivity?: () => AgentActivity;
  /** The cost item's breakdown and savings: this month of the persisted ledger, as on the dashboard. */
  usage: Pick<UsageLedger, 'snapshot'>;
  /** Its active alerts (and a re-render when they change). */
  alerts: Pick<AlertManager, 'active' | 'onDidChange'>;
  clock: Clock;
  /** The gateway's state and its requests, for the status page. */
  gateway?: () => Promise<{ state: string; activity: AgentActivity }>;
  /** The providers' model lists, for the status page. */
  cloudModels?: CloudModelLists;
}

/**
 * The VS Code side of routing: the cost status item and the model, metrics, budget and status
 * commands. It builds no core object; everything is owned by the returned disposable.
 */
export function registerRouting(deps: RegisterRoutingDeps): vscode.Disposable {
  const { service, log } = deps;
  const store = new DisposableStore();
  const extras = (): CostExtras => {
    const now = deps.clock.now();
    return costExtras({
      usage: deps.usage.snapshot(),
      now,
      timezoneOffsetMinutes: systemOffset(now),
      settings: deps.settings.current,
      alerts: deps.alerts.active().map((a) => a.message),
    });
  };
  store.add(new CostStatusBar(service, extras, deps.alerts.onDidChange));
  store.add(
    registerRoutingCommands({
      service,
      keys: deps.keys,
      monitor: deps.monitor,
      settings: deps.settings,
      extraModels: deps.extraModels,
      logger: log,
      agentActivity: deps.agentActivity,
      gateway: deps.gateway,
      cloudModels: deps.cloudModels,
    }),
  );
  store.add(registerModelCommands(deps.models, deps.monitor, deps.settings, log));
  return store;
}
