/**
 * The chat view and the dashboard style their buttons from one sheet, media/buttons.css, linked by
 * both pages before their own: a page sheet that starts colouring buttons again would let the two
 * drift apart (as they had: different padding, focus ring and hover on disabled buttons).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chatHtml } from '../../../src/shared/chatHtml';
import { dashboardHtml } from '../../../src/shared/dashboardHtml';

const MEDIA = path.resolve(__dirname, '../../../../media');
const NONCE = 'c2hhcmVkLWJ1dHRvbi1zdHlsZXMtdGVzdA';
const css = (name: string) => fs.readFileSync(path.join(MEDIA, name), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
const links = (html: string) => [...html.matchAll(/<link rel="stylesheet" href="([^"]*)">/g)].map((m) => m[1]);

describe('shared button styles', () => {
  it('both pages link media/buttons.css, before their own sheet', () => {
    const chat = chatHtml({ cspSource: 'https://c', nonce: NONCE, scriptUri: 'chat.js', buttonStyleUri: 'media/buttons.css', styleUri: 'media/chat.css' });
    const dashboard = dashboardHtml({
      cspSource: 'https://c',
      nonce: NONCE,
      scriptUri: 'dashboard.js',
      chartStyleUri: 'dist/webview/dashboard.css',
      buttonStyleUri: 'media/buttons.css',
      styleUri: 'media/dashboard.css',
    });
    assert.deepEqual(links(chat), ['media/buttons.css', 'media/chat.css']);
    assert.deepEqual(links(dashboard), ['dist/webview/dashboard.css', 'media/buttons.css', 'media/dashboard.css']);
  });

  it('the button colours are declared in media/buttons.css only, from the theme’s variables', () => {
    const shared = css('buttons.css');
    for (const v of ['--vscode-button-foreground', '--vscode-button-background', '--vscode-button-hoverBackground', '--vscode-button-secondaryBackground'])
      assert.ok(shared.includes(`var(${v}`), `buttons.css uses ${v}`);
    assert.doesNotMatch(shared, /#[0-9a-f]{3,8}\b|rgba?\(/i, 'colours come from the theme, not literals');
    for (const page of ['chat.css', 'dashboard.css']) {
      const own = css(page);
      assert.doesNotMatch(own, /--vscode-button-/, `${page} styles buttons itself again`);
      assert.doesNotMatch(own, /(^|[},]\s*)button(:[\w-]+(\([^)]*\))?)*\s*[{,]/m, `${page} has a bare button rule again`);
    }
  });
});
