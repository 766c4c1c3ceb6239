import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { Locator } from 'playwright-core';
import { screenshotOnFailure, uiSession } from './uiSession';

const NAME = 'ui notebook';
/** KEY_PREFIX + 32 random bytes in base64url. */
const KEY = /jgw_[A-Za-z0-9_-]{43}/;

function gatewayUrl(): string {
  const port = uiSession().settings['jarvis.gateway.port'];
  assert.equal(typeof port, 'number', 'the suite opens the window with jarvis.gateway.port set');
  return `http://127.0.0.1:${String(port)}`;
}

/** The gateway starts once Jarvis has activated: poll /healthz (no key needed) until it answers. */
async function waitForGateway(deadlineMs = 60_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  let last = '';
  while (Date.now() < until) {
    const ok = await fetch(`${gatewayUrl()}/healthz`).then(
      (r) => r.ok,
      (e: unknown) => ((last = String(e)), false),
    );
    if (ok) return;
    await uiSession().driver.page.waitForTimeout(250);
  }
  throw new Error(`the gateway did not answer /healthz at ${gatewayUrl()} within ${deadlineMs} ms (${last})`);
}

function models(key: string): Promise<Response> {
  return fetch(`${gatewayUrl()}/v1/models`, { headers: { authorization: `Bearer ${key}` } });
}

/** A row of the open quick pick whose text starts with `label`. */
function pickRow(label: string): Locator {
  return uiSession()
    .driver.page.locator('.quick-input-list .monaco-list-row', { hasText: new RegExp(`^\\s*${label}`) })
    .first();
}

describe('Gateway API keys from the command palette (real VS Code window, gateway on)', function () {
  let key = '';

  screenshotOnFailure();

  it('creates a key through its three prompts (an empty name refused), shows it once, and the gateway accepts it', async () => {
    const { driver } = uiSession();
    const { page } = driver;
    await waitForGateway();
    await driver.runCommand('Jarvis: Create Gateway API Key…');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await page.locator('.quick-input-widget', { hasText: 'Create Gateway API Key (1/3)' }).waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill('  ');
    await page.locator('.quick-input-message', { hasText: 'Enter a name.' }).waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(NAME);
    await page.keyboard.press('Enter');

    await page.locator('.quick-input-widget', { hasText: 'role' }).waitFor({ state: 'visible', timeout: 10_000 });
    // Each row: the role's name, what it may do, and (its detail line) the seed's permission names.
    const labels = (await page.locator('.quick-input-list .monaco-list-row .label-name').allTextContents()).map((t) => t.trim());
    assert.deepEqual(
      labels.filter((t) => /^[a-z]+$/.test(t)),
      ['admin', 'developer', 'user', 'readonly', 'guest'],
    );
    assert.ok(labels.includes('read_data, write_data, read_users'), `the user role's permissions: ${JSON.stringify(labels)}`);
    await pickRow('developer').click();
    await page.locator('.quick-input-widget', { hasText: 'expires after' }).waitFor({ state: 'visible', timeout: 10_000 });
    await pickRow('90 days').click();

    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 20_000 });
    const text = (await dialog.textContent()) ?? '';
    assert.match(text, /Gateway key "ui notebook" \(id [0-9a-f]{8}\) created\. Copy it now: it is shown only this once\./);
    assert.ok(text.includes(`${gatewayUrl()}/v1`), `the dialog names the base URL ${gatewayUrl()}/v1: ${text}`);
    key = KEY.exec(text)?.[0] ?? '';
    assert.ok(key, `no key in the dialog: ${text}`);
    await driver.screenshot('01-key-shown-once');
    // Closed without copying (the browser's clipboard needs a permission the test does not grant).
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });

    const accepted = await models(key);
    assert.equal(accepted.status, 200);
    const ids = ((await accepted.json()) as { data: { id: string }[] }).data.map((m) => m.id);
    assert.ok(ids.includes('jarvis-auto'), JSON.stringify(ids));
    const forged = await models(`jgw_${'A'.repeat(43)}`);
    assert.equal(forged.status, 401);
  });

  it('lists the key (role, id from its hash, expiry, last use) and revokes it after a confirmation; the gateway then refuses it', async () => {
    assert.ok(key, 'needs the key of the previous test');
    const { driver } = uiSession();
    const { page } = driver;
    await driver.runCommand('Jarvis: List / Revoke Gateway API Keys');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: NAME }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    const rowText = (await row.textContent()) ?? '';
    assert.ok(rowText.includes(`developer · id ${createHash('sha256').update(key).digest('hex').slice(0, 8)}`), rowText);
    assert.ok(!rowText.includes(key.slice(0, 8)), 'not even the start of the key');
    assert.match(rowText, /expires .* · last used /);
    assert.ok(!rowText.includes(key), 'the list must never show the whole key');
    await row.click();

    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match((await dialog.textContent()) ?? '', /Revoke gateway key "ui notebook"\? Tools using it stop working at once\./);
    await driver.screenshot('02-revoke-confirmation');
    await dialog.locator('.monaco-button', { hasText: 'Revoke' }).click();
    await driver.waitForNotification('gateway key "ui notebook" revoked');

    assert.equal((await models(key)).status, 401);
    await driver.hideNotificationCenter();
    await driver.runCommand('Jarvis: List / Revoke Gateway API Keys');
    const revoked = page.locator('.quick-input-list .monaco-list-row', { hasText: NAME }).first();
    await revoked.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match((await revoked.textContent()) ?? '', /revoked /);
    await driver.screenshot('03-revoked');
    await page.keyboard.press('Escape');
  });
});
