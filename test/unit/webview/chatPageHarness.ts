/**
 * The chat view's page in a real (headless) Chromium, for the webview tests: the HTML from chatHtml
 * with its real CSP, served over loopback HTTP with the esbuild bundle of src/webview/chat/main.ts;
 * only `acquireVsCodeApi` (VS Code's bridge) is stood in for, recording what the page posts. Every
 * test starts on a freshly loaded page and fails on a CSP violation or a page error.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import type { Page } from 'playwright-core';
import { chatHtml } from '../../../src/shared/chatHtml';
import type { HostToWebviewMessage, WebviewToHostMessage } from '../../../src/shared/protocol';
import { BrowserSession } from '../../harness/browser';

const ROOT = path.resolve(__dirname, '../../../..');
const NONCE = 'dGVzdC1ub25jZS1mb3Itd2Vidmlldw';

declare global {
  interface Window {
    __posted: WebviewToHostMessage[];
    __violations: string[];
    __pwned?: number;
  }
}

export interface ChatPage {
  /** The one page of the suite, reloaded before each test. */
  readonly page: Page;
  /** What the page posted to the host since it loaded. */
  posted(): Promise<WebviewToHostMessage[]>;
  /** Sends a message from the host to the page. */
  host(message: HostToWebviewMessage): Promise<void>;
  waitForPosted(message: WebviewToHostMessage): Promise<void>;
  /** An empty chat, then a turn for `prompt` whose answer bubble is on screen. */
  startTurn(prompt?: string): Promise<void>;
}

/** Registers the suite's hooks (call it inside `describe`) and returns the page's helpers. */
export function useChatPage(): ChatPage {
  let browser: BrowserSession | undefined;
  let server: http.Server;
  let origin: string;
  let page: Page;
  let pageErrors: string[] = [];

  before(async function () {
    const bundle = await esbuild.build({
      entryPoints: [path.join(ROOT, 'src/webview/chat/main.ts')],
      bundle: true,
      platform: 'browser',
      target: 'es2022',
      format: 'iife',
      write: false,
      logLevel: 'silent',
    });
    const script = bundle.outputFiles[0].text;
    const css = readFileSync(path.join(ROOT, 'media/chat.css'), 'utf8');
    const buttonCss = readFileSync(path.join(ROOT, 'media/buttons.css'), 'utf8');
    server = http.createServer((req, res) => {
      const send = (type: string, body: string) => res.writeHead(200, { 'content-type': type }).end(body);
      if (req.url === '/chat.js') send('text/javascript', script);
      else if (req.url === '/chat.css') send('text/css', css);
      else if (req.url === '/buttons.css') send('text/css', buttonCss);
      else if (req.url === '/')
        send(
          'text/html',
          chatHtml({
            cspSource: origin,
            nonce: NONCE,
            scriptUri: `${origin}/chat.js`,
            buttonStyleUri: `${origin}/buttons.css`,
            styleUri: `${origin}/chat.css`,
          }),
        );
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // The harness's session: its own profile, HOME and XDG dirs (Chromium writes crash reports and dconf
    // state there), and a clear error when Chromium is missing — CI installs it, so that is a broken setup.
    // Playwright's default page size, which these tests were written against.
    browser = await BrowserSession.launch({ viewport: { width: 1280, height: 720 } });
  });

  after(async () => {
    await browser?.dispose();
    // No server when the set-up failed early (e.g. Chromium missing): nothing to close.
    if (server) await new Promise((resolve) => server.close(resolve));
  });

  before(async function () {
    if (!browser) return;
    // One page for the suite: each test reloads it, which re-runs the init script (fresh recorder).
    page = browser.page;
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.addInitScript(() => {
      window.__posted = [];
      window.__violations = [];
      let state: unknown;
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      (window as unknown as { acquireVsCodeApi: unknown }).acquireVsCodeApi = () => ({
        postMessage: (m: WebviewToHostMessage) => window.__posted.push(JSON.parse(JSON.stringify(m))),
        getState: () => state,
        setState: (s: unknown) => (state = s),
      });
    });
  });

  beforeEach(async () => {
    pageErrors = [];
    await page.goto(`${origin}/`);
    await waitForPosted({ type: 'ready' });
  });

  afterEach(async () => {
    const violations = await page.evaluate(() => window.__violations);
    assert.deepEqual(violations, [], 'CSP violations');
    assert.deepEqual(pageErrors, [], 'page errors');
  });

  const posted = () => page.evaluate(() => window.__posted);
  const host = (message: HostToWebviewMessage) => page.evaluate((m) => window.postMessage(m, '*'), message);
  async function waitForPosted(message: WebviewToHostMessage): Promise<void> {
    await page.waitForFunction((m) => window.__posted.some((p) => JSON.stringify(p) === JSON.stringify(m)), message);
  }
  async function startTurn(prompt = 'hello'): Promise<void> {
    await host({ type: 'init', messages: [], busy: false, commands: [] });
    await host({ type: 'turnStart', turnId: 't1', prompt });
    await page.locator('.message.assistant').waitFor();
  }
  return {
    get page() {
      return page;
    },
    posted,
    host,
    waitForPosted,
    startTurn,
  };
}
