import * as assert from 'node:assert/strict';
import { expectJarvisError } from '../../fakes/providerAssertions';
import { GENEROUS, startGateway, type Gateway } from './gatewaySetup';
import { request } from './httpRequest';

describe('gateway: start and stop', () => {
  let gw: Gateway;
  beforeEach(async () => {
    gw = await startGateway();
  });
  afterEach(() => gw.close());

  it('listens on 127.0.0.1 only', () => {
    assert.ok(gw.port > 0);
    assert.equal(gw.server.running, true);
  });

  it('a busy port gives a clear message naming a free port to use instead', async () => {
    const second = await startGateway();
    try {
      await second.server.stop();
      const e = await expectJarvisError(second.server.start(gw.port, GENEROUS), 'invalid-input');
      assert.match(
        e.message,
        new RegExp(`Port ${gw.port} on 127\\.0\\.0\\.1 is already in use .*Set jarvis\\.gateway\\.port to a free port, e\\.g\\. \\d+\\.`),
      );
      assert.equal(second.server.running, false);
    } finally {
      await second.close();
    }
  });

  it('stops listening and records start and stop in the audit log', async () => {
    const port = gw.port;
    await gw.server.stop();
    assert.equal(gw.server.running, false);
    await assert.rejects(request(port, { path: '/healthz' }), /ECONNREFUSED/);
    assert.deepEqual(
      gw.audit.types().filter((t) => t.startsWith('gateway-st')),
      ['gateway-started', 'gateway-stopped'],
    );
    // Started again on the same port (a settings change does exactly this).
    assert.equal(await gw.server.start(port, GENEROUS), port);
    assert.equal((await request(port, { path: '/healthz' })).status, 200);
  });
});
