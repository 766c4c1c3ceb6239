import * as path from 'node:path';
import { FakeOllamaServer } from '../fakes/FakeOllamaServer';
import { BrowserSession } from '../harness/browser';
import { CodeServer } from '../harness/codeServer';
import { artifactsDir, repoRoot, sampleWorkspace } from '../harness/paths';
import { quietSettings } from '../harness/quietSettings';
import { runMocha, summaryLine } from '../harness/runMocha';
import { WorkbenchDriver } from '../harness/workbenchDriver';
import { workbenchUrl } from '../harness/workbenchUrl';
import { setUiSession } from './uiSession';

export interface UiSuiteOptions {
  suite: string;
  /** Compiled test files, relative to out/test/ui. */
  files: string[];
  /** Load the extension from the repo (extensionDevelopmentPath) or only from installed .vsix files. */
  load: { developmentPath: string } | { vsix: string };
  /** Whole-suite deadline. @default 300000 */
  timeoutMs?: number;
}

/**
 * One code-server, one browser window, one mocha run: starts the fake Ollama in this process, points
 * `jarvis.ollama.host` at it, opens sample-workspace like a person would and runs the given UI tests.
 * Resolves to the process exit code.
 */
export async function runUiSuite(options: UiSuiteOptions): Promise<number> {
  const log = (m: string): void => console.log(`[${options.suite}] ${m}`);
  const fake = await FakeOllamaServer.start();
  let server: CodeServer | undefined;
  let browser: BrowserSession | undefined;
  const timeoutMs = options.timeoutMs ?? 420_000;
  const watchdog = setTimeout(() => {
    console.error(`[${options.suite}] FAILED: the suite did not finish within ${timeoutMs / 1000} s.`);
    console.log(summaryLine(options.suite, { passed: 0, failed: 1, pending: 0 }));
    process.exit(1);
  }, timeoutMs);
  try {
    log(`fake Ollama at ${fake.url}`);
    server = await CodeServer.start({
      name: options.suite,
      settings: { ...quietSettings, 'jarvis.ollama.host': fake.url },
      installExtensions: 'vsix' in options.load ? [options.load.vsix] : [],
    });
    log(`code-server at ${server.url} (log ${server.logFile})`);
    browser = await BrowserSession.launch();
    const page = browser.page;
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    const driver = new WorkbenchDriver(page, path.join(artifactsDir, 'ui'), options.suite);
    const url = workbenchUrl(server.url, {
      folder: sampleWorkspace,
      ...('developmentPath' in options.load ? { extensionDevelopmentPath: options.load.developmentPath } : {}),
    });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await driver.waitForWorkbench();
    setUiSession({ driver, server, fakeUrl: fake.url });
    const result = await runMocha({
      suite: options.suite,
      files: options.files.map((f) => path.join(repoRoot, 'out', 'test', 'ui', f)),
      // Generous: on a loaded 2-core machine the first palette command can wait ~30 s for the extension host.
      timeoutMs: 120_000,
    });
    if (result.failed > 0) log(`VS Code logs: ${server.saveVsCodeLogs(options.suite)}`);
    return result.failed > 0 ? 1 : 0;
  } finally {
    clearTimeout(watchdog);
    setUiSession(undefined);
    await browser?.dispose().catch(() => undefined);
    await server?.dispose();
    await fake.close();
  }
}

/** Standard `main` for a runner script: exit code, or one counted failure when the suite could not run. */
export function runAsMain(suite: string, body: () => Promise<number>): void {
  body().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`[${suite}] FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      console.log(summaryLine(suite, { passed: 0, failed: 1, pending: 0 }));
      process.exit(1);
    },
  );
}
