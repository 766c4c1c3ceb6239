import * as vscode from 'vscode';
import type { Preference } from '../../core/memory/preferences/Preference';
import type { PreferenceLearner } from '../../core/memory/preferences/PreferenceLearner';
import { reviewPreference } from './reviewPreference';

/** The review queue's prompt in VS Code's own notification (see reviewPreference for the flow). */
export function offerPreferenceReview(learner: PreferenceLearner, pending: Preference[], log: vscode.LogOutputChannel): Promise<void> {
  return reviewPreference(learner, pending, vscode.window, (m) => log.warn(m));
}
