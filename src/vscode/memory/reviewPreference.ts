import { errorMessage } from '../../common/errors';
import type { Preference } from '../../core/memory/preferences/Preference';
import type { PreferenceLearner } from '../../core/memory/preferences/PreferenceLearner';

/** The three window calls the review prompt makes (vscode.window's, in the extension). */
export interface ReviewUi {
  showInformationMessage(message: string, ...items: string[]): PromiseLike<string | undefined>;
  showInputBox(options: { title: string; value: string; prompt: string; validateInput: (v: string) => string | undefined }): PromiseLike<string | undefined>;
  showErrorMessage(message: string): PromiseLike<unknown>;
}

/**
 * "Jarvis noticed: you prefer … — Keep / Edit / Dismiss" for the newest proposal (the others wait in
 * Jarvis: Review Learned Preferences). Ignoring it leaves the proposal pending: it is never applied to
 * prompts until kept. Kept apart from vscode so the flow is tested with plain functions.
 */
export async function reviewPreference(learner: PreferenceLearner, pending: Preference[], ui: ReviewUi, warn: (message: string) => void): Promise<void> {
  const p = pending[0];
  if (!p) return;
  const more = learner.pendingPreferences().length - 1;
  const choice = await ui.showInformationMessage(
    `Jarvis noticed: you prefer “${p.statement}”.${more > 0 ? ` (${more} more waiting in Review Learned Preferences.)` : ''}`,
    'Keep',
    'Edit…',
    'Dismiss',
  );
  try {
    if (choice === 'Keep') await learner.confirm(p.id);
    else if (choice === 'Dismiss') await learner.reject(p.id);
    else if (choice === 'Edit…') {
      const value = await ui.showInputBox({
        title: 'Edit the preference Jarvis noticed',
        value: p.value,
        prompt: 'What you prefer (it is kept as you write it)',
        validateInput: (v) => (v.trim() === '' ? 'Enter a value, or press Escape to leave it for later.' : undefined),
      });
      if (value !== undefined) await learner.edit(p.id, { value });
    }
  } catch (e) {
    warn(`Preference review failed: ${errorMessage(e)}`);
    void ui.showErrorMessage(`Jarvis could not update the preference: ${errorMessage(e)}`);
  }
}
