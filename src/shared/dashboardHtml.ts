import { chatContentSecurityPolicy, escapeAttribute } from './chatHtml';

/** The dashboard page's HTML, a pure function so the every-webview CSP test checks it like the chat view's. */
export interface DashboardHtmlOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  /** Fresh per render, from crypto.randomBytes. */
  nonce: string;
  /** `dist/webview/dashboard.js` as a webview URI. */
  scriptUri: string;
  /** `dist/webview/dashboard.css` (uPlot's stylesheet, bundled) as a webview URI. */
  chartStyleUri: string;
  /** `media/buttons.css` (the button styles shared with the chat view) as a webview URI. */
  buttonStyleUri: string;
  /** `media/dashboard.css` as a webview URI. */
  styleUri: string;
}

export function dashboardHtml(o: DashboardHtmlOptions): string {
  // The same policy as the chat view: scripts only with the nonce, styles and fonts only from the extension.
  // uPlot draws on <canvas> and positions its elements through the CSSOM, which style-src does not govern.
  const csp = chatContentSecurityPolicy(o.cspSource, o.nonce, 'dashboardHtml');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(o.chartStyleUri)}">
<link rel="stylesheet" href="${escapeAttribute(o.buttonStyleUri)}">
<link rel="stylesheet" href="${escapeAttribute(o.styleUri)}">
<title>Jarvis Dashboard</title>
</head>
<body>
<main id="dashboard" class="dashboard" aria-busy="true">
  <p id="loading" class="muted">Loading the figures…</p>
</main>
<script nonce="${escapeAttribute(o.nonce)}" src="${escapeAttribute(o.scriptUri)}"></script>
</body>
</html>
`;
}
