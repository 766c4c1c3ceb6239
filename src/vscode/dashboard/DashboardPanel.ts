import * as vscode from 'vscode';
import { errorMessage } from '../../common/errors';
import { Throttle } from '../../common/Throttle';
import type { Logger } from '../../core/ports';
import { isDashboardPageMessage, type DashboardHostMessage, type DashboardPageMessage, type DashboardSnapshot } from '../../shared/dashboardProtocol';
import { dashboardHtml } from '../../shared/dashboardHtml';
import { webviewNonce } from '../chatView/webviewNonce';

/** Live updates: at most one snapshot per this many ms while requests are being recorded. */
const UPDATE_EVERY_MS = 500;

export interface DashboardPanelDeps {
  extensionUri: vscode.Uri;
  /** Builds a fresh snapshot (buildDashboardSnapshot over the current history and state). */
  snapshot: () => DashboardSnapshot;
  /** What the page's links and buttons do (validated messages only). */
  handle: (message: Exclude<DashboardPageMessage, { type: 'ready' }>) => Promise<void>;
  logger: Logger;
  /** Told each snapshot the page accepted (the integration tests' hook; absent outside ExtensionMode.Test). */
  onPosted?: (snapshot: DashboardSnapshot) => void;
  /** Told each message before it is posted (the integration tests' record of everything the page is sent). */
  onPost?: (message: DashboardHostMessage) => void;
}

/**
 * The one "Jarvis Dashboard" editor panel: created by Open Dashboard, restored after a window reload
 * by VS Code through `deserializeWebviewPanel` (registered with registerWebviewPanelSerializer), fed
 * a snapshot when its page says `ready` and then, throttled, after every recorded request while it
 * is visible. A hidden panel is marked stale and updated when it shows again.
 */
export class DashboardPanel implements vscode.WebviewPanelSerializer, vscode.Disposable {
  static readonly viewType = 'jarvis.dashboard';
  private panel: vscode.WebviewPanel | undefined;
  private subscriptions: vscode.Disposable[] = [];
  private ready = false;
  private stale = false;
  private readonly throttle = new Throttle(() => this.post(), { intervalMs: UPDATE_EVERY_MS });

  constructor(private readonly deps: DashboardPanelDeps) {}

  /** Shows the panel, creating it in the active column when there is none. */
  open(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(DashboardPanel.viewType, 'Jarvis Dashboard', vscode.ViewColumn.Active, this.options());
    this.attach(panel);
  }

  /** VS Code hands back a panel that was open when the window closed or reloaded. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, _state: unknown): Promise<void> {
    // The page restores its last snapshot from its own state; the host posts a fresh one on `ready`.
    this.attach(panel);
  }

  /** Something was recorded: update the page (throttled). */
  changed(): void {
    if (!this.panel) return;
    if (!this.panel.visible) {
      this.stale = true;
      return;
    }
    this.throttle.schedule();
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  dispose(): void {
    this.throttle.dispose();
    this.panel?.dispose();
    this.release();
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      // A hidden dashboard need not keep its page alive: it redraws from its saved state when shown.
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(this.deps.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.deps.extensionUri, 'media')],
    };
  }

  private attach(panel: vscode.WebviewPanel): void {
    // A second restored panel (two windows' worth of state) replaces the first: there is one dashboard.
    if (this.panel && this.panel !== panel) this.panel.dispose();
    this.release();
    this.panel = panel;
    this.ready = false;
    panel.iconPath = vscode.Uri.joinPath(this.deps.extensionUri, 'media', 'jarvis.svg');
    const webview = panel.webview;
    webview.options = this.options();
    this.subscriptions.push(
      webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.stale) this.throttle.schedule();
      }),
      panel.onDidDispose(() => {
        if (this.panel !== panel) return;
        this.release();
        this.panel = undefined;
      }),
    );
    const uri = (...p: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, ...p)).toString();
    webview.html = dashboardHtml({
      cspSource: webview.cspSource,
      nonce: webviewNonce(),
      scriptUri: uri('dist', 'webview', 'dashboard.js'),
      chartStyleUri: uri('dist', 'webview', 'dashboard.css'),
      buttonStyleUri: uri('media', 'buttons.css'),
      styleUri: uri('media', 'dashboard.css'),
    });
  }

  /** A message from the page, validated here (the webview's onDidReceiveMessage; in tests, a stand-in for a click). */
  async receive(message: unknown): Promise<void> {
    if (!isDashboardPageMessage(message)) {
      this.deps.logger.warn(`Dashboard: ignored a malformed message from the page: ${JSON.stringify(message)?.slice(0, 200)}`);
      return;
    }
    if (message.type === 'ready') {
      // The page (re)loaded: it is shown now, whatever it held.
      this.ready = true;
      this.post();
      return;
    }
    try {
      await this.deps.handle(message);
    } catch (e) {
      this.deps.logger.warn(`Dashboard: "${message.type}" failed: ${errorMessage(e)}`);
      void vscode.window.showWarningMessage(`Jarvis: ${errorMessage(e)}`);
    }
    this.changed();
  }

  private post(): void {
    const panel = this.panel;
    if (!panel || !this.ready) return;
    this.stale = false;
    let snapshot: DashboardSnapshot;
    try {
      snapshot = this.deps.snapshot();
    } catch (e) {
      this.deps.logger.warn(`Dashboard: could not build the snapshot: ${errorMessage(e)}`);
      return;
    }
    const message: DashboardHostMessage = { type: 'snapshot', snapshot };
    this.deps.onPost?.(message);
    panel.webview.postMessage(message).then(
      (delivered) => {
        if (!delivered) return;
        this.deps.onPosted?.(snapshot);
      },
      (e: unknown) => this.deps.logger.debug(`Dashboard: could not post the snapshot: ${errorMessage(e)}`),
    );
  }

  private release(): void {
    for (const d of this.subscriptions.splice(0)) d.dispose();
  }
}
