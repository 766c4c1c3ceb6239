/**
 * `npm run test:ui`: a real browser drives a real VS Code window with the extension loaded from the repo.
 *   node out/test/ui/runUi.js [--vscode <build>]   (default: the newest build)
 */
import { repoRoot, vscodeArg, vscodeBuilds } from '../harness/paths';
import { runAsMain, runUiSuite } from './runUiSuite';

const vscode = vscodeArg() ?? vscodeBuilds[0].vscode;
// Every UI test on the newest build; on older ones the Jarvis chat view, the front end for builds without a Chat view.
const files = vscode === vscodeBuilds[0].vscode ? ['chatView.uitest.js', 'editorCommands.uitest.js'] : ['chatView.uitest.js'];
runAsMain('ui', () => runUiSuite({ suite: 'ui', vscode, files, load: { developmentPath: repoRoot } }));
