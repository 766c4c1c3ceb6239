import { strict as assert } from 'node:assert';
import { isDashboardHostMessage, isDashboardPageMessage } from '../../../src/shared/dashboardProtocol';
import { dashboardHtml } from '../../../src/shared/dashboardHtml';
import { clock, ms, pct, tokens, usd } from '../../../src/shared/formatDashboard';

describe('dashboard protocol', () => {
  it('accepts exactly the page messages it knows', () => {
    for (const m of [
      { type: 'ready' },
      { type: 'acknowledge', alertId: 'high-error-rate-3' },
      { type: 'why', requestId: 'a1b2c3d4' },
      { type: 'openSetting', key: 'jarvis.budget' },
      { type: 'start', action: 'openChat' },
      { type: 'start', action: 'chooseCloudModel' },
      { type: 'start', action: 'refreshCloudModels' },
      { type: 'openSetting', key: 'jarvis.routing.tiers' },
    ])
      assert.equal(isDashboardPageMessage(m), true, JSON.stringify(m));
  });

  it('refuses anything else: unknown types, unlisted settings or actions, odd ids (the page is not trusted)', () => {
    for (const m of [
      null,
      'ready',
      [],
      { type: 'runCommand', command: 'jarvis.clearApiKeys' },
      { type: 'openSetting', key: 'jarvis.openai.baseUrl' },
      { type: 'start', action: 'clearApiKeys' },
      { type: 'why', requestId: '' },
      { type: 'why', requestId: 'x'.repeat(101) },
      { type: 'why', requestId: 'a b' },
      { type: 'acknowledge', alertId: 42 },
      { type: 'acknowledge' },
    ])
      assert.equal(isDashboardPageMessage(m), false, JSON.stringify(m));
  });

  it('the page takes only version-1 snapshots from window messages', () => {
    assert.equal(isDashboardHostMessage({ type: 'snapshot', snapshot: { version: 1 } }), true);
    assert.equal(isDashboardHostMessage({ type: 'snapshot', snapshot: { version: 2 } }), false);
    assert.equal(isDashboardHostMessage({ type: 'snapshot' }), false);
    assert.equal(isDashboardHostMessage({ type: 'other', snapshot: { version: 1 } }), false);
  });

  it('dashboardHtml refuses a weak nonce and a cspSource that could add directives', () => {
    const ok = { cspSource: 'https://x', nonce: 'bm9uY2UtZm9yLWV2ZXJ5LXdlYnZpZXc', scriptUri: 's', chartStyleUri: 'c', buttonStyleUri: 'b', styleUri: 'm' };
    assert.match(dashboardHtml(ok), /<script nonce="bm9uY2UtZm9yLWV2ZXJ5LXdlYnZpZXc" src="s">/);
    assert.throws(() => dashboardHtml({ ...ok, nonce: 'short' }), /nonce must be at least 16/);
    assert.throws(() => dashboardHtml({ ...ok, cspSource: "https://x; script-src 'unsafe-inline'" }), /cspSource must be a list of CSP sources/);
    assert.throws(() => dashboardHtml({ ...ok, cspSource: ' ' }), /cspSource/);
  });

  it('formats money, shares, latencies and tokens as the page shows them', () => {
    assert.equal(usd(2.51625), '$2.52');
    assert.equal(usd(0.001), '<$0.01');
    assert.equal(usd(0), '$0.00');
    assert.equal(usd(-1.5), '−$1.50');
    assert.equal(usd(undefined), 'unknown');
    assert.equal(pct(0.4), '40%');
    assert.equal(pct(undefined), '—');
    assert.equal(ms(850), '850 ms');
    assert.equal(ms(1234), '1.2 s');
    assert.equal(ms(125_000), '2 min 5 s');
    assert.equal(tokens(1200, 45), '1,200 → 45');
    assert.equal(tokens(undefined, 1), '—');
    assert.match(clock(Date.now()), /^\d\d:\d\d:\d\d$/);
  });
});
