import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { screenshotOnFailure, uiSession } from './uiSession';

const QUESTION = 'how do I reverse a list in Python?';

/** Text of the last `.message.assistant` in the chat webview ('' when there is none). */
async function lastAnswer(chat: Frame): Promise<string> {
  const answers = chat.locator('.message.assistant');
  const n = await answers.count();
  return n === 0 ? '' : ((await answers.nth(n - 1).textContent()) ?? '');
}

async function waitForAnswer(chat: Frame, predicate: (text: string) => boolean, what: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await lastAnswer(chat);
    if (predicate(text)) return text;
    if (Date.now() > deadline) {
      const errors = await chat.locator('.message.error').allTextContents();
      throw new Error(`Timed out waiting for ${what}. Last answer: ${JSON.stringify(text.slice(0, 300))}; errors shown: ${JSON.stringify(errors)}`);
    }
    await chat.page().waitForTimeout(100);
  }
}

const ticks = (text: string): number => (text.match(/tick/g) ?? []).length;

describe('Jarvis chat view in a real VS Code window', function () {
  let chat: Frame;

  screenshotOnFailure();

  it('opens from the command palette (F1 → "Jarvis: Open Chat")', async () => {
    const { driver } = uiSession();
    await driver.runCommand('Jarvis: Open Chat');
    chat = await driver.frameWith('textarea#prompt');
    assert.ok(await chat.locator('button#send').isVisible(), 'button#send is not visible');
    await driver.screenshot('01-chat-open');
  });

  it('answers a question with the local model, showing the model badge', async () => {
    const { driver } = uiSession();
    await chat.locator('textarea#prompt').fill(QUESTION);
    await chat.locator('button#send').click();
    const user = chat.locator('.message.user').last();
    await user.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match((await user.textContent()) ?? '', /reverse a list in Python/);
    const answer = await waitForAnswer(chat, (t) => t.includes('You said: how do I reverse a list in Python?'), 'the whole fake model answer');
    assert.match(answer, /You said: how do I reverse a list in Python\?/);
    const badge = chat.locator('.message.assistant').last().locator('.model-badge');
    await badge.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match((await badge.textContent()) ?? '', /llama3/);
    // The same usage line @jarvis shows: where it ran and what it cost.
    const footer = chat.locator('.message.assistant').last().locator('.message-footer');
    await footer.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match((await footer.textContent()) ?? '', /llama3.* · local · \d+ → \d+ tokens · free \(local\) · /);
    await driver.screenshot('02-answer');
  });

  it('stops a streaming answer with the Stop button', async () => {
    const { driver } = uiSession();
    const stop = chat.locator('button#stop');
    await chat.locator('textarea#prompt').fill('[[slow]]');
    await chat.locator('button#send').click();
    await waitForAnswer(chat, (t) => ticks(t) >= 3, 'the first "tick" chunks');
    assert.equal(await stop.isEnabled(), true, 'button#stop should be enabled while streaming');
    await driver.screenshot('03-streaming');
    await stop.click();
    // Streaming over: Stop goes back to disabled.
    await chat.waitForFunction(() => (document.querySelector('button#stop') as HTMLButtonElement | null)?.disabled !== false, undefined, {
      timeout: 5_000,
    });
    const atStop = ticks(await lastAnswer(chat));
    // The fake sends a tick every 50 ms; a second of silence is twenty missed chunks.
    await chat.page().waitForTimeout(1_000);
    const later = ticks(await lastAnswer(chat));
    assert.equal(later, atStop, `the answer kept growing after Stop: ${atStop} → ${later} ticks`);
    assert.ok(atStop < 400, `the whole answer arrived (${atStop} ticks): Stop did nothing`);
    await driver.screenshot('04-stopped');
  });

  it('shows the local model in the status bar', async () => {
    const { driver } = uiSession();
    const item = await driver.waitForStatusBarItem(/llama3/);
    assert.match(item, /llama3/);
    await driver.screenshot('05-status-bar');
  });

  it('offers what @jarvis offers: slash commands, /remember, and answers that cite the memory', async () => {
    const { driver } = uiSession();
    const prompt = chat.locator('textarea#prompt');
    // Typing "/" opens the completion list (a listbox of options, as SlashMenu renders it).
    await prompt.fill('');
    await prompt.pressSequentially('/');
    const menu = chat.locator('#slash-menu[role="listbox"]');
    await menu.waitFor({ state: 'visible', timeout: 10_000 });
    const remember = menu.locator('[role="option"]', { hasText: '/remember' });
    await remember.waitFor({ state: 'visible', timeout: 10_000 });
    const offered = await menu.locator('[role="option"] .slash-name').allTextContents();
    assert.ok(offered.includes('/remember'), `"/remember" is not offered; the list shows ${JSON.stringify(offered)}`);
    await prompt.press('Escape');
    await menu.waitFor({ state: 'hidden', timeout: 5_000 });

    // /remember is answered by Jarvis itself, the same reply @jarvis gives.
    await prompt.fill('/remember decision: we use PostgreSQL for the orders service');
    await chat.locator('button#send').click();
    const remembered = chat.locator('.message.assistant', { hasText: 'Remembered as a decision' }).last();
    await remembered.waitFor({ state: 'visible', timeout: 30_000 }).catch(async (e: unknown) => {
      const errors = await chat.locator('.message.error').allTextContents();
      throw new Error(
        `No "Remembered as a decision" reply (errors shown: ${JSON.stringify(errors)}; last answer: ${JSON.stringify((await lastAnswer(chat)).slice(0, 300))}): ${String(e)}`,
      );
    });
    assert.match((await remembered.textContent()) ?? '', /Remembered as a decision: we use PostgreSQL for the orders service/);

    // The next question draws on that memory: the answer says "Used 1 memory" and lists it.
    await prompt.fill('which database do we use for orders?');
    await chat.locator('button#send').click();
    const answer = chat.locator('.message.assistant:not(.streaming)', { hasText: 'You said: which database do we use for orders?' }).last();
    await answer.waitFor({ state: 'visible', timeout: 30_000 }).catch(async (e: unknown) => {
      const errors = await chat.locator('.message.error').allTextContents();
      throw new Error(
        `No finished answer to the orders question (errors shown: ${JSON.stringify(errors)}; last answer: ${JSON.stringify((await lastAnswer(chat)).slice(0, 300))}): ${String(e)}`,
      );
    });
    const summary = answer.locator('.references .references-summary');
    await summary.waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(((await summary.textContent()) ?? '').trim(), 'Used 1 memory');
    const listed = await answer.locator('.references-list li').allTextContents();
    assert.equal(listed.length, 1, `expected one reference, got ${JSON.stringify(listed)}`);
    assert.match(listed[0], /PostgreSQL for the orders service/);
    const footer = answer.locator('.message-footer');
    await footer.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match((await footer.textContent()) ?? '', /llama3.* · local · \d+ → \d+ tokens · /);
    await driver.screenshot('06-memory');
  });

  it('refuses a command the webview asks for outside its list, and logs the refusal', async () => {
    const { driver } = uiSession();
    // The chat webview draws model output, so treat it as compromised: post straight into the
    // channel acquireVsCodeApi().postMessage uses (VS Code's webview host frame exposes it as
    // __vscode_post_message__), bypassing the page's own buttons.
    const host = chat.parentFrame();
    assert.ok(host, 'the chat webview has no host frame');
    const postRunAction = (command: string): Promise<void> =>
      host.evaluate((cmd) => {
        const post = (window as unknown as Record<string, unknown>).__vscode_post_message__;
        if (typeof post !== 'function') throw new Error('the webview host frame has no __vscode_post_message__');
        (post as (channel: string, data: unknown) => void)('onmessage', { message: { type: 'runAction', command: cmd, args: [] } });
      }, command);
    await postRunAction('jarvis.clearApiKeys');
    // Even an allow-listed command is refused when no button of the transcript offers it; the
    // refusal lines show the message did reach the host (the channel is not what failed).
    await postRunAction('jarvis.showLog');
    await driver.runCommand('Jarvis: Show Log');
    const refusal = driver.page.locator('.part.panel .view-lines', { hasText: 'refused to run command "jarvis.clearApiKeys"' });
    await refusal.waitFor({ state: 'visible', timeout: 30_000 }).catch(async (e: unknown) => {
      const shown = await driver.page.locator('.part.panel .view-lines').allTextContents();
      throw new Error(`The Jarvis log does not show the refusal (panel shows ${JSON.stringify(shown.join('\n').slice(-600))}): ${String(e)}`);
    });
    // Nothing ran: clearing keys asks for confirmation in a modal dialog, and none opened.
    assert.equal(await driver.page.locator('.monaco-dialog-box').count(), 0, 'a dialog opened: the refused command ran');
    await driver.screenshot('07-refused-command');
  });
});
