/**
 * The dashboard in a window of its own: its figures are checked against the requests its tests make, so no other
 * test's requests (or cached answers) may be in the window's history first; it also reloads the window.
 *   node out/test/ui/runDashboard.js [--vscode <build>]   (default: the newest build)
 */
import { repoRoot, vscodeArg } from '../harness/paths';
import { runAsMain, runUiSuite } from './runUiSuite';

runAsMain('dashboard', () =>
  runUiSuite({
    suite: 'dashboard',
    vscode: vscodeArg(),
    files: ['dashboard.uitest.js'],
    load: { developmentPath: repoRoot },
    // The long question (~4,000 words) needs more than the fake's default window.
    fakeOllama: { contextLength: { llama3: 131_072 } },
  }),
);
