import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { screenshotOnFailure, uiSession } from './uiSession';

/** gpt-4o's list price ($ per 1M tokens), the default reference model of the savings (the high tier's first cloud candidate). */
const REFERENCE = { input: 2.5, output: 10 };
/** ~4,000 words: its answer's tokens at gpt-4o's price are over a cent, so the savings card shows a figure, not "<$0.01". */
const LONG_QUESTION = `please summarise these notes: ${Array.from({ length: 4000 }, (_, i) => `note${i % 97}`).join(' ')}`;
const SHORT_QUESTION = 'what is a dashboard for?';

/** Tokens "in → out" from a chat view footer ("llama3 · local · 123 → 45 tokens · free (local) · 1.2 s"). */
function footerTokens(footer: string): { in: number; out: number } {
  const m = /(\d+) → (\d+) tokens/.exec(footer);
  assert.ok(m, `no token counts in the footer ${JSON.stringify(footer)}`);
  return { in: Number(m[1]), out: Number(m[2]) };
}

async function askInChatView(chat: Frame, prompt: string): Promise<{ in: number; out: number }> {
  const before = await chat.locator('.message.assistant:not(.streaming) .message-footer').count();
  await chat.locator('textarea#prompt').fill(prompt);
  await chat.locator('button#send').click();
  const footer = chat.locator('.message.assistant:not(.streaming) .message-footer').nth(before);
  await footer.waitFor({ state: 'visible', timeout: 60_000 });
  return footerTokens((await footer.textContent()) ?? '');
}

async function dashboardFrame(): Promise<Frame> {
  return uiSession().driver.frameWith('#dashboard[aria-busy="false"] #requests', 30_000);
}

/** The card's unrounded figure (data-value) and its text. */
async function cardValue(frame: Frame, id: string): Promise<{ raw: number; text: string }> {
  const el = frame.locator(`#${id}`);
  return { raw: Number(await el.getAttribute('data-value')), text: ((await el.locator('.card-value').textContent()) ?? '').trim() };
}

/**
 * Picks a colour theme like a person: "Preferences: Color Theme", type its name, Enter. (Writing
 * settings.json from outside is only read at the next window start in code-server.)
 */
async function setTheme(theme: string): Promise<void> {
  const { driver } = uiSession();
  await driver.runCommand('Preferences: Color Theme');
  const input = driver.page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(theme);
  await driver.page.locator('.quick-input-list .monaco-list-row', { hasText: theme }).first().waitFor({ state: 'visible', timeout: 10_000 });
  await driver.page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
}

async function waitForBodyClass(frame: Frame, cls: string): Promise<void> {
  await frame.waitForFunction((c) => document.body.classList.contains(c), cls, { timeout: 30_000 });
}

