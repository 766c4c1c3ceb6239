import * as vscode from 'vscode';
import { Disposable } from '../../common/Disposable';
import { formatCostStatus } from '../../core/presentation/formatCostStatus';
import type { IRoutingService } from '../../core/routing/RoutingServiceContract';
import { commandIds } from '../../core/commandIds';

/** Re-render this often even without calls, so "today" rolls over at midnight. */
const REFRESH_MS = 60_000;

/**
 * Today's cloud spend next to the Ollama status item. Updates after every recorded call; warns from
 * 80 % of a budget and turns red once one is spent. Click → the routing status page.
 */
export class CostStatusBar extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('jarvis.cost', vscode.StatusBarAlignment.Right, 99));

  constructor(private readonly service: Pick<IRoutingService, 'spend' | 'onDidRecord'>) {
    super();
    this.item.name = 'Jarvis Cloud Spend';
    this.item.command = commandIds.showRoutingStatus;
    this._register(service.onDidRecord(() => this.render()));
    const timer = setInterval(() => this.render(), REFRESH_MS);
    this._register({ dispose: () => clearInterval(timer) });
    this.render();
    this.item.show();
  }

  private render(): void {
    let view: ReturnType<typeof formatCostStatus>;
    try {
      view = formatCostStatus(this.service.spend());
    } catch {
      // The readout must never break the service's event loop; the next call renders it again.
      view = {
        text: '$(credit-card) spend unknown',
        tooltip: 'Jarvis could not read the cloud spend. See **Jarvis: Show Log**.',
        accessibilityLabel: 'Jarvis cloud spend unknown',
        level: 'ok',
      };
    }
    this.item.text = view.text;
    this.item.tooltip = new vscode.MarkdownString(view.tooltip);
    this.item.accessibilityInformation = { label: view.accessibilityLabel };
    this.item.backgroundColor =
      view.level === 'exceeded'
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : view.level === 'warning'
          ? new vscode.ThemeColor('statusBarItem.warningBackground')
          : undefined;
  }
}
