/**
 * The chat view's browser code, in a real (headless) Chromium: the page is the HTML from chatHtml
 * with its real CSP, served over loopback HTTP with the esbuild bundle of src/webview/chat/main.ts;
 * only `acquireVsCodeApi` (VS Code's bridge) is stood in for, recording what the page posts.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chatHtml } from '../../src/shared/chatHtml';
import type { HostToWebviewMessage, WebviewToHostMessage } from '../../src/shared/protocol';

const ROOT = path.resolve(__dirname, '../../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const NONCE = 'dGVzdC1ub25jZS1mb3Itd2Vidmlldw';

declare global {
  interface Window {
    __posted: WebviewToHostMessage[];
    __violations: string[];
    __pwned?: number;
  }
}

describe('chat webview (real browser)', function () {
  this.timeout(30_000);
  let browser: Browser | undefined;
  let server: http.Server;
  let origin: string;
  let page: Page;
  let pageErrors: string[] = [];

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      // Visible in the report as pending, with the reason; set CHROMIUM_PATH to run it.
      this.skip();
    }
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
    server = http.createServer((req, res) => {
      const send = (type: string, body: string) => res.writeHead(200, { 'content-type': type }).end(body);
      if (req.url === '/chat.js') send('text/javascript', script);
      else if (req.url === '/chat.css') send('text/css', css);
      else if (req.url === '/') send('text/html', chatHtml({ cspSource: origin, nonce: NONCE, scriptUri: `${origin}/chat.js`, styleUri: `${origin}/chat.css` }));
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  before(async function () {
    if (!browser) return;
    // One page for the suite: each test reloads it, which re-runs the init script (fresh recorder).
    page = await browser.newPage();
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
    await host({ type: 'init', messages: [], busy: false });
    await host({ type: 'turnStart', turnId: 't1', prompt });
    await page.locator('.message.assistant').waitFor();
  }

  it('says ready first, with Stop disabled and the prompt focused', async () => {
    assert.deepEqual(await posted(), [{ type: 'ready' }]);
    assert.equal(await page.locator('#stop').isDisabled(), true);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'prompt');
    assert.equal(await page.locator('#transcript').getAttribute('aria-live'), 'polite');
  });

  it('Enter sends, Shift+Enter makes a new line, and the box clears when the turn starts', async () => {
    await page.locator('#prompt').pressSequentially('line one');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('line two');
    assert.deepEqual(await posted(), [{ type: 'ready' }], 'Shift+Enter did not send');
    await page.keyboard.press('Enter');
    await waitForPosted({ type: 'send', prompt: 'line one\nline two' });
    assert.equal(await page.locator('#prompt').inputValue(), 'line one\nline two', 'kept until the host accepts');

    await host({ type: 'turnStart', turnId: 't1', prompt: 'line one\nline two' });
    await page.locator('.message.user').waitFor();
    assert.equal(await page.locator('.message.user .message-body').textContent(), 'line one\nline two');
    assert.equal(await page.locator('#prompt').inputValue(), '');
    assert.equal(await page.locator('#stop').isEnabled(), true);
  });

  it('the Send button sends; whitespace alone is not sent', async () => {
    await page.locator('#prompt').fill('   ');
    await page.locator('#send').click();
    await page.locator('#prompt').fill('via button');
    await page.locator('#send').click();
    await waitForPosted({ type: 'send', prompt: 'via button' });
    assert.deepEqual((await posted()).map((m) => m.type), ['ready', 'send']);
  });

  it('streams markdown into the answer, with the model badge, then stats when done', async () => {
    await startTurn();
    await host({ type: 'chunk', turnId: 't1', chunk: { type: 'model', model: 'llama3', provider: 'ollama', local: true } });
    await page.locator('.message.assistant .progress', { hasText: 'Thinking' }).waitFor();
    await host({ type: 'chunk', turnId: 't1', chunk: { type: 'markdown', text: 'Use **' } });
    await host({ type: 'chunk', turnId: 't1', chunk: { type: 'markdown', text: 'const**.' } });
    await page.locator('.message.assistant .markdown strong', { hasText: 'const' }).waitFor();
    assert.equal(await page.locator('.message.assistant .model-badge').textContent(), 'llama3 · local');
    assert.equal(await page.locator('.message.assistant').getAttribute('aria-busy'), 'true');
    assert.equal(await page.locator('.message.assistant .progress').isHidden(), true);

    await host({ type: 'chunk', turnId: 't1', chunk: { type: 'done', model: 'llama3', usage: { inputTokens: 10, outputTokens: 5 }, durationMs: 1500, truncated: false } });
    await host({ type: 'turnEnd', turnId: 't1', reason: 'done' });
    await page.locator('.model-badge', { hasText: '15 tokens' }).waitFor();
    assert.equal(await page.locator('.message.assistant .model-badge').textContent(), 'llama3 · local · 15 tokens · 1.5 s');
    assert.equal(await page.locator('#stop').isDisabled(), true);
    assert.equal(await page.locator('.message.assistant').getAttribute('aria-busy'), 'false');
  });

  it('never lets model output run script or inject markup', async () => {
    await startTurn();
    const hostile = [
      '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script>',
      '[click me](javascript:window.__pwned=3) ![pic](javascript:alert(1))',
      '<a href="javascript:window.__pwned=4">raw</a> <iframe src="https://example.com"></iframe>',
      'see https://example.com/docs',
    ].join('\n\n');
    await host({ type: 'chunk', turnId: 't1', chunk: { type: 'markdown', text: hostile } });
    await host({ type: 'turnEnd', turnId: 't1', reason: 'done' });
    const body = page.locator('.message.assistant .markdown');
    await body.locator('a[href="https://example.com/docs"]').waitFor();
    assert.equal(await body.locator('img, script, iframe, [onerror]').count(), 0);
    assert.equal(await body.locator('a[href^="javascript"]').count(), 0);
    assert.match((await body.textContent()) ?? '', /<img src=x onerror=/, 'raw HTML is shown as text');
    await page.locator('.message.assistant .markdown >> text=click me').click().catch(() => undefined);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
  });

  it('code blocks get Copy and Insert at Cursor, which post the code and keep focus in the prompt', async () => {
    await startTurn();
    await host({ type: 'chunk', turnId: 't1', chunk: { type: 'markdown', text: 'Try:\n\n```ts\nconst a = 1 < 2;\n```\n' } });
    const block = page.locator('.message.assistant .code-block');
    await block.waitFor();
    assert.equal(await block.locator('button').count(), 2);
    await block.getByRole('button', { name: 'Copy code to the clipboard' }).click();
    await waitForPosted({ type: 'copy', code: 'const a = 1 < 2;\n' });
    await block.getByRole('button', { name: 'Insert code at the cursor in the active editor' }).click();
    await waitForPosted({ type: 'insert', code: 'const a = 1 < 2;\n' });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'prompt');
  });

  it('shows errors with their actions as buttons that post runAction', async () => {
    await startTurn();
    const actions = [
      { title: 'Check Ollama', command: 'jarvis.checkOllama' },
      { title: 'Open Settings', command: 'workbench.action.openSettings', args: ['jarvis.ollama.host'] },
    ];
    await host({ type: 'chunk', turnId: 't1', chunk: { type: 'error', code: 'provider-unreachable', message: 'Ollama is not running at http://localhost:11434.', actions } });
    await host({ type: 'turnEnd', turnId: 't1', reason: 'error' });
    const error = page.locator('.message.error');
    await error.waitFor();
    assert.match((await error.textContent()) ?? '', /Ollama is not running/);
    assert.equal(await page.locator('.message.assistant').count(), 0, 'the empty answer gave way to the error');
    await error.getByRole('button', { name: 'Open Settings' }).click();
    await waitForPosted({ type: 'runAction', command: 'workbench.action.openSettings', args: ['jarvis.ollama.host'] });
    await error.getByRole('button', { name: 'Check Ollama' }).click();
    await waitForPosted({ type: 'runAction', command: 'jarvis.checkOllama' });
  });

  it('Stop (button or Esc) posts stop while streaming', async () => {
    await startTurn();
    await page.locator('#stop').click();
    await waitForPosted({ type: 'stop' });
    await page.locator('#prompt').focus();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__posted.filter((m) => m.type === 'stop').length === 2);
    await host({ type: 'turnEnd', turnId: 't1', reason: 'stopped' });
    await page.locator('.model-badge', { hasText: 'stopped' }).waitFor();
    assert.equal(await page.locator('#stop').isDisabled(), true);
  });

  it('restores a transcript on init and empties it on cleared', async () => {
    await host({
      type: 'init',
      busy: false,
      messages: [
        { role: 'user', id: 'a/user', text: 'earlier question' },
        { role: 'assistant', id: 'a/assistant', text: '# Title\n\nanswer', status: 'done', model: { model: 'llama3', provider: 'ollama', local: true } },
      ],
    });
    await page.locator('.message.assistant h1', { hasText: 'Title' }).waitFor();
    assert.equal(await page.locator('.message').count(), 2);
    assert.equal(await page.locator('.empty-state').count(), 0);
    await host({ type: 'cleared' });
    await page.locator('.empty-state').waitFor();
    assert.equal(await page.locator('.message').count(), 0);
  });

  it('shows a refusal notice and keeps the unsent prompt', async () => {
    await page.locator('#prompt').fill('second question');
    await page.keyboard.press('Enter');
    await waitForPosted({ type: 'send', prompt: 'second question' });
    await host({ type: 'notice', message: 'Jarvis is still answering.' });
    await page.locator('#notice', { hasText: 'Jarvis is still answering.' }).waitFor();
    assert.equal(await page.locator('#prompt').inputValue(), 'second question');
  });
});
