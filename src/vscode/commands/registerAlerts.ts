import * as vscode from 'vscode';
import type { Event } from '../../common/Emitter';
import { errorMessage } from '../../common/errors';
import { commandIds } from '../../core/commandIds';
import type { SettingsStore } from '../../core/config/SettingsStore';
import type { Alert, AlertManager } from '../../core/observability/alerts/AlertManager';
import type { WebhookNotifier } from '../../core/observability/alerts/WebhookNotifier';
import type { Logger } from '../../core/ports';

/** Rules that depend on time alone (a long request, memory) are evaluated this often. */
const EVALUATE_EVERY_MS = 30_000;

export interface RegisterAlertsDeps {
  alerts: AlertManager;
  webhook: WebhookNotifier;
  settings: SettingsStore;
  /** Fires after each recorded request: the rules are evaluated then. */
  onDidRecord: Event<void>;
  log: Logger;
}

/**
 * Alerts in VS Code: evaluated after each request and every 30 s (while `jarvis.alerts.enabled`),
 * each new one shown as a notification with its fixing action, Acknowledge and Open Dashboard, and posted
 * to the webhook when one is set. Commands: Show Alerts (pick one to acknowledge or fix), Acknowledge.
 */
export function registerAlerts(deps: RegisterAlertsDeps): vscode.Disposable {
  const { alerts, log } = deps;
  const evaluate = () => {
    if (!deps.settings.current.alerts.enabled) return;
    try {
      alerts.evaluate();
    } catch (e) {
      log.warn(`Alert rules could not be evaluated: ${errorMessage(e)}`);
    }
  };
  const timer = setInterval(evaluate, EVALUATE_EVERY_MS);

  const notify = async (alert: Alert) => {
    log.warn(`alert ${alert.severity}: ${alert.message}`, { rule: alert.rule, alertId: alert.id });
    void deps.webhook.send(alert);
    const show = alert.severity === 'critical' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
    const ack = 'Acknowledge';
    const dashboard = 'Open Dashboard';
    const choice = await show(`Jarvis: ${alert.message}`, ...(alert.fix ? [alert.fix.title] : []), ack, dashboard);
    if (choice === ack) alerts.acknowledge(alert.id);
    else if (choice === dashboard) await vscode.commands.executeCommand(commandIds.openDashboard);
    else if (choice && alert.fix) await vscode.commands.executeCommand(alert.fix.command, ...(alert.fix.args ?? []));
  };

  const showAlerts = async () => {
    const active = alerts.active();
    if (active.length === 0) {
      void vscode.window.showInformationMessage('Jarvis: no active alerts.');
      return;
    }
    const picked = await vscode.window.showQuickPick(
      active.map((a) => ({
        label: `${a.severity === 'critical' ? '$(error)' : '$(warning)'} ${a.message}`,
        description: `${a.rule} · ${new Date(a.firedAt).toLocaleTimeString()}`,
        alert: a,
      })),
      { title: 'Jarvis: Active Alerts', placeHolder: 'Pick an alert to acknowledge it (or run its fix)' },
    );
    if (!picked) return;
    const ack = 'Acknowledge';
    const fix = picked.alert.fix;
    const action = fix ? await vscode.window.showQuickPick([ack, fix.title], { title: picked.alert.message }) : ack;
    if (action === ack) alerts.acknowledge(picked.alert.id);
    else if (fix && action === fix.title) await vscode.commands.executeCommand(fix.command, ...(fix.args ?? []));
  };

  return vscode.Disposable.from(
    { dispose: () => clearInterval(timer) },
    deps.onDidRecord(evaluate),
    alerts.onDidFire((a) => void notify(a)),
    vscode.commands.registerCommand(commandIds.showAlerts, showAlerts),
    vscode.commands.registerCommand(commandIds.acknowledgeAlert, (id?: unknown) => (typeof id === 'string' ? alerts.acknowledge(id) : false)),
  );
}
