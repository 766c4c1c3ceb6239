import * as vscode from 'vscode';
import { Emitter } from '../../common/Emitter';
import type { SettingsSource } from '../../core/ports';

/** `jarvis.*` settings from the VS Code configuration, with a change signal for this section only. */
export class VscodeSettingsSource implements SettingsSource, vscode.Disposable {
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly listener: vscode.Disposable;

  constructor() {
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('jarvis')) this.changed.fire();
    });
  }

  get(key: string): unknown {
    return vscode.workspace.getConfiguration('jarvis').get(key);
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}
