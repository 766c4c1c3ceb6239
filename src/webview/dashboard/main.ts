/** Entry of the dashboard page's bundle (dist/webview/dashboard.js + dashboard.css, built by esbuild.mjs). */
import 'uplot/dist/uPlot.min.css';
import { isDashboardHostMessage, type DashboardPageMessage, type DashboardPageState, type DashboardSnapshot } from '../../shared/dashboardProtocol';
import { clock } from '../../shared/formatDashboard';
import { DashboardCharts } from './charts';
import { h } from './dom';
import { renderAlerts, renderCards, renderEmpty, renderModelWarnings, renderRequests, renderTables } from './renderDashboard';

interface VsCodeApi {
  postMessage(message: DashboardPageMessage): void;
  getState(): unknown;
  setState(state: DashboardPageState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();
const post = (m: DashboardPageMessage) => api.postMessage(m);
const root = document.getElementById('dashboard') as HTMLElement;

// Built once: the charts keep their uPlot instances across snapshots; the rest is redrawn per snapshot.
const header = h('header', {}, h('h1', {}, 'Jarvis Dashboard'), h('span', { id: 'updated', class: 'muted' }));
const alerts = h('div', { id: 'alerts-slot' });
const cards = h('div', { id: 'cards-slot' });
const hourlyEl = h('div', { id: 'chart-hourly', class: 'chart', role: 'img', 'aria-label': 'Local share per hour over the last 24 hours, against the target' });
const dailyEl = h('div', { id: 'chart-daily', class: 'chart', role: 'img', 'aria-label': 'Local share and cloud cost per day over the last 30 days' });
const charts = h('section', { class: 'charts', 'aria-label': 'Local and cloud share over time' }, h('h2', {}, 'Local vs cloud over time'), hourlyEl, dailyEl);
const tables = h('div', { id: 'tables-slot' });
const requests = h('div', { id: 'requests-slot' });
const empty = h('div', { id: 'empty-slot' });
const chartSet = new DashboardCharts(hourlyEl, dailyEl);

function draw(s: DashboardSnapshot): void {
  if (!root.contains(header)) {
    root.replaceChildren(header, empty, alerts, cards, charts, tables, requests);
  }
  root.setAttribute('aria-busy', 'false');
  root.dataset.generatedAt = String(s.generatedAt);
  (document.getElementById('updated') as HTMLElement).textContent = `updated ${clock(s.generatedAt)} · ${s.requestsInHistory} requests in this window`;
  empty.replaceChildren(...(s.empty ? [renderEmpty(post)] : []));
  alerts.replaceChildren(...[renderModelWarnings(s, post), renderAlerts(s, post)].filter((x) => x !== null));
  cards.replaceChildren(renderCards(s, post));
  tables.replaceChildren(renderTables(s, post));
  requests.replaceChildren(renderRequests(s, post));
  charts.hidden = s.empty;
  if (!s.empty) chartSet.update(s);
  api.setState({ snapshot: s });
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isDashboardHostMessage(event.data)) draw(event.data.snapshot);
});

// VS Code swaps the body's theme class (vscode-light / vscode-dark / vscode-high-contrast) and its CSS
// variables when the theme changes: the charts re-read their colours then.
const themeOf = () => `${document.body.className}|${document.body.dataset.vscodeThemeId ?? ''}`;
let theme = themeOf();
new MutationObserver(() => {
  if (themeOf() === theme) return;
  theme = themeOf();
  chartSet.themeChanged();
}).observe(document.body, { attributes: true, attributeFilter: ['class', 'data-vscode-theme-id'] });
window.addEventListener('resize', () => chartSet.resize());

// A restored panel draws its last snapshot at once; the host then posts a fresh one after `ready`.
const saved = api.getState() as DashboardPageState | undefined;
if (saved?.snapshot && saved.snapshot.version === 1) draw(saved.snapshot);
post({ type: 'ready' });
