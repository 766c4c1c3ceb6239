import * as assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../../src/core/config/settings';
import { describeGateway, GatewayRunner, type GatewayState } from '../../../src/core/gateway/GatewayRunner';
import { startGateway, type Gateway } from './gatewaySetup';
import { bearer, request } from './httpRequest';

const settings = (over: Partial<typeof DEFAULT_SETTINGS.gateway> = {}) => ({ ...DEFAULT_SETTINGS.gateway, port: 0, ...over });

describe('GatewayRunner: the gateway follows jarvis.gateway.*', () => {
  let gw: Gateway;
  let runner: GatewayRunner;
  const states: GatewayState['state'][] = [];
  beforeEach(async () => {
    gw = await startGateway();
    await gw.server.stop();
    runner = new GatewayRunner(gw.server);
    states.length = 0;
    runner.onDidChange((s) => states.push(s.state));
  });
  afterEach(async () => {
    await runner.stop();
    await gw.close();
  });

  it('is off by default, starts when enabled, stops when disabled', async () => {
    assert.equal((await runner.apply(settings())).state, 'off');
    assert.equal(gw.server.running, false, 'nothing listens while the setting is off');
    const on = await runner.apply(settings({ enabled: true }));
    assert.equal(on.state, 'running');
    assert.equal(gw.server.running, true);
    assert.equal((await runner.apply(settings({ enabled: false }))).state, 'off');
    assert.equal(gw.server.running, false);
    assert.deepEqual(states, ['starting', 'running', 'off']);
  });

  it('applies quick toggles in order, ending in the last one', async () => {
    const results = await Promise.all([
      runner.apply(settings({ enabled: true })),
      runner.apply(settings({ enabled: false })),
      runner.apply(settings({ enabled: true })),
    ]);
    assert.equal(results[2].state, 'running');
    assert.equal(gw.server.running, true);
  });

  it('takes new rate limits without a restart', async () => {
    const on = await runner.apply(settings({ enabled: true }));
    assert.ok(on.state === 'running');
    const key = await gw.key('user');
    await runner.apply(settings({ enabled: true, port: on.port, rateLimit: { requests: 1, window: 60, burst: 0 } }));
    assert.equal(gw.server.port, on.port, 'same server');
    assert.equal((await request(on.port, { path: '/v1/models', headers: bearer(key) })).status, 200);
    assert.equal((await request(on.port, { path: '/v1/models', headers: bearer(key) })).status, 429);
  });

  it('a busy port is a failed state with the message, not an exception', async () => {
    const other = await startGateway();
    try {
      const s = await runner.apply(settings({ enabled: true, port: other.port }));
      assert.equal(s.state, 'failed');
      assert.ok(s.state === 'failed' && /already in use/.test(s.error));
      assert.match(describeGateway(s, 0), /^not running: Port \d+ on 127\.0\.0\.1 is already in use/);
    } finally {
      await other.close();
    }
  });

  it('describes each state in one sentence', () => {
    assert.match(describeGateway({ state: 'off' }, 0), /^off \(turn on `jarvis\.gateway\.enabled`/);
    assert.equal(describeGateway({ state: 'running', port: 11435 }, 1), 'on at http://127.0.0.1:11435/v1 and /mcp, 1 active key');
    assert.equal(describeGateway({ state: 'running', port: 11435 }, 3), 'on at http://127.0.0.1:11435/v1 and /mcp, 3 active keys');
  });
});
