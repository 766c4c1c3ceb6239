import { format } from 'node:util';
import type { Page } from 'playwright-core';
import { BrowserSession } from './browser';
import type { CodeServer } from './codeServer';
import { workbenchUrl } from './workbenchUrl';

export interface ExtensionTestRunOptions {
  server: CodeServer;
  /** Absolute path of the extension under development. */
  extensionDevelopmentPath: string;
  /** Absolute path of the module exporting `run(): Promise<void>`. */
  extensionTestsPath: string;
  /** Folder opened in the window. */
  folder?: string;
  /** Receives every line the extension host logs (console output included). @default prints to stdout */
  onLog?: (level: string, message: string) => void;
  /** Fails the run after this long, with a clear message. @default 300000 */
  timeoutMs?: number;
  /**
   * A browser to open the window in (a new page, closed afterwards), e.g. to reuse one across many runs.
   * @default a fresh browser launched for this run and closed afterwards
   */
  browser?: BrowserSession;
  /** Optional hook with the page before navigation (e.g. to listen to page errors). */
  beforeNavigate?: (page: Page) => Promise<void>;
}

export interface ExtensionTestRunResult {
  /** What the tests passed to codeAutomationExit (0 = all passed). */
  exitCode: number;
  /** Wall time from navigation to exit. */
  elapsedMs: number;
}

/**
 * Runs an extension-host test module in a real VS Code window: headless chromium opens the workbench
 * with an extensionTestsPath payload, and the workbench reports back through the two automation hooks
 * (`codeAutomationLog`, `codeAutomationExit`) that VS Code's own web test runner uses.
 */
export async function runExtensionTests(options: ExtensionTestRunOptions): Promise<ExtensionTestRunResult> {
  const timeoutMs = options.timeoutMs ?? 300_000;
  const started = Date.now();
  const onLog =
    options.onLog ?? ((_level, message) => process.stdout.write(process.env.JARVIS_LOG_TIMES ? `+${Date.now() - started}ms ${message}\n` : `${message}\n`));
  const ownBrowser = options.browser === undefined ? await BrowserSession.launch() : undefined;
  const page = ownBrowser ? ownBrowser.page : await options.browser!.context.newPage();
  try {
    let resolveExit!: (code: number) => void;
    const exited = new Promise<number>((resolve) => (resolveExit = resolve));
    await page.exposeFunction('codeAutomationLog', (level: unknown, message: unknown) => {
      const text = formatAutomationLog(message);
      if (text !== undefined) onLog(String(level), text);
    });
    await page.exposeFunction('codeAutomationExit', (code: unknown) => resolveExit(Number(code)));
    await options.beforeNavigate?.(page);
    const url = workbenchUrl(options.server.url, {
      folder: options.folder,
      extensionDevelopmentPath: options.extensionDevelopmentPath,
      extensionTestsPath: options.extensionTestsPath,
    });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(
              `Extension tests did not finish within ${Math.round(timeoutMs / 1000)} s (no codeAutomationExit). ` +
                `See ${options.server.logFile} and the extension host log lines above.`,
            ),
          ),
        timeoutMs,
      );
    });
    try {
      await Promise.race([page.goto(url, { waitUntil: 'domcontentloaded' }), timedOut]);
      const exitCode = await Promise.race([exited, timedOut]);
      return { exitCode, elapsedMs: Date.now() - started };
    } finally {
      clearTimeout(timer);
    }
  } finally {
    if (ownBrowser) await ownBrowser.dispose();
    else await page.close().catch(() => undefined);
  }
}

/**
 * The workbench hands over each console call as a JSON array of its arguments (printf-style, as mocha's
 * reporter calls console.log). Returns the formatted text, or undefined for known harmless noise.
 */
export function formatAutomationLog(message: unknown): string | undefined {
  let text: string;
  if (Array.isArray(message)) text = format(...(message as unknown[]));
  else if (typeof message !== 'string') text = JSON.stringify(message);
  else {
    try {
      const args: unknown = JSON.parse(message);
      text = Array.isArray(args) ? format(...(args as unknown[])) : message;
    } catch {
      text = message;
    }
  }
  // No network here: the gallery look-up always fails; its stack trace only hides real output.
  if (text.includes('ENOTFOUND open-vsx.org')) return undefined;
  // VS Code 1.139's workbench logs its signed-out agent host and empty chat model picker many times a second.
  if (/^\[(AgentHost|ChatModelSelection)\] /.test(text)) return undefined;
  return text;
}
