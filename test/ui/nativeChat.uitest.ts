import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Locator } from 'playwright-core';
import { sampleWorkspace } from '../harness/paths';
import { screenshotOnFailure, uiSession } from './uiSession';

/**
 * VS Code 1.139's own Chat view with Jarvis's models: the model picker, `@jarvis`, and the built-in agent
 * (a plain request, allowed without sign-in by `chat.allowAnonymousAccess`, which runUi.js sets) running
 * on Jarvis Auto through a tool call and its result.
 */

/** The Chat view in the secondary side bar, where "Chat: Open Chat" puts it. */
const VIEW = '.part.auxiliarybar';
const picker = (): Locator => uiSession().driver.page.locator(`${VIEW} .interactive-input-part .model-picker-item`);
const input = (): Locator => uiSession().driver.page.locator(`${VIEW} .interactive-input-part .interactive-input-editor`).first();
/** A finished response: VS Code adds the footer (time, model) once the request is complete. */
const finishedResponse = (text: string): Locator =>
  uiSession()
    .driver.page.locator(`${VIEW} .interactive-item-container.interactive-response`, { hasText: text })
    .filter({ has: uiSession().driver.page.locator('.chat-footer-details') });

/**
 * Opens the model picker and searches for `name`; resolves to the rows shown, with the picker open.
 * Retried until the deadline: right after the window opens the picker can open before the models are
 * listed (VS Code asks the providers lazily), showing no row for the name yet.
 */
async function openPickerAt(name: string, timeoutMs = 60_000): Promise<string[]> {
  const { page } = uiSession().driver;
  const widget = page.locator('.action-widget');
  const row = widget.locator('.monaco-list-row', { hasText: name }).first();
  const deadline = Date.now() + timeoutMs;
  let shown: string[] = [];
  while (Date.now() < deadline) {
    await picker().click();
    const opened = await widget
      .locator('input')
      .fill(name, { timeout: 5_000 })
      .then(
        () => true,
        () => false,
      );
    if (
      opened &&
      (await row.waitFor({ state: 'visible', timeout: 5_000 }).then(
        () => true,
        () => false,
      ))
    ) {
      return (await widget.locator('.monaco-list-row').allTextContents()).map((t) => t.trim()).filter(Boolean);
    }
    shown = await widget.locator('.monaco-list-row').allTextContents();
    await page.keyboard.press('Escape');
  }
  throw new Error(`The model picker shows no "${name}" within ${timeoutMs} ms (last rows: ${JSON.stringify(shown)})`);
}

/** Picks `name` in the model picker; resolves once the picker shows it. Returns the rows the search showed. */
async function pickModel(name: string): Promise<string[]> {
  const { page } = uiSession().driver;
  const offered = await openPickerAt(name);
  await page.locator('.action-widget .monaco-list-row', { hasText: name }).first().click();
  await page.waitForFunction(
    ([sel, want]) => document.querySelector(sel)?.textContent?.trim() === want,
    [`${VIEW} .interactive-input-part .model-picker-item`, name] as const,
    { timeout: 10_000 },
  );
  return offered;
}

