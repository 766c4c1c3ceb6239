/**
 * Runs the *.itest.js suites inside a real VS Code extension host (code-server + headless chromium),
 * with the fake Ollama server running in this process. Exits with the tests' code.
 *   node out/test/integration/runIntegration.js [--vscode <build>] [--restricted]   (default: the newest build)
 * `--restricted` keeps Workspace Trust on, so the sample folder opens in Restricted Mode, and runs the
 * restricted/*.rtest.js suites instead.
 */
import * as path from 'node:path';
import { FakeOllamaServer } from '../fakes/FakeOllamaServer';
import { CodeServer } from '../harness/codeServer';
import { runExtensionTests } from '../harness/extensionTestRun';
import { repoRoot, sampleWorkspace, vscodeArg, vscodeBuild } from '../harness/paths';
import { quietSettings } from '../harness/quietSettings';
import { summaryLine } from '../harness/runMocha';

const TIMEOUT_MS = Number(process.env.JARVIS_INTEGRATION_TIMEOUT_MS ?? 240_000);

async function main(): Promise<number> {
  const build = vscodeBuild(vscodeArg());
  const restricted = process.argv.includes('--restricted');
  const name = `integration${restricted ? '-restricted' : ''}-${build.vscode}`;
  const fake = await FakeOllamaServer.start();
  let server: CodeServer | undefined;
  try {
    console.log(`[integration] fake Ollama at ${fake.url}`);
    server = await CodeServer.start({
      name,
      vscode: build.vscode,
      settings: { ...quietSettings, 'jarvis.ollama.host': fake.url, ...(restricted ? { 'security.workspace.trust.enabled': true } : {}) },
      workspaceTrust: restricted,
    });
    console.log(`[integration] VS Code ${build.vscode} (code-server ${build.codeServer}, Node ${build.node}) at ${server.url} (log ${server.logFile})`);
    const { exitCode, elapsedMs } = await runExtensionTests({
      server,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', ...(restricted ? ['restricted'] : []), 'index.js'),
      folder: sampleWorkspace,
      timeoutMs: TIMEOUT_MS,
    });
    console.log(`[integration] extension tests exited with ${exitCode} after ${(elapsedMs / 1000).toFixed(1)} s`);
    if (exitCode !== 0) console.log(`[integration] VS Code logs: ${server.saveVsCodeLogs(name)}`);
    return exitCode;
  } finally {
    await server?.dispose();
    await fake.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`[integration] FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    // The suite never reported: count it as one failure so the total cannot read as green.
    console.log(summaryLine('integration', { passed: 0, failed: 1, pending: 0 }));
    process.exit(1);
  },
);
