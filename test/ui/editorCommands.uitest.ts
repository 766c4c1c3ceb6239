import * as assert from 'node:assert/strict';
import { uiSession } from './uiSession';

/** Menu rows of the context menu(s) open now: VS Code draws them as `.monaco-menu` action items. */
async function menuLabels(): Promise<string[]> {
  const { page } = uiSession().driver;
  return (await page.locator('.monaco-menu .action-item .action-label').allTextContents()).map((t) => t.trim()).filter(Boolean);
}

describe('Jarvis editor commands in a real VS Code window', function () {
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      const file = await uiSession().driver.screenshot(`failed-${this.currentTest.title}`);
      console.log(`    screenshot: ${file}`);
    }
  });

  after(async () => {
    // Leave the sample file as it was on disk.
    const { driver } = uiSession();
    await driver.runCommand('File: Revert File').catch(() => undefined);
    await driver.runCommand('View: Close All Editors').catch(() => undefined);
  });

  // Skipped: never passed yet in 1.139.1 — under Playwright the "Jarvis" entry of the editor context menu shows but
  // its submenu items do not open on hover, so Refactor is not reached and no diff opens. The same flows (Refactor →
  // diff → Apply/undo, Discard, re-base, quick fix) pass in the real extension host: test/integration/editorCommands.itest.ts.
  // Open work on issue #15.
  it.skip('the editor context menu has a Jarvis submenu with the commands', async () => {
    const { driver } = uiSession();
    const { page } = driver;
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget .quick-input-box input').fill('stats.py');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'stats.py' }).first().click();
    const lines = page.locator('.monaco-editor .view-lines').first();
    await lines.waitFor({ state: 'visible', timeout: 20_000 });
    await lines.click();
    // A marker the fake model answers with a Python code block, then the whole file selected.
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('# [[code]]\n');
    await page.keyboard.press('Control+A');
    await lines.click({ button: 'right', position: { x: 80, y: 40 } });
    const jarvis = page.locator('.monaco-menu .action-item', { hasText: /^Jarvis$/ }).first();
    await jarvis.waitFor({ state: 'visible', timeout: 10_000 });
    await jarvis.hover();
    const refactor = page.locator('.monaco-menu .action-item', { hasText: 'Refactor' }).first();
    await refactor.waitFor({ state: 'visible', timeout: 10_000 });
    const labels = await menuLabels();
    for (const c of ['Explain', 'Refactor', 'Fix', 'Add Tests', 'Add Docs', 'Review', 'Ask About Selection']) {
      assert.ok(labels.includes(c), `"${c}" is not in the Jarvis submenu; menus show: ${JSON.stringify(labels)}`);
    }
    await driver.screenshot('editor-01-context-submenu');
    await refactor.click();
  });

  // Skipped with the test above: it needs the diff that the submenu's Refactor opens.
  it.skip('Refactor opens the diff view with Apply and Discard in its title and a notification', async () => {
    const { driver } = uiSession();
    const { page } = driver;
    await page.locator('.monaco-diff-editor').first().waitFor({ state: 'visible', timeout: 60_000 });
    const apply = page.locator('.editor-actions .action-label[aria-label^="Apply Proposal"]').first();
    const discard = page.locator('.editor-actions .action-label[aria-label^="Discard Proposal"]').first();
    await apply.waitFor({ state: 'visible', timeout: 30_000 });
    assert.ok(await discard.isVisible(), 'Discard is not in the diff editor title');
    // The proposed code (from the fake model) is on the right side of the diff.
    const modified = page.locator('.monaco-diff-editor .editor.modified .view-lines').first();
    await page.waitForFunction(
      () => document.querySelector('.monaco-diff-editor .editor.modified .view-lines')?.textContent?.includes('def reverse'),
      undefined,
      { timeout: 30_000 },
    );
    assert.match((await modified.textContent()) ?? '', /def\s+reverse/);
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Jarvis proposes' }).first();
    await toast.waitFor({ state: 'visible', timeout: 15_000 });
    assert.ok(await toast.locator('.monaco-button', { hasText: 'Apply' }).isVisible());
    await driver.screenshot('editor-02-diff-apply-discard');
    await discard.click();
    await page.locator('.monaco-diff-editor').first().waitFor({ state: 'hidden', timeout: 15_000 });
  });
});
