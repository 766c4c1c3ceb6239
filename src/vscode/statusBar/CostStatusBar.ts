import * as vscode from 'vscode';
import { Disposable } from '../../common/Disposable';
import type { Event } from '../../common/Emitter';
import { FIRST_BREAKDOWN_MS, type CostExtras } from '../../core/observability/costExtras';
import { formatCostStatus } from '../../core/presentation/formatCostStatus';
import type { IRoutingService } from '../../core/routing/RoutingServiceContract';
import { commandIds } from '../../core/commandIds';

/** Re-render this often even without calls, so "today" rolls over at midnight. */
const REFRESH_MS = 60_000;

/**
 * "$(hubot) $0.42 today · 81% local" next to the Ollama status item: live after every recorded call;
 * the tooltip breaks the cost down by model and shows the savings, budget left and active alerts.
 * Warning colour from 80 % of a budget or while an alert is active, red once a budget is spent.
 * Click → the dashboard (its alerts section lists the active alerts with Acknowledge).
 */
export class CostStatusBar extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('jarvis.cost', vscode.StatusBarAlignment.Right, 99));

  constructor(
    private readonly service: Pick<IRoutingService, 'spend' | 'onDidRecord'>,
    private readonly extras: () => CostExtras = () => ({}),
    onDidChangeAlerts?: Event<void>,
  ) {
    super();
    this.item.name = 'Jarvis Cloud Spend';
    this.item.command = commandIds.openDashboard;
    this._register(service.onDidRecord(() => this.render()));
    if (onDidChangeAlerts) this._register(onDidChangeAlerts(() => this.render()));
    const timer = setInterval(() => this.render(), REFRESH_MS);
    const first = setTimeout(() => this.render(), FIRST_BREAKDOWN_MS);
    this._register({ dispose: () => (clearInterval(timer), clearTimeout(first)) });
    // During activation: the spend and local share only (no price is looked up).
    this.render(false);
    this.item.show();
  }

  private render(withExtras = true): void {
    let view: ReturnType<typeof formatCostStatus>;
    try {
      view = formatCostStatus(this.service.spend(), withExtras ? this.extras() : {});
    } catch {
      // The readout must never break the service's event loop; the next call renders it again.
      view = {
        text: '$(credit-card) spend unknown',
        tooltip: 'Jarvis could not read the cloud spend. See **Jarvis: Show Log**.',
        accessibilityLabel: 'Jarvis cloud spend unknown',
        level: 'ok',
        alerting: false,
      };
    }
    this.item.text = view.text;
    this.item.tooltip = new vscode.MarkdownString(view.tooltip);
    this.item.accessibilityInformation = { label: view.accessibilityLabel };
    this.item.backgroundColor =
      view.level === 'exceeded'
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : view.level === 'warning' || view.alerting
          ? new vscode.ThemeColor('statusBarItem.warningBackground')
          : undefined;
  }
}
