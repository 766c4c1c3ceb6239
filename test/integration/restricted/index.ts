/** Extension-host entry point of the Restricted Mode run (Workspace Trust on, the folder not trusted). */
import { findTestFiles, runMocha } from '../../harness/runMocha';

export async function run(): Promise<void> {
  const files = findTestFiles(__dirname, '.rtest.js');
  const result = await runMocha({ suite: 'restricted', files, timeoutMs: 30_000 });
  if (result.failed > 0) throw new Error(`${result.failed} restricted-mode test(s) failed.`);
}
