import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';

/**
 * Drives a VS Code window the way a person does: command palette, status bar, webviews, screenshots.
 * Every wait has a deadline and fails with a message that says what was expected and what was seen.
 */
export class WorkbenchDriver {
  /** Screenshots go to `<screenshotsDir>/<prefix>-<name>.png`; earlier ones with that prefix are removed. */
  constructor(
    readonly page: Page,
    private readonly screenshotsDir: string,
    private readonly prefix: string,
  ) {
    if (!/^[\w-]+$/.test(prefix)) throw new Error(`WorkbenchDriver: prefix must be a simple name, got "${prefix}".`);
    if (fs.existsSync(screenshotsDir)) {
      for (const f of fs.readdirSync(screenshotsDir)) {
        if (f.startsWith(`${prefix}-`) && f.endsWith('.png')) fs.rmSync(path.join(screenshotsDir, f));
      }
    }
  }

  /** Waits until the workbench has rendered its parts and the remote extension host is connected. */
  async waitForWorkbench(timeoutMs = 60_000): Promise<void> {
    await this.page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: timeoutMs });
    await this.page.waitForSelector('.monaco-workbench .part.activitybar', { timeout: timeoutMs });
  }

  /**
   * F1, type the command's title, Enter. `title` is what the palette shows, e.g. "Jarvis: Open Chat".
   * Retries (closing and reopening the palette) until the deadline: right after the window opens, the
   * palette can be shown before the extension host has registered the extension's commands.
   */
  async runCommand(title: string, timeoutMs = 60_000): Promise<void> {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    const deadline = Date.now() + timeoutMs;
    let shown: string[] = [];
    while (Date.now() < deadline) {
      if (!(await input.isVisible())) {
        await this.page.keyboard.press('F1');
        const opened = await input.waitFor({ state: 'visible', timeout: 2_000 }).then(
          () => true,
          () => false,
        );
        if (!opened) continue;
      }
      // Short, retried: while the window settles (1.139 briefly makes the palette inert) a fill can hang.
      const filled = await input.fill(`>${title}`, { timeout: 2_000 }).then(
        () => true,
        () => false,
      );
      if (!filled) {
        shown = [`(palette not editable; dialogs: ${JSON.stringify(await this.page.locator('.monaco-dialog-box').allTextContents())})`];
        await this.page.keyboard.press('Escape');
        continue;
      }
      const found = await row.waitFor({ state: 'visible', timeout: 2_000 }).then(
        () => true,
        () => false,
      );
      if (found) {
        // Short, retried: something opening at that moment (a view, a notification) can close the palette
        // under the click; a default click would then wait 30 s for a row that is gone.
        const clicked = await row.click({ timeout: 2_000 }).then(
          () => true,
          () => false,
        );
        if (clicked) {
          await input.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
          return;
        }
        shown = [`(row "${title}" shown but not clickable: the palette closed or moved under the click)`];
        continue;
      }
      shown = await this.page.locator('.quick-input-list .monaco-list-row').allTextContents();
      await this.page.keyboard.press('Escape');
    }
    throw new Error(`Command "${title}" did not appear in the palette within ${timeoutMs} ms. Last shown: ${JSON.stringify(shown.slice(0, 10))}`);
  }

  /** The (nested) frame whose document contains `selector`: how webview content is reached. */
  async frameWith(selector: string, timeoutMs = 20_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const frame of this.page.frames()) {
        if (await frame.$(selector).catch(() => null)) return frame;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `No frame contains "${selector}" after ${timeoutMs} ms (frames: ${this.page
            .frames()
            .map((f) => f.url().slice(0, 80))
            .join(', ')})`,
        );
      }
      await this.page.waitForTimeout(200);
    }
  }

  async statusBarTexts(): Promise<string[]> {
    return (await this.page.locator('.statusbar-item').allTextContents()).map((t) => t.trim()).filter((t) => t.length > 0);
  }

  /** Waits for a status bar item whose text matches. Returns that text. */
  async waitForStatusBarItem(match: RegExp, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const texts = await this.statusBarTexts();
      const hit = texts.find((t) => match.test(t));
      if (hit !== undefined) return hit;
      if (Date.now() > deadline) throw new Error(`No status bar item matches ${match} after ${timeoutMs} ms. Items: ${JSON.stringify(texts)}`);
      await this.page.waitForTimeout(250);
    }
  }

  /**
   * Waits for a notification whose text includes `text`, as a toast or in the notification center: 1.139 may park
   * a notification in the center without a toast (and a toast times out anyway). The center is opened from the
   * palette, as a person would; it lists new notifications live. Returns the notification's locator.
   */
  async waitForNotification(text: string, timeoutMs = 60_000): Promise<Locator> {
    // Toasts and the center draw the same list items.
    const item = this.page.locator('.notification-list-item', { hasText: text }).first();
    const center = this.page.locator('.notifications-center.visible');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await item.isVisible()) return item;
      if (Date.now() > deadline) {
        const shown = await this.page.locator('.notification-list-item').allTextContents();
        throw new Error(
          `No notification with "${text}" within ${timeoutMs} ms, in a toast or the notification center (notifications: ${JSON.stringify(shown)})`,
        );
      }
      if (!(await center.isVisible())) await this.runCommand('Notifications: Show Notifications');
      await item.waitFor({ state: 'visible', timeout: 2_000 }).catch(() => undefined);
    }
  }

  /** Hides the notification center if it is open (it lies over the lower right of the window, chat input included). */
  async hideNotificationCenter(): Promise<void> {
    const center = this.page.locator('.notifications-center.visible');
    if (!(await center.isVisible())) return;
    await center.locator('.action-label[aria-label^="Hide Notifications"]').first().click();
    await center.waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /** Saves `<screenshotsDir>/<prefix>-<name>.png` and returns its path. */
  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(this.screenshotsDir, { recursive: true });
    const file = path.join(this.screenshotsDir, `${this.prefix}-${name.replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}
