/**
 * The chat view's HTML, built by a pure function so a unit test can check the security-relevant
 * parts (CSP, nonce, no inline script or handlers) without VS Code.
 */
export interface ChatHtmlOptions {
  /** `webview.cspSource`: the origin the webview may load local resources from. */
  cspSource: string;
  /** Fresh per render, from crypto.randomBytes; only this script may run. */
  nonce: string;
  /** `webview.asWebviewUri(dist/webview/chat.js)`, as a string. */
  scriptUri: string;
  /** `webview.asWebviewUri(media/buttons.css)`: the button styles shared with the dashboard, linked first. */
  buttonStyleUri: string;
  /** `webview.asWebviewUri(media/chat.css)`, as a string. */
  styleUri: string;
}

/** base64 / base64url / hex: anything else could break out of the CSP's quoted nonce. */
const NONCE = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;

/**
 * The policy of every Jarvis webview page. Checks what it interpolates (so each page need not): `page` names the
 * caller in the error.
 */
export function chatContentSecurityPolicy(cspSource: string, nonce: string, page = 'chatHtml'): string {
  if (!NONCE.test(nonce)) {
    throw new Error(`${page}: the nonce must be at least 16 base64 or hex characters (use crypto.randomBytes).`);
  }
  // A separator would let the source add directives of its own (e.g. "; script-src *").
  if (cspSource.trim() === '' || /[;,\r\n]/.test(cspSource)) {
    throw new Error(`${page}: cspSource must be a list of CSP sources without ';' or ',' (got ${JSON.stringify(cspSource)}).`);
  }
  return ["default-src 'none'", `script-src 'nonce-${nonce}'`, `style-src ${cspSource}`, `img-src ${cspSource} data:`, `font-src ${cspSource}`].join('; ');
}

export function chatHtml(options: ChatHtmlOptions): string {
  const { cspSource, nonce, scriptUri, buttonStyleUri, styleUri } = options;
  const csp = chatContentSecurityPolicy(cspSource, nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(buttonStyleUri)}">
<link rel="stylesheet" href="${escapeAttribute(styleUri)}">
<title>Jarvis Chat</title>
</head>
<body>
<main class="chat">
  <div id="transcript" class="transcript" role="log" aria-live="polite" aria-relevant="additions text" aria-label="Conversation with Jarvis" tabindex="0"></div>
  <div id="notice" class="notice" role="status" hidden></div>
  <form id="composer" class="composer" aria-label="Ask Jarvis">
    <label for="prompt" class="visually-hidden">Message Jarvis</label>
    <ul id="slash-menu" class="slash-menu" role="listbox" aria-label="Slash commands" hidden></ul>
    <textarea id="prompt" rows="3" placeholder="Ask Jarvis… (type / for commands)" aria-describedby="composer-hint" aria-autocomplete="list" aria-controls="slash-menu"></textarea>
    <div class="composer-bar">
      <span id="composer-hint" class="composer-hint">Enter to send · Shift+Enter for a new line · / for commands</span>
      <button id="stop" type="button" class="secondary" title="Stop answering" aria-label="Stop answering" disabled>Stop</button>
      <button id="send" type="submit" title="Send (Enter)" aria-label="Send message" disabled>Send</button>
    </div>
  </form>
</main>
<script nonce="${escapeAttribute(nonce)}" src="${escapeAttribute(scriptUri)}"></script>
</body>
</html>
`;
}

/** Escapes a value for a double-quoted HTML attribute (single quotes are safe there, so the CSP stays readable). */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
