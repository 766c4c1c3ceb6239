import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import * as os from 'node:os';
import { expectJarvisError } from '../../fakes/providerAssertions';
import { GENEROUS, startGateway, type Gateway } from './gatewaySetup';
import { request } from './httpRequest';

describe('gateway: start and stop', () => {
  let gw: Gateway;
  beforeEach(async () => {
    gw = await startGateway();
  });
  afterEach(() => gw.close());

  it('listens on 127.0.0.1 only: another interface of this machine refuses the connection', async () => {
    assert.ok(gw.port > 0);
    assert.equal(gw.server.running, true);
    assert.deepEqual(gw.server.address, { address: '127.0.0.1', family: 'IPv4', port: gw.port });
    assert.equal((await request(gw.port, { path: '/healthz' })).status, 200, 'reachable on loopback');
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && !i.internal && i.family === 'IPv4');
    // A machine with only loopback has no other interface to try (the address check above still holds).
    if (!external) return;
    await assert.rejects(
      new Promise<void>((resolve, reject) => {
        const socket = net.connect(gw.port, external.address, () => {
          socket.destroy();
          resolve();
        });
        socket.once('error', reject);
      }),
      /ECONNREFUSED/,
      `${external.address}:${gw.port} must not answer`,
    );
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