describe('Jarvis dashboard in a real VS Code window', function () {
  const asked: Array<{ in: number; out: number }> = [];
  let savedBeforeReload = 0;

  screenshotOnFailure('dashboard-failed');

  it('after two chat-view questions, the status bar shows $0.00 today · 100% local, and a click on it opens the dashboard', async () => {
    const { driver } = uiSession();
    await driver.runCommand('Jarvis: Open Chat');
    const chat = await driver.frameWith('textarea#prompt');
    await driver.runCommand('Jarvis: New Chat');
    asked.push(await askInChatView(chat, LONG_QUESTION));
    asked.push(await askInChatView(chat, SHORT_QUESTION));
    assert.ok(asked[0].in > 4000, `the long question was ${asked[0].in} tokens`);
    const status = await driver.waitForStatusBarItem(/today · \d+% local/, 30_000);
    assert.match(status, /\$0\.00 today · 100% local/);
    await driver.page
      .locator('.statusbar-item', { hasText: /today · \d+% local/ })
      .first()
      .click();
    const frame = await dashboardFrame();
    assert.equal(((await frame.locator('h1').textContent()) ?? '').trim(), 'Jarvis Dashboard');
    await driver.screenshot('dashboard-01-opened');
  });

  it('shows the requests just made, newest first, with the token counts the chat view showed', async () => {
    const frame = await dashboardFrame();
    // Live updates are throttled (500 ms): wait until the second answer is in.
    await frame.waitForFunction((n) => document.querySelectorAll('#requests tbody tr').length >= n, 2, { timeout: 15_000 });
    const rows = frame.locator('#requests tbody tr');
    const row = async (i: number) => ({
      in: Number(await rows.nth(i).getAttribute('data-tokens-in')),
      out: Number(await rows.nth(i).getAttribute('data-tokens-out')),
      placement: await rows.nth(i).getAttribute('data-placement'),
      text: (await rows.nth(i).textContent()) ?? '',
    });
    const [newest, previous] = [await row(0), await row(1)];
    assert.deepEqual({ in: newest.in, out: newest.out }, asked[1], `newest row: ${newest.text}`);
    assert.deepEqual({ in: previous.in, out: previous.out }, asked[0], `previous row: ${previous.text}`);
    for (const r of [newest, previous]) {
      assert.equal(r.placement, 'local');
      assert.match(r.text, /llama3/);
      assert.match(r.text, /free/);
    }
  });

  it('the figures agree with the requests and the status bar: cost, local share, savings against gpt-4o', async () => {
    const { driver } = uiSession();
    const frame = await dashboardFrame();
    assert.equal((await cardValue(frame, 'cost-today')).text, '$0.00');
    const share = await cardValue(frame, 'local-share');
    const status = await driver.waitForStatusBarItem(/today · \d+% local/);
    assert.ok(status.includes(`· ${share.text} local`), `status bar "${status}" vs dashboard ${share.text}`);
    // Every request this window answered is in the table (fewer than its 50 rows): the savings are the
    // sum of each answer's tokens at gpt-4o's list price, all answers being local ($0).
    const rows = frame.locator('#requests tbody tr');
    let expected = 0;
    let answers = 0;
    for (let i = 0; i < (await rows.count()); i++) {
      const outcome = await rows.nth(i).getAttribute('data-outcome');
      if (outcome !== 'success' && outcome !== 'cached' && outcome !== 'degraded') continue;
      answers++;
      expected +=
        (Number(await rows.nth(i).getAttribute('data-tokens-in')) * REFERENCE.input +
          Number(await rows.nth(i).getAttribute('data-tokens-out')) * REFERENCE.output) /
        1e6;
    }
    const saved = await cardValue(frame, 'saved');
    assert.ok(Math.abs(saved.raw - expected) < 1e-9, `saved ${saved.raw} ≠ ${expected} from ${answers} rows`);
    assert.equal(saved.text, `$${expected.toFixed(2)}`);
    assert.match((await frame.locator('#saved .card-detail').textContent()) ?? '', new RegExp(`for ${answers} answers on gpt-4o`));
    assert.match((await frame.locator('#savings-method').textContent()) ?? '', /real input and output tokens at the reference model’s list price/);
    assert.match(
      (await frame.locator('#price-source').textContent()) ?? '',
      /^Prices: genai-prices [\d.]+ \(published \d{4}-\d\d-\d\d\), then the built-in table \(\d{4}-\d\d-\d\d\).*Reference gpt-4o: \$2\.5 in \/ \$10 out per 1M tokens from genai-prices/,
    );
    assert.ok((await frame.locator('#latency tbody tr', { hasText: 'llama3' }).count()) >= 1, 'latency row for llama3');
    assert.equal((await frame.locator('#chart-hourly canvas').count()) > 0, true, 'the hourly chart is drawn on a canvas');
    savedBeforeReload = saved.raw;
  });

  it('takes its chart colours from the theme, light and dark (screenshots)', async () => {
    const { driver } = uiSession();
    let frame = await dashboardFrame();
    const readColours = async () => ({
      local: await frame.locator('#chart-hourly').getAttribute('data-local'),
      css: await frame.evaluate(() => getComputedStyle(document.body).getPropertyValue('--vscode-charts-green').trim()),
      dark: await frame.evaluate(() => document.body.classList.contains('vscode-dark')),
    });
    // Whatever theme the window starts in: dark first, then light, each applied while the dashboard is open.
    await setTheme('Dark Modern');
    await waitForBodyClass(frame, 'vscode-dark');
    await frame.waitForFunction(
      () =>
        document.querySelector('#chart-hourly')?.getAttribute('data-local') ===
        getComputedStyle(document.body).getPropertyValue('--vscode-charts-green').trim(),
      undefined,
      { timeout: 10_000 },
    );
    const dark = await readColours();
    assert.equal(dark.dark, true);
    assert.equal(dark.local, dark.css, 'the chart uses --vscode-charts-green');
    await driver.screenshot('dashboard-02-dark');
    await setTheme('Light Modern');
    await waitForBodyClass(frame, 'vscode-light');
    frame = await dashboardFrame();
    await frame.waitForFunction((before) => document.querySelector('#chart-hourly')?.getAttribute('data-local') !== before, dark.local, { timeout: 10_000 });
    const light = await readColours();
    assert.equal(light.dark, false);
    assert.equal(light.local, light.css, 'after the theme change the chart re-read --vscode-charts-green');
    assert.notEqual(light.local, dark.local);
    await driver.screenshot('dashboard-03-light');
  });

  it('comes back after a window reload (serializer), with this month’s savings from the persisted ledger', async () => {
    const { driver } = uiSession();
    await driver.runCommand('Developer: Reload Window');
    await driver.waitForWorkbench();
    const frame = await dashboardFrame();
    // The history is per window (now empty); the usage ledger in globalState is not.
    await frame.waitForFunction(() => /0 requests in this window/.test(document.getElementById('updated')?.textContent ?? ''), undefined, { timeout: 30_000 });
    const saved = await cardValue(frame, 'saved');
    assert.ok(Math.abs(saved.raw - savedBeforeReload) < 1e-9, `saved after reload ${saved.raw} ≠ before ${savedBeforeReload}`);
    assert.equal(await frame.locator('#empty').count(), 0, 'not the empty state: the ledger has this month');
    await driver.screenshot('dashboard-04-after-reload');
  });
});
