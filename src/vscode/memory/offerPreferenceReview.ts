import * as vscode from 'vscode';
import { errorMessage } from '../../common/errors';
import type { Preference } from '../../core/memory/preferences/Preference';
import type { PreferenceLearner } from '../../core/memory/preferences/PreferenceLearner';

/**
 * The review queue's prompt: "Jarvis noticed: you prefer … — Keep / Edit / Dismiss" for the newest
 * proposal (the others wait in Jarvis: Review Learned Preferences). Ignoring it leaves the proposal
 * pending: it is never applied to prompts until kept.
 */
export async function offerPreferenceReview(learner: PreferenceLearner, pending: Preference[], log: vscode.LogOutputChannel): Promise<void> {
  const p = pending[0];
  if (!p) return;
  const more = learner.pendingPreferences().length - 1;
  const choice = await vscode.window.showInformationMessage(
    `Jarvis noticed: you prefer “${p.statement}”.${more > 0 ? ` (${more} more waiting in Review Learned Preferences.)` : ''}`,
    'Keep',
    'Edit…',
    'Dismiss',
  );
  try {
    if (choice === 'Keep') await learner.confirm(p.id);
    else if (choice === 'Dismiss') await learner.reject(p.id);
    else if (choice === 'Edit…') {
      const value = await vscode.window.showInputBox({
        title: 'Edit the preference Jarvis noticed',
        value: p.value,
        prompt: 'What you prefer (it is kept as you write it)',
        validateInput: (v) => (v.trim() === '' ? 'Enter a value, or press Escape to leave it for later.' : undefined),
      });
      if (value !== undefined) await learner.edit(p.id, { value });
    }
  } catch (e) {
    log.warn(`Preference review failed: ${errorMessage(e)}`);
    void vscode.window.showErrorMessage(`Jarvis could not update the preference: ${errorMessage(e)}`);
  }
}
