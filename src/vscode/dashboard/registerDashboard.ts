import * as vscode from 'vscode';
import { Emitter, type Event } from '../../common/Emitter';
import type { Clock } from '../../common/Clock';
import { commandIds } from '../../core/commandIds';
import type { SettingsStore } from '../../core/config/SettingsStore';
import type { AlertManager } from '../../core/observability/alerts/AlertManager';
import { pricingFor, referenceCloudModel } from '../../core/observability/costExtras';
import { buildDashboardSnapshot } from '../../core/observability/dashboard/buildDashboardSnapshot';
import type { DashboardSnapshot } from '../../core/observability/dashboard/DashboardSnapshot';
import { systemOffset, type UsageLedger } from '../../core/observability/dashboard/UsageLedger';
import type { RequestHistory } from '../../core/observability/RequestHistory';
import type { Logger } from '../../core/ports';
import type { IRoutingService } from '../../core/routing/RoutingServiceContract';
import type { DashboardPageMessage } from '../../shared/dashboardProtocol';
import { DashboardPanel } from './DashboardPanel';
import type { WebviewTap } from '../WebviewTap';
import type { CloudModelLists } from '../../core/llm/modelLists/CloudModelLists';
import { describeListState, describeUnlisted } from '../../core/presentation/formatCloudModelLists';

/** The same sentences as Show Routing Status (whether a key is set is not known synchronously here). */
function cloudModelLines(lists: CloudModelLists, now: number): { lists: string[]; unlisted: string[] } {
  return { lists: lists.states().map((st) => describeListState(st, undefined, now)), unlisted: lists.unlisted().map((u) => describeUnlisted(u)) };
}

export interface RegisterDashboardDeps {
  /** Build the integration tests' hooks (ExtensionMode.Test only: in other modes none exist). */
  testHooks?: boolean;
  extensionUri: vscode.Uri;
  history: RequestHistory;
  usage: UsageLedger;
  routing: Pick<IRoutingService, 'spend' | 'circuits'>;
  alerts: AlertManager;
  settings: SettingsStore;
  clock: Clock;
  logger: Logger;
  /** Fires after each recorded model call (the routing service's onDidRecord). */
  onDidRecord: Event<void>;
  /** The providers' model lists: their age and the configured models they no longer name. */
  cloudModels?: CloudModelLists;
  /** Records each message posted to the page, and delivers messages as if from it (ExtensionMode.Test only). */
  posts?: WebviewTap;
}

/** What the integration tests read: whether the panel is open and the snapshots its page accepted. */
export interface DashboardTestApi {
  isOpen(): boolean;
  last(): DashboardSnapshot | undefined;
  onDidPost: Event<DashboardSnapshot>;
  /** Calls the panel serializer as VS Code does after a reload. */
  restore(panel: vscode.WebviewPanel): Promise<void>;
}

/**
 * "Jarvis: Open Dashboard" and the panel serializer (so an open dashboard comes back after a window
 * reload). The snapshot is core's pure buildDashboardSnapshot over the request history, the usage
 * ledger, the budget, breakers, alerts and settings read at that moment.
 */
export function registerDashboard(deps: RegisterDashboardDeps): { disposable: vscode.Disposable; api: DashboardTestApi | undefined } {
  const snapshot = (): DashboardSnapshot => {
    const s = deps.settings.current;
    const now = deps.clock.now();
    return buildDashboardSnapshot({
      now,
      timezoneOffsetMinutes: systemOffset(now),
      requests: deps.history.recent(),
      usage: deps.usage.snapshot(),
      spend: deps.routing.spend(),
      circuits: deps.routing.circuits(),
      alerts: deps.alerts.active(),
      pricing: pricingFor(s.pricing.overrides),
      priceOverrides: s.pricing.overrides,
      referenceModel: referenceCloudModel(s),
      localRatioTarget: s.routing.localRatio,
      ...(deps.cloudModels ? { cloudModels: cloudModelLines(deps.cloudModels, now) } : {}),
    });
  };
  const handle = async (m: Exclude<DashboardPageMessage, { type: 'ready' }>): Promise<void> => {
    switch (m.type) {
      case 'acknowledge':
        deps.alerts.acknowledge(m.alertId);
        return;
      case 'why':
        await vscode.commands.executeCommand(commandIds.auditWhyCloud, m.requestId);
        return;
      case 'openSetting':
        await vscode.commands.executeCommand(commandIds.openSettings, m.key);
        return;
      case 'start':
        await vscode.commands.executeCommand(commandIds[m.action]);
        return;
    }
  };
  const hooks = deps.testHooks ? dashboardHooks() : undefined;
  const panel = new DashboardPanel({
    extensionUri: deps.extensionUri,
    snapshot,
    handle,
    logger: deps.logger,
    onPosted: hooks?.record,
    ...(deps.posts ? { onPost: (m: unknown) => deps.posts?.record('dashboard', m) } : {}),
  });
  deps.posts?.connect('dashboard', (m) => panel.receive(m));
  const changed = () => panel.changed();
  const disposable = vscode.Disposable.from(
    panel,
    ...(hooks ? [hooks.posted] : []),
    vscode.window.registerWebviewPanelSerializer(DashboardPanel.viewType, panel),
    vscode.commands.registerCommand(commandIds.openDashboard, () => panel.open()),
    deps.history.onDidFinish(changed),
    deps.onDidRecord(changed),
    deps.alerts.onDidChange(changed),
    deps.settings.onDidChange(changed),
    ...(deps.cloudModels ? [deps.cloudModels.onDidChange(changed)] : []),
  );
  return {
    disposable,
    api: hooks && {
      isOpen: () => panel.isOpen,
      last: () => hooks.last,
      onDidPost: hooks.posted.event,
      restore: (p) => panel.deserializeWebviewPanel(p, undefined),
    },
  };
}

/** The last snapshot the page accepted, and an event per snapshot (integration tests only). */
function dashboardHooks(): { posted: Emitter<DashboardSnapshot>; last: DashboardSnapshot | undefined; record(s: DashboardSnapshot): void } {
  const hooks = {
    posted: new Emitter<DashboardSnapshot>(),
    last: undefined as DashboardSnapshot | undefined,
    record: (s: DashboardSnapshot) => {
      hooks.last = s;
      hooks.posted.fire(s);
    },
  };
  return hooks;
}
