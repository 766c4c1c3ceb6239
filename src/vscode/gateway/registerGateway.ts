import * as vscode from 'vscode';
import { DisposableStore } from '../../common/Disposable';
import { commandIds } from '../../core/commandIds';
import type { SettingsStore } from '../../core/config/SettingsStore';
import type { GatewayKeyStore } from '../../core/gateway/GatewayKeyStore';
import { describeGateway, type GatewayRunner, type GatewayState } from '../../core/gateway/GatewayRunner';
import type { Logger } from '../../core/ports';
import { registerGatewayKeyCommands } from './registerGatewayKeyCommands';

export interface GatewayDeps {
  runner: GatewayRunner;
  keys: GatewayKeyStore;
  settings: SettingsStore;
  log: Logger;
}

/**
 * The VS Code side of the gateway: starts and stops it with `jarvis.gateway.*`, says clearly when it
 * cannot start (a busy port, with a free one to use), and owns the key commands. Disposing stops the
 * server — the root store disposes this when the window closes or the extension deactivates.
 */
export function registerGateway(deps: GatewayDeps): vscode.Disposable {
  const store = new DisposableStore();
  const { runner, log } = deps;
  store.add(registerGatewayKeyCommands(deps.keys, () => deps.settings.current.gateway.port, log));
  store.add(
    runner.onDidChange((s) => {
      if (s.state === 'running') log.info(`gateway listening on http://127.0.0.1:${s.port}`);
      if (s.state === 'off') log.info('gateway stopped');
      if (s.state === 'failed') void showFailure(s);
    }),
  );
  const apply = () => void runner.apply(deps.settings.current.gateway);
  store.add(deps.settings.onDidChange(apply));
  // Off by default: nothing listens until the person turns it on.
  if (deps.settings.current.gateway.enabled) apply();
  store.add({ dispose: () => runner.dispose() });
  return store;
}

/** The gateway's line for the status menu and Show Routing Status. */
export async function gatewayStatusText(runner: GatewayRunner, keys: GatewayKeyStore): Promise<string> {
  const active = (await keys.list().catch(() => [])).filter((k) => k.revoked === null && (k.expires === null || k.expires > Date.now())).length;
  return describeGateway(runner.state, active);
}

async function showFailure(s: Extract<GatewayState, { state: 'failed' }>): Promise<void> {
  const settings = 'Change Port';
  const picked = await vscode.window.showErrorMessage(`Jarvis gateway: ${s.error}`, settings);
  if (picked === settings) await vscode.commands.executeCommand(commandIds.openSettings, 'jarvis.gateway.port');
}
