/**
 * `npm run test:ui`: a real browser drives a real VS Code window with the extension loaded from the repo.
 *   node out/test/ui/runUi.js [--vscode <build>]   (default: the newest build)
 */
import { repoRoot, vscodeArg } from '../harness/paths';
import { runAsMain, runUiSuite } from './runUiSuite';

runAsMain('ui', () => runUiSuite({ suite: 'ui', vscode: vscodeArg(), files: ['chatView.uitest.js', 'editorCommands.uitest.js'], load: { developmentPath: repoRoot } }));
