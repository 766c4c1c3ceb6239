/**
 * Extension-host entry point (extensionTestsPath). Same contract as @vscode/test-electron: export
 * `run(): Promise<void>` and reject when any test fails, so it serves code-server and desktop VS Code alike.
 */
import { findTestFiles, runMocha } from '../harness/runMocha';

export async function run(): Promise<void> {
  const files = findTestFiles(__dirname, '.itest.js');
  const result = await runMocha({ suite: 'integration', files, timeoutMs: 30_000 });
  if (result.failed > 0) throw new Error(`${result.failed} integration test(s) failed.`);
}
