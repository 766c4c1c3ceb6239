/**
 * The packaged extension as a user gets it: `npm run package` → dist-vsix/jarvis.vsix, installed with
 * code-server --install-extension into a fresh extensions dir, then used in a window with no dev payload.
 *   node out/test/ui/runVsix.js [--vscode <build>]   (default: the newest build)
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot, vscodeArg } from '../harness/paths';
import { ensureVsix } from './ensureVsix';
import { runAsMain, runUiSuite } from './runUiSuite';

runAsMain('vsix', async () => {
  const vsix = ensureVsix((m) => console.log(`[vsix] ${m}`));
  // A second extension installed beside Jarvis (production mode, like any other extension a user has).
  const probe = path.join(repoRoot, 'out', 'probe-extension.vsix');
  const r = spawnSync('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', probe], {
    cwd: path.join(repoRoot, 'test', 'fixtures', 'probe-extension'),
    stdio: 'inherit',
  });
  if (r.status !== 0 || !fs.existsSync(probe)) throw new Error('could not package test/fixtures/probe-extension');
  return runUiSuite({ suite: 'vsix', vscode: vscodeArg(), files: ['packagedVsix.uitest.js'], load: { vsix, extraVsix: [probe] } });
});
