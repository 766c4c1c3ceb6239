import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chatHtml } from '../../../src/shared/chatHtml';
import { dashboardHtml } from '../../../src/shared/dashboardHtml';

const SRC = path.resolve(__dirname, '../../../../src');
const NONCE = 'bm9uY2UtZm9yLWV2ZXJ5LXdlYnZpZXc';

/**
 * The HTML builders webviews may use, each with the CSP it must produce. A webview whose `html` is
 * set any other way (a template string, a new builder) fails the scan below until it is added here.
 */
const BUILDERS: Record<string, (nonce: string) => string> = {
  chatHtml: (nonce) =>
    chatHtml({
      cspSource: 'https://*.vscode-cdn.net',
      nonce,
      scriptUri: 'https://x/chat.js',
      buttonStyleUri: 'https://x/buttons.css',
      styleUri: 'https://x/chat.css',
    }),
  dashboardHtml: (nonce) =>
    dashboardHtml({
      cspSource: 'https://*.vscode-cdn.net',
      nonce,
      scriptUri: 'https://x/dashboard.js',
      chartStyleUri: 'https://x/dashboard.css',
      buttonStyleUri: 'https://x/media/buttons.css',
      styleUri: 'https://x/media/dashboard.css',
    }),
};

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('every webview sets a CSP with a nonce', () => {
  it('each `webview.html =` in src uses a known HTML builder', () => {
    const assignments = sources(SRC).flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/\.html\s*=\s*([A-Za-z_$][\w$]*)?/g)].map((m) => ({
        file: path.relative(SRC, file),
        builder: m[1] ?? '(not a call)',
      })),
    );
    assert.ok(assignments.length > 0, 'found no webview.html assignment: the scan is broken');
    for (const a of assignments) assert.ok(a.builder in BUILDERS, `${a.file} sets webview.html with ${a.builder}, which has no CSP check here`);
  });

  for (const [name, build] of Object.entries(BUILDERS)) {
    it(`${name}: the first thing in <head> is a CSP whose scripts need the nonce, and every script carries it`, () => {
      const html = build(NONCE);
      const head = /<head>([\s\S]*?)<\/head>/.exec(html)?.[1] ?? '';
      const firstTag = /<(?!meta charset)[a-z][^>]*>/i.exec(head)?.[0] ?? '';
      assert.match(firstTag, /^<meta http-equiv="Content-Security-Policy" content="/, `first element in <head>: ${firstTag}`);
      const csp = /content="([^"]*)"/.exec(firstTag)![1];
      assert.match(csp, /default-src 'none'/);
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
      assert.equal(scriptSrc.trim(), `'nonce-${NONCE}'`, 'scripts may load only with the nonce');
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      assert.ok(scripts.length > 0);
      for (const s of scripts) assert.ok(s.includes(`nonce="${NONCE}"`), `script without the nonce: ${s}`);
      assert.notEqual(build('YW5vdGhlci1ub25jZS12YWx1ZQ'), html, 'the nonce is not a constant');
    });
  }
});
