import type * as vscode from 'vscode';
import type { KeyValueStore } from '../../core/ports';

/**
 * The core KeyValueStore port over a VS Code Memento: globalState for routing statistics and budget
 * spend (they follow the user across workspaces), workspaceState for sessions and preferences.
 * Values must be JSON-serialisable: a Memento stores them as JSON.
 */
export class MementoStore implements KeyValueStore {
  constructor(private readonly memento: vscode.Memento) {}

  get<T>(key: string): T | undefined {
    return this.memento.get<T>(key);
  }

  async update(key: string, value: unknown): Promise<void> {
    await this.memento.update(key, value);
  }
}
