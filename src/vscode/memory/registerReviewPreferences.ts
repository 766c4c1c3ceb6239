import * as vscode from 'vscode';
import { commandIds } from '../../core/commandIds';
import { errorMessage } from '../../common/errors';
import type { Preference } from '../../core/memory/preferences/Preference';
import type { EditEvidenceLog } from '../../core/memory/preferences/EditEvidenceLog';
import type { PreferenceLearner } from '../../core/memory/preferences/PreferenceLearner';

type Action = 'confirm' | 'reject' | 'edit';

/** "Jarvis: Review Learned Preferences": confirm, reject or correct each preference Jarvis learned. */
export function registerReviewPreferences(learner: PreferenceLearner, log: vscode.LogOutputChannel, evidence?: EditEvidenceLog): vscode.Disposable {
  return vscode.commands.registerCommand(commandIds.reviewPreferences, async () => {
    for (;;) {
      const prefs = learner.getPreferences(undefined, { includeRejected: true });
      if (prefs.length === 0) {
        void vscode.window.showInformationMessage(
          'Jarvis has not learned any preferences yet. Tell it in the chat (e.g. “I prefer single quotes”), or it learns from your .editorconfig and edits.',
        );
        return;
      }
      const pick = await vscode.window.showQuickPick(
        prefs.map((p) => ({
          label: p.statement,
          description: describe(p),
          detail: `${p.category.replace('_', ' ')} · from ${p.sources.join(', ')}${lastExample(evidence, p)}`,
          pref: p,
        })),
        { title: 'Learned Preferences', placeHolder: 'Pick a preference to confirm, reject or edit', matchOnDescription: true },
      );
      if (!pick) return;
      // The edits it was learned from, below the actions: what Jarvis wrote and what the user made of it.
      const examples = (evidence?.examples(pick.pref.id) ?? []).map((e) => ({
        label: `$(diff) ${e.before || '(empty)'}  →  ${e.after || '(empty)'}`,
        description: `${e.file} · ${new Date(e.at).toLocaleString()}`,
        action: undefined,
      }));
      const action = await vscode.window.showQuickPick(
        [
          {
            label: pick.pref.status === 'pending' ? '$(check) Keep' : '$(check) Confirm',
            description: 'Always apply it',
            action: 'confirm' as Action | undefined,
          },
          {
            label: pick.pref.status === 'pending' ? '$(close) Dismiss' : '$(close) Reject',
            description: 'Never apply it, and stop learning it',
            action: 'reject' as Action | undefined,
          },
          { label: '$(edit) Edit…', description: `Change the value (now “${pick.pref.value}”)`, action: 'edit' as Action | undefined },
          ...(examples.length > 0
            ? [{ label: 'Evidence: your edits to code Jarvis wrote', kind: vscode.QuickPickItemKind.Separator, action: undefined }, ...examples]
            : []),
        ],
        { title: pick.pref.statement },
      );
      if (!action?.action) continue;
      try {
        await apply(learner, pick.pref, action.action);
      } catch (e) {
        log.warn(`Preference review failed: ${errorMessage(e)}`);
        void vscode.window.showErrorMessage(`Jarvis could not update the preference: ${errorMessage(e)}`);
      }
    }
  });
}

async function apply(learner: PreferenceLearner, p: Preference, action: Action): Promise<void> {
  if (action === 'confirm') await learner.confirm(p.id);
  else if (action === 'reject') await learner.reject(p.id);
  else {
    const value = await vscode.window.showInputBox({
      title: `Edit: ${p.statement}`,
      value: p.value,
      prompt: 'The value you prefer (it becomes confirmed)',
      validateInput: (v) => (v.trim() === '' ? 'Enter a value, or press Escape to cancel.' : undefined),
    });
    if (value !== undefined) await learner.edit(p.id, { value });
  }
}

function describe(p: Preference): string {
  const status =
    p.status === 'pending'
      ? `awaiting your review (${Math.round(p.confidence * 100)}% sure)`
      : p.status === 'learned'
        ? `${Math.round(p.confidence * 100)}% confident`
        : p.status;
  return `${status} · ${p.evidenceCount} piece${p.evidenceCount === 1 ? '' : 's'} of evidence`;
}

function lastExample(log: EditEvidenceLog | undefined, p: Preference): string {
  const [e] = log?.examples(p.id) ?? [];
  return e ? ` · last edit: ${e.file} “${e.before}” → “${e.after}”` : '';
}
