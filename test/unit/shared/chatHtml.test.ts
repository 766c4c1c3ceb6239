import * as assert from 'node:assert/strict';
import { chatContentSecurityPolicy, chatHtml, escapeAttribute } from '../../../src/shared/chatHtml';

const NONCE = 'c2VjcmV0LW5vbmNlLWZvci10ZXN0cw';
const CSP_SOURCE = 'https://*.vscode-cdn.net';
const base = {
  cspSource: CSP_SOURCE,
  nonce: NONCE,
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/chat.js',
  buttonStyleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/buttons.css',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/chat.css',
};

function cspOf(html: string): string {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(m, 'CSP meta tag missing');
  return m[1].replace(/&amp;/g, '&');
}

describe('chatHtml', () => {
  it('sets exactly the agreed Content-Security-Policy', () => {
    assert.equal(
      cspOf(chatHtml(base)),
      `default-src 'none'; script-src 'nonce-${NONCE}'; style-src ${CSP_SOURCE}; img-src ${CSP_SOURCE} data:; font-src ${CSP_SOURCE}`,
    );
    assert.equal(chatContentSecurityPolicy(CSP_SOURCE, NONCE), cspOf(chatHtml(base)));
  });

  it('puts the CSP before any resource is referenced', () => {
    const html = chatHtml(base);
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<link'));
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'));
  });

  it('loads exactly one script, external, carrying the nonce', () => {
    const html = chatHtml(base);
    const scripts = html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? [];
    assert.equal(scripts.length, 1);
    assert.equal(scripts[0], `<script nonce="${NONCE}" src="${base.scriptUri}"></script>`);
  });

  it('links the shared button sheet, then its own, and uses no inline styles or event handlers', () => {
    const html = chatHtml(base);
    const links = [...html.matchAll(/<link rel="stylesheet" href="([^"]*)">/g)].map((m) => m[1]);
    assert.deepEqual(links, [base.buttonStyleUri, base.styleUri], 'the page sheet comes last, so it can size buttons for its place');
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'inline event handler');
    assert.doesNotMatch(html, /\sstyle\s*=/i, 'inline style attribute');
    assert.doesNotMatch(html, /<style/i, 'inline style element');
    assert.doesNotMatch(html, /javascript:/i);
  });

  it('contains the DOM contract the UI and its tests rely on', () => {
    const html = chatHtml(base);
    assert.match(html, /<textarea id="prompt"/);
    // Enabled by the page's script: before it runs, a click would submit the form natively.
    assert.match(html, /<button id="send" type="submit"[^>]*aria-label="Send message"[^>]* disabled>/);
    assert.match(html, /<button id="stop" type="button"[^>]*aria-label="Stop answering"[^>]* disabled>/);
    assert.match(html, /<div id="transcript"[^>]*aria-live="polite"/);
    assert.match(html, /<label for="prompt"/);
  });

  it('escapes injected URIs so they cannot break out of their attribute', () => {
    const evil = 'https://x/a.js"><script>alert(1)</script><x y="&';
    const html = chatHtml({ ...base, scriptUri: evil, buttonStyleUri: evil, styleUri: evil });
    assert.ok(!html.includes('<script>alert(1)'));
    assert.equal((html.match(/<script\b/g) ?? []).length, 1);
    assert.ok(html.includes('src="https://x/a.js&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;x y=&quot;&amp;"'));
  });

  it('refuses a nonce that is short or could break out of the CSP', () => {
    for (const nonce of ['', 'abc', "abcdefghijklmnop'; script-src *", 'abcdefghijklmnop qrs', 'abcdefghijklmnop"']) {
      assert.throws(() => chatHtml({ ...base, nonce }), /nonce must be at least 16 base64 or hex characters/, nonce);
    }
  });

  it('accepts base64, base64url and hex nonces', () => {
    for (const nonce of ['abcdEFGH1234+/xy==', 'abcdEFGH1234-_xy', '0123456789abcdef0123']) {
      assert.ok(chatHtml({ ...base, nonce }).includes(`'nonce-${nonce}'`));
    }
  });

  it('refuses a cspSource that would add directives', () => {
    for (const cspSource of ['', '  ', 'https://a; script-src *', 'https://a, https://b', 'https://a\nscript-src *']) {
      assert.throws(() => chatHtml({ ...base, cspSource }), /cspSource must be a list of CSP sources/, JSON.stringify(cspSource));
    }
  });

  it('escapeAttribute escapes the characters that matter in a quoted attribute', () => {
    assert.equal(escapeAttribute(`a&b"c<d>e'f`), `a&amp;b&quot;c&lt;d&gt;e'f`);
  });
});
