import type { DashboardPageMessage, DashboardSetting, DashboardSnapshot } from '../../shared/dashboardProtocol';
import { clock, ms, pct, tokens, usd } from '../../shared/formatDashboard';
import { h, table, type Child } from './dom';

type Post = (m: DashboardPageMessage) => void;

/** The empty state: nothing recorded yet, so say how to get some figures. */
export function renderEmpty(post: Post): HTMLElement {
  const button = (label: string, action: 'openChat' | 'setOpenAIKey' | 'setAnthropicKey', secondary = false) => {
    const b = h('button', { type: 'button', class: secondary ? 'secondary' : undefined, 'data-action': action }, label);
    b.addEventListener('click', () => post({ type: 'start', action }));
    return b;
  };
  return h(
    'section',
    { id: 'empty', class: 'empty', 'aria-label': 'No requests yet' },
    h('h2', {}, 'No requests yet'),
    h(
      'p',
      {},
      'Ask Jarvis something — type ',
      h('code', {}, '@jarvis'),
      ' in the Chat view or use the Jarvis chat — and its cost, savings, local share and latency appear here as each answer arrives.',
    ),
    h('p', { class: 'muted' }, 'Local answers come from Ollama; for cloud answers on hard questions, add an OpenAI or Anthropic key.'),
    h(
      'div',
      { class: 'actions' },
      button('Open Jarvis Chat', 'openChat'),
      button('Set OpenAI Key…', 'setOpenAIKey', true),
      button('Set Anthropic Key…', 'setAnthropicKey', true),
    ),
  );
}

/** A figure card; `raw` (the unrounded number) goes in data-value for tests and assistive tools. */
function card(id: string, title: string, value: string, detail?: Child, raw?: number): HTMLElement {
  return h(
    'div',
    { class: 'card', id, 'data-value': raw === undefined ? undefined : String(raw) },
    h('div', { class: 'card-title' }, title),
    h('div', { class: 'card-value' }, value),
    detail ? h('div', { class: 'card-detail' }, detail) : null,
  );
}

function settingLink(post: Post, key: DashboardSetting, label: string): HTMLElement {
  const a = h('a', { href: '#', class: 'setting-link', 'data-setting': key }, label);
  a.addEventListener('click', (e) => {
    e.preventDefault();
    post({ type: 'openSetting', key });
  });
  return a;
}

/** The figure cards at the top: cost, savings, share, cache, errors, escalations. */
export function renderCards(s: DashboardSnapshot, post: Post): HTMLElement {
  const b = s.budget;
  const left = [b.daily ? `${usd(b.daily.leftUsd)} left today` : undefined, b.monthly ? `${usd(b.monthly.leftUsd)} left this month` : undefined]
    .filter(Boolean)
    .join(' · ');
  const sv = s.savings;
  return h(
    'section',
    { class: 'cards', 'aria-label': 'Figures' },
    card(
      'cost-today',
      'Cloud cost today',
      usd(s.cost.todayUsd),
      left ? h('span', { id: 'budget-left' }, left) : settingLink(post, 'jarvis.budget', 'no budget set'),
      s.cost.todayUsd,
    ),
    card(
      'cost-month',
      'This month',
      usd(s.cost.monthUsd),
      s.cost.unknownCostCalls > 0 ? `${s.cost.unknownCostCalls} calls without a known price` : undefined,
      s.cost.monthUsd,
    ),
    card(
      'saved',
      'Saved this month',
      sv ? usd(sv.savedUsd) : '—',
      sv ? `vs ${usd(sv.baselineUsd)} for ${sv.requests} answers on ${sv.referenceModel}` : 'no cloud model with a known price configured',
      sv?.savedUsd,
    ),
    card(
      'local-share',
      'Answered locally',
      pct(s.share.current),
      h('span', {}, 'target ', settingLink(post, 'jarvis.routing.localRatio', pct(s.share.target))),
      s.share.current,
    ),
    card('cache-hit-rate', 'Cache hit rate', pct(s.cache.hitRate), `${s.cache.hits} hits · ${s.cache.misses} misses`, s.cache.hitRate),
    card('error-rate', 'Error rate', pct(s.errors.rate), `${s.errors.total} failed of ${s.requestsInHistory}`, s.errors.rate),
    card('escalation-count', 'Escalations', String(s.escalations.count), 'local answers replaced by cloud', s.escalations.count),
  );
}

