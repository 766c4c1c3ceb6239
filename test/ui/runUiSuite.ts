import * as net from 'node:net';
import * as path from 'node:path';
import { FakeOllamaServer, type FakeOllamaOptions } from '../fakes/FakeOllamaServer';
import { BrowserSession } from '../harness/browser';
import { CodeServer } from '../harness/codeServer';
import { artifactsDir, repoRoot, sampleWorkspace, vscodeBuild } from '../harness/paths';
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
  load: { developmentPath: string } | { vsix: string; extraVsix?: string[] };
  /** Whole-suite deadline. @default 420000 */
  timeoutMs?: number;
  /** Which VS Code build (scripts/code-server-builds.json). @default the newest */
  vscode?: string;
  /**
   * `running` (default): the fake Ollama answers from the start. `down`: nothing listens on the configured
   * host when the window opens (a first run without Ollama); the tests call `startFakeOllama()` later.
   */
  ollama?: 'running' | 'down';
  /** How the fake Ollama answers (models, context lengths...). @default its defaults */
  fakeOllama?: FakeOllamaOptions;
  /** User settings on top of quietSettings and jarvis.ollama.host (read at startup, before the window opens). */
  settings?: Record<string, unknown>;
}

/** A loopback port that was free a moment ago (for a server the test starts later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * One code-server, one browser window, one mocha run: starts the fake Ollama in this process, points
 * `jarvis.ollama.host` at it, opens sample-workspace like a person would and runs the given UI tests.
 * Resolves to the process exit code.
 */
export async function runUiSuite(options: UiSuiteOptions): Promise<number> {
  const log = (m: string): void => console.log(`[${options.suite}] ${m}`);
  const build = vscodeBuild(options.vscode);
  const name = `${options.suite}-${build.vscode}`;
  let fake = options.ollama === 'down' ? undefined : await FakeOllamaServer.start(options.fakeOllama);
  const fakeUrl = fake?.url ?? `http://127.0.0.1:${await freePort()}`;
  const startFakeOllama = async (): Promise<void> => {
    fake ??= await FakeOllamaServer.start(options.fakeOllama, Number(new URL(fakeUrl).port));
  };
  let server: CodeServer | undefined;
  let browser: BrowserSession | undefined;
  const timeoutMs = options.timeoutMs ?? 420_000;
  const watchdog = setTimeout(() => {
    console.error(`[${options.suite}] FAILED: the suite did not finish within ${timeoutMs / 1000} s.`);
    console.log(summaryLine(options.suite, { passed: 0, failed: 1, pending: 0 }));
    process.exit(1);
  }, timeoutMs);
  try {
    log(fake ? `fake Ollama at ${fake.url}` : `Ollama down: nothing listens on ${fakeUrl} until the tests start the fake`);
    server = await CodeServer.start({
      name,
      vscode: build.vscode,
      settings: { ...quietSettings, 'jarvis.ollama.host': fakeUrl, ...options.settings },
      installExtensions: 'vsix' in options.load ? [options.load.vsix, ...(options.load.extraVsix ?? [])] : [],
    });
    log(`VS Code ${build.vscode} (code-server ${build.codeServer}, Node ${build.node}) at ${server.url} (log ${server.logFile})`);
    browser = await BrowserSession.launch();
    const page = browser.page;
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    const driver = new WorkbenchDriver(page, path.join(artifactsDir, 'ui'), name.replace(/\./g, '_'));
    const url = workbenchUrl(server.url, {
      folder: sampleWorkspace,
      ...('developmentPath' in options.load ? { extensionDevelopmentPath: options.load.developmentPath } : {}),
    });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await driver.waitForWorkbench();
    setUiSession({ driver, server, fakeUrl, startFakeOllama, fakeOllama: () => fake, vscode: build.vscode, settings: options.settings ?? {} });
    const result = await runMocha({
      suite: options.suite,
      files: options.files.map((f) => path.join(repoRoot, 'out', 'test', 'ui', f)),
      // Generous: on a loaded 2-core machine the first palette command can wait ~30 s for the extension host.
      timeoutMs: 120_000,
    });
    if (result.failed > 0) log(`VS Code logs: ${server.saveVsCodeLogs(name)}`);
    return result.failed > 0 ? 1 : 0;
  } finally {
    clearTimeout(watchdog);
    setUiSession(undefined);
    await browser?.dispose().catch(() => undefined);
    await server?.dispose();
    await fake?.close();
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
