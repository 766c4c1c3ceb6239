/**
 * A first run without Ollama: the window opens with nothing listening on jarvis.ollama.host, a fresh
 * profile (empty globalState), and the tests start the fake Ollama on that address when they need it.
 *   node out/test/ui/runWalkthrough.js [--vscode <build>]   (default: the newest build)
 */
import { repoRoot, vscodeArg } from '../harness/paths';
import { runAsMain, runUiSuite } from './runUiSuite';

runAsMain('walkthrough', () =>
  runUiSuite({ suite: 'walkthrough', vscode: vscodeArg(), files: ['walkthrough.uitest.js'], load: { developmentPath: repoRoot }, ollama: 'down' }),
);