/** Types a request into the (empty) chat input and sends it with Enter. */
async function send(text: string): Promise<void> {
  const { page } = uiSession().driver;
  await input().click();
  // The input may still hold a sticky "@jarvis " from the last request: start from nothing.
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

async function waitForFinished(text: string, what: string, timeoutMs = 90_000): Promise<Locator> {
  const response = finishedResponse(text).last();
  await response.waitFor({ state: 'visible', timeout: timeoutMs }).catch(async (e: unknown) => {
    const shown = await uiSession().driver.page.locator(`${VIEW} .interactive-item-container`).allTextContents();
    throw new Error(`No finished response with ${what} (chat shows: ${JSON.stringify(shown.map((t) => t.slice(0, 300)))}): ${String(e)}`);
  });
  return response;
}

describe('Jarvis in VS Code’s own Chat view (1.139)', function () {
  screenshotOnFailure('failed-native');

  it('the model picker offers Jarvis Auto and the Ollama models; Jarvis Auto can be picked', async () => {
    const { driver } = uiSession();
    await driver.runCommand('Chat: Open Chat');
    await input().waitFor({ state: 'visible', timeout: 30_000 });
    // Pick another model first, so picking Jarvis Auto is seen to change something.
    await pickModel('llama3:latest');
    await openPickerAt('Jarvis');
    await driver.screenshot('native-01-model-picker');
    await driver.page.keyboard.press('Escape');
    const offered = await pickModel('Jarvis Auto');
    assert.ok(
      offered.some((t) => t.startsWith('Jarvis Auto') && t.includes('local first, cloud when needed')),
      `Jarvis Auto is not offered as expected: ${JSON.stringify(offered)}`,
    );
  });

  it('@jarvis answers from the fake Ollama with the usage footer', async () => {
    const { driver } = uiSession();
    // A question no earlier test asks: the chat view's test runs first in this window, and a repeat would be
    // answered from Jarvis's cache (no tokens, no model call), which is not what this test is about.
    await send('@jarvis how do I sort a dict by value in Python?');
    const response = await waitForFinished('You said: how do I sort a dict by value in Python?', "@jarvis's answer");
    const text = (await response.textContent()) ?? '';
    assert.match(text, /Hello from fake Ollama\. You said: how do I sort a dict by value in Python\?/);
    assert.doesNotMatch(text, /answered from cache/);
    assert.match(text, /Jarvis: llama3 · local · \d+ → \d+ tokens · free \(local\)/);
    await driver.screenshot('native-02-jarvis-answer');
  });

  it('a plain request runs the built-in agent on Jarvis Auto through a tool call and its result', async () => {
    const { driver, fakeOllama } = uiSession();
    const fake = fakeOllama();
    assert.ok(fake, 'the fake Ollama is not running');
    await driver.page.locator(`${VIEW} .action-label[aria-label^="New Chat ("]`).first().click();
    const before = fake.requests.length;
    const file = path.join(sampleWorkspace, 'stats.py');
    // The fake answers the agent's first request with this call (read_file is one of the agent's tools) and
    // the follow-up, which carries the tool's result, with "The tool returned: <result>".
    await send(`What does this file start with? [[tool:read_file {"filePath":${JSON.stringify(file)},"startLine":1,"endLine":5}]]`);
    const response = await waitForFinished('The tool returned:', "the agent's answer after the tool call");
    const answer = (await response.locator('.chat-markdown-part').allTextContents()).join('\n');
    assert.match(answer, /The tool returned: """Tiny text statistics/, `the answer does not quote the file: ${answer}`);
    assert.equal(((await response.locator('.chat-response-model-details').textContent()) ?? '').trim(), 'Jarvis Auto');
    // VS Code ran the tool and says so in the response.
    await response.locator('.completed-response-summary').first().click();
    const invocation = response.locator('.chat-tool-invocation-part', { hasText: 'stats.py' }).first();
    await invocation.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match((await invocation.textContent()) ?? '', /Read stats\.py, lines 1 to 5/);
    await driver.screenshot('native-03-agent-tool-round-trip');

    // What reached the model: the agent's tools, then the same conversation with the call and its result.
    const chats = fake.requests
      .slice(before)
      .filter((r) => r.path === '/api/chat')
      .map((r) => r.body as { tools?: { function: { name: string } }[]; messages: { role: string; content: string; tool_calls?: unknown[] }[] });
    assert.equal(chats.length, 2, `expected two model requests (call, then result), got ${chats.length}`);
    const tools = (chats[0].tools ?? []).map((t) => t.function.name);
    assert.ok(tools.includes('read_file') && tools.length >= 20, `the agent's tools did not reach the model: ${JSON.stringify(tools)}`);
    const [call, result] = chats[1].messages.slice(-2);
    assert.equal(call.role, 'assistant');
    assert.match(JSON.stringify(call.tool_calls), /"name":"read_file"/);
    assert.equal(result.role, 'tool');
    assert.match(result.content, /Tiny text statistics/);
  });
});