export function renderAlerts(s: DashboardSnapshot, post: Post): HTMLElement | null {
  if (s.alerts.length === 0) return null;
  return h(
    'section',
    { id: 'alerts', class: 'alerts', 'aria-label': 'Active alerts' },
    h('h2', {}, `Active alerts (${s.alerts.length})`),
    h(
      'ul',
      {},
      ...s.alerts.map((a) => {
        const ack = h('button', { type: 'button', class: 'secondary', 'data-alert': a.id }, 'Acknowledge');
        ack.addEventListener('click', () => {
          ack.disabled = true;
          post({ type: 'acknowledge', alertId: a.id });
        });
        return h(
          'li',
          { class: `alert ${a.severity}` },
          h('span', { class: 'alert-message' }, a.message),
          h('span', { class: 'muted' }, ` ${a.rule} · ${clock(a.firedAt)} `),
          ack,
        );
      }),
    ),
  );
}

/**
 * The warning about configured cloud models their provider no longer lists (the same words as the
 * notification and the status page), with the two ways to fix it.
 */
export function renderModelWarnings(s: DashboardSnapshot, post: Post): HTMLElement | null {
  const unlisted = s.cloudModels?.unlisted ?? [];
  if (unlisted.length === 0) return null;
  const choose = h('button', { type: 'button', 'data-action': 'chooseCloudModel' }, 'Choose Model…');
  choose.addEventListener('click', () => post({ type: 'start', action: 'chooseCloudModel' }));
  return h(
    'section',
    { id: 'model-warnings', class: 'alerts', 'aria-label': 'Configured cloud models that are not listed' },
    h('h2', {}, 'Cloud models no longer listed'),
    h('ul', {}, ...unlisted.map((text) => h('li', { class: 'alert warning' }, h('span', { class: 'alert-message' }, text)))),
    h('div', { class: 'actions' }, choose, ' ', settingLink(post, 'jarvis.routing.tiers', 'Open Settings')),
  );
}

/** "Model lists: OpenAI: 37 chat models, fetched … · Anthropic: …" with a refresh link. */
function modelListsLine(lists: readonly string[], post: Post): HTMLElement {
  const refresh = h('a', { href: '#', class: 'setting-link', 'data-action': 'refreshCloudModels' }, 'refresh');
  refresh.addEventListener('click', (e) => {
    e.preventDefault();
    post({ type: 'start', action: 'refreshCloudModels' });
  });
  return h('p', { class: 'muted', id: 'model-lists' }, `Model lists: ${lists.join(' · ')} `, refresh);
}

