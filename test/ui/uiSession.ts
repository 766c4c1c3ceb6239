import type { FakeOllamaServer } from '../fakes/FakeOllamaServer';
import type { CodeServer } from '../harness/codeServer';
import type { WorkbenchDriver } from '../harness/workbenchDriver';

/** What a UI runner hands to the *.uitest.js files it loads into mocha (same process, same module). */
export interface UiSession {
  driver: WorkbenchDriver;
  server: CodeServer;
  /** Base URL of the fake Ollama the window talks to (jarvis.ollama.host). */
  fakeUrl: string;
  /** Starts the fake on fakeUrl if it is not running yet (suites that open the window with Ollama down). */
  startFakeOllama(): Promise<void>;
  /** The fake Ollama (its recorded requests), once it runs. */
  fakeOllama(): FakeOllamaServer | undefined;
  /** The VS Code build the window runs ("1.139.1", "1.104"). */
  vscode: string;
  /** The user settings the window opened with (the suite's own, on top of the harness's quiet ones). */
  settings: Readonly<Record<string, unknown>>;
}

let current: UiSession | undefined;

export function setUiSession(session: UiSession | undefined): void {
  current = session;
}

export function uiSession(): UiSession {
  if (!current) throw new Error('No UI session: run UI tests through out/test/ui/runUi.js or runVsix.js, not plain mocha.');
  return current;
}

/**
 * Registers an afterEach in the calling describe block that saves a screenshot of the window when a test failed,
 * so a red CI run shows what the workbench looked like (the path is printed beside the failure).
 */
export function screenshotOnFailure(prefix = 'failed'): void {
  afterEach(async function () {
    const test = this.currentTest;
    if (test?.state !== 'failed') return;
    console.log(`    screenshot: ${await uiSession().driver.screenshot(`${prefix}-${test.title}`)}`);
  });
}
