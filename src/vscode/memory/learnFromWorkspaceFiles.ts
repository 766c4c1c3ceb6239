import * as vscode from 'vscode';
import { errorMessage } from '../../common/errors';
import type { PreferenceLearner } from '../../core/memory/preferences/PreferenceLearner';

/** The config files Jarvis reads conventions from, at the root of each workspace folder. */
export const STYLE_CONFIG_FILES = ['.editorconfig', '.prettierrc', '.prettierrc.json', '.eslintrc', '.eslintrc.json'];
const MAX_CONFIG_BYTES = 256 * 1024;

/**
 * Feeds the root style configs of every folder to the learner. The caller checks workspace trust;
 * a missing file is normal, an unreadable one is logged and skipped.
 */
export async function learnFromWorkspaceFiles(learner: PreferenceLearner, log: vscode.LogOutputChannel): Promise<number> {
  let learned = 0;
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    for (const name of STYLE_CONFIG_FILES) {
      const uri = vscode.Uri.joinPath(folder.uri, name);
      let bytes: Uint8Array;
      try {
        bytes = await vscode.workspace.fs.readFile(uri);
      } catch {
        continue;
      }
      if (bytes.byteLength > MAX_CONFIG_BYTES) {
        log.info(`Preferences: skipped ${name} in ${folder.name} (larger than ${MAX_CONFIG_BYTES / 1024} KB).`);
        continue;
      }
      try {
        const prefs = await learner.learnFromWorkspaceConfig([{ fileName: name, content: Buffer.from(bytes).toString('utf8') }]);
        learned += prefs.length;
        if (prefs.length > 0) log.info(`Preferences: ${name} in ${folder.name} → ${prefs.map((p) => `${p.key}=${p.value}`).join(', ')}`);
      } catch (e) {
        log.warn(`Preferences: could not read ${name} in ${folder.name}: ${errorMessage(e)}`);
      }
    }
  }
  return learned;
}