/** Cost by model, latency, errors, circuits, escalations and pricing: the tables under the charts. */
export function renderTables(s: DashboardSnapshot, post: Post): HTMLElement {
  const costRows = (rows: DashboardSnapshot['cost']['today']) =>
    rows.map((m) => [m.model, usd(m.usd), String(m.requests), m.unknownCost ? String(m.unknownCost) : '']);
  const sv = s.savings;
  const ref = s.pricing.reference;
  return h(
    'div',
    { class: 'tables' },
    h(
      'section',
      { 'aria-label': 'Cost by model' },
      h('h2', {}, 'Cloud cost by model'),
      s.cost.month.length === 0
        ? h('p', { class: 'muted' }, 'No cloud answers this month.')
        : h(
            'div',
            { class: 'pair' },
            table('Cloud cost by model today', ['Today', '$', 'answers', 'unpriced'], costRows(s.cost.today), 'cost-by-model-today'),
            table('Cloud cost by model this month', ['This month', '$', 'answers', 'unpriced'], costRows(s.cost.month), 'cost-by-model-month'),
          ),
      h(
        'p',
        { class: 'muted', id: 'savings-method' },
        sv ? `Savings: ${sv.method} Reference: ${sv.referenceModel}. ${sv.skipped ? `${sv.skipped} answers without a known price are left out.` : ''}` : '',
      ),
      h(
        'p',
        { class: 'muted', id: 'price-source' },
        `Prices: ${s.pricing.catalog ? `${s.pricing.catalog}, then ` : ''}the built-in table (${s.pricing.takenOn}); jarvis.pricing.overrides win over both. `,
        ref && ref.input !== undefined ? `Reference ${ref.model}: $${ref.input} in / $${ref.output} out per 1M tokens from ${ref.source}. ` : '',
        settingLink(post, 'jarvis.pricing.overrides', 'edit overrides'),
      ),
      s.cloudModels ? modelListsLine(s.cloudModels.lists, post) : null,
      s.pricing.models.length === 0
        ? null
        : table(
            'Prices of the cloud models used this month',
            ['Model', '$/1M in', '$/1M out', 'price from'],
            s.pricing.models.map((m) => [m.model, m.input === undefined ? '—' : String(m.input), m.output === undefined ? '—' : String(m.output), m.source]),
            'prices',
          ),
    ),
    h(
      'section',
      { 'aria-label': 'Latency by model' },
      h('h2', {}, 'Latency by model'),
      s.latency.length === 0
        ? h('p', { class: 'muted' }, 'No answered requests in this window yet.')
        : table(
            'Latency by model',
            ['Model', 'where', 'answers', 'p50', 'p95', 'p99', 'TTFT p50', 'TTFT p95'],
            s.latency.map((l) => [l.model, l.placement, String(l.requests), ms(l.p50Ms), ms(l.p95Ms), ms(l.p99Ms), ms(l.ttftP50Ms), ms(l.ttftP95Ms)]),
            'latency',
          ),
    ),
    h(
      'section',
      { 'aria-label': 'Errors and circuits', class: 'pair' },
      h(
        'div',
        {},
        h('h2', {}, 'Errors by category'),
        s.errors.byCategory.length === 0
          ? h('p', { class: 'muted' }, 'No failed requests.')
          : table(
              'Errors by category',
              ['Category', 'requests'],
              s.errors.byCategory.map((e) => [e.category, String(e.count)]),
              'errors',
            ),
      ),
      h(
        'div',
        {},
        h('h2', {}, 'Circuit breakers'),
        s.circuits.length === 0
          ? h('p', { class: 'muted' }, 'No breaker has tripped: every provider is closed (healthy).')
          : table(
              'Circuit breakers',
              ['Breaker', 'state'],
              s.circuits.map((c) => [c.key, h('span', { class: `state ${c.state}` }, c.state)]),
              'circuits',
            ),
      ),
    ),
    h(
      'section',
      { 'aria-label': 'Escalations' },
      h('h2', {}, 'Escalations and why'),
      s.escalations.recent.length === 0
        ? h('p', { class: 'muted' }, 'No local answer was replaced in this window.')
        : h('ul', { id: 'escalations' }, ...s.escalations.recent.map((e) => h('li', {}, h('span', { class: 'muted' }, `${clock(e.at)} `), e.why))),
    ),
  );
}

/** The last requests, newest first; a cloud answer's "why" opens its egress-ledger record. */
export function renderRequests(s: DashboardSnapshot, post: Post): HTMLElement {
  const rows = s.recent.map((r) => {
    let why: Child = r.reason ? h('span', { class: 'muted', title: r.reason }, 'local') : '';
    if (r.audited) {
      const a = h('a', { href: '#', class: 'why', 'data-request': r.requestId, title: r.reason ?? 'Why did this go to the cloud?' }, 'why?');
      a.addEventListener('click', (e) => {
        e.preventDefault();
        post({ type: 'why', requestId: r.requestId });
      });
      why = a;
    } else if (r.placement === 'none') why = r.errorCategory ?? r.outcome;
    const cost = r.placement === 'local' || r.outcome === 'cached' ? 'free' : r.costUsd === undefined ? '—' : usd(r.costUsd);
    return [
      clock(r.at),
      r.model ?? '—',
      r.tier,
      h('span', { class: `outcome ${r.outcome}` }, r.outcome + (r.escalation ? ' · escalated' : '')),
      h('span', { class: 'reason', title: r.reason ?? '' }, r.reason ?? ''),
      tokens(r.tokensIn, r.tokensOut),
      cost,
      ms(r.durationMs),
      why,
    ] as Child[];
  });
  return h(
    'section',
    { 'aria-label': 'Last requests' },
    h('h2', {}, `Last ${s.recent.length} requests`),
    table(
      'Last requests',
      ['Time', 'Model', 'Tier', 'Outcome', 'Reason', 'Tokens', 'Cost', 'Latency', ''],
      rows,
      'requests',
      s.recent.map((r) => ({
        'data-request': r.requestId,
        'data-outcome': r.outcome,
        'data-placement': r.placement,
        'data-tokens-in': r.tokensIn === undefined ? undefined : String(r.tokensIn),
        'data-tokens-out': r.tokensOut === undefined ? undefined : String(r.tokensOut),
      })),
    ),
  );
}
