import type * as vscode from 'vscode';
import type { IRoutingService } from '../../core/routing/RoutingServiceContract';

/** What the command needs of vscode.window: given `vscode.window` in the extension, a recording double in unit tests. */
export interface ResetRoutingLearningWindow {
  showWarningMessage(message: string, options: vscode.MessageOptions, ...items: string[]): Thenable<string | undefined>;
  showInformationMessage(message: string): Thenable<unknown>;
}

export interface ResetRoutingLearningDeps {
  service: Pick<IRoutingService, 'resetRoutingLearning'>;
  window: ResetRoutingLearningWindow;
  /** Called once the learning is gone (refreshes an open Routing Status page). */
  onReset: () => void;
}

/**
 * The handler of "Jarvis: Reset Routing Learning": forgets what routing learned in this workspace,
 * after asking (pass { confirm: false } to skip the question), and says so. Resolves to whether it reset.
 */
export function resetRoutingLearning(deps: ResetRoutingLearningDeps): (arg?: { confirm?: boolean }) => Promise<boolean> {
  return async (arg) => {
    if (arg?.confirm !== false) {
      const choice = await deps.window.showWarningMessage(
        'Forget what Jarvis learned about routing in this workspace (from /cloud re-asks and escalations)?',
        { modal: true },
        'Reset',
      );
      if (choice !== 'Reset') return false;
    }
    await deps.service.resetRoutingLearning?.();
    deps.onReset();
    void deps.window.showInformationMessage('Jarvis: routing learning for this workspace was reset.');
    return true;
  };
}
