/**
 * The packaged extension as a user gets it: `npm run package` → dist-vsix/jarvis.vsix, installed with
 * code-server --install-extension into a fresh extensions dir, then used in a window with no dev payload.
 *   node out/test/ui/runVsix.js [--vscode <build>]   (default: the newest build)
 */
import { vscodeArg } from '../harness/paths';
import { ensureVsix } from './ensureVsix';
import { runAsMain, runUiSuite } from './runUiSuite';

runAsMain('vsix', async () => {
  const vsix = ensureVsix((m) => console.log(`[vsix] ${m}`));
  return runUiSuite({ suite: 'vsix', vscode: vscodeArg(), files: ['packagedVsix.uitest.js'], load: { vsix } });
});
