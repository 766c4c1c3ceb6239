import * as vscode from 'vscode';
import type { SettingsStore } from '../../core/config/SettingsStore';

/** Shows invalid Jarvis settings now and whenever a change makes one invalid, with a way to the Settings editor. */
export function registerSettingsWarnings(settings: SettingsStore): vscode.Disposable {
  const sub = settings.onInvalidSettings(showSettingsWarning);
  if (settings.warnings.length > 0) showSettingsWarning(settings.warnings);
  return new vscode.Disposable(() => sub.dispose());
}

function showSettingsWarning(warnings: string[]): void {
  const open = 'Open Settings';
  const text = warnings.length === 1 ? warnings[0] : `${warnings.length} Jarvis settings are invalid: ${warnings.join(' ')}`;
  void vscode.window.showWarningMessage(`Jarvis: ${text}`, open).then((a) => {
    if (a === open) void vscode.commands.executeCommand('workbench.action.openSettings', '@ext:jarvis-hybrid.jarvis');
  });
}
