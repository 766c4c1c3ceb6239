import * as assert from 'node:assert/strict';
import { promtoolCheck, sampleValue } from '../observability/promText';
import { TRIVIAL } from '../routing/routingServiceSetup';
import { startGateway, type Gateway } from './gatewaySetup';
import { bearer, jsonBody, request } from './httpRequest';

describe('gateway: GET /metrics', () => {
  let gw: Gateway;
  beforeEach(async () => {
    gw = await startGateway();
  });
  afterEach(() => gw.close());

  it('serves the metrics collector registry, with the gateway series, and promtool accepts it', async () => {
    const key = await gw.key('admin');
    const chat = await request(gw.port, {
      method: 'POST',
      path: '/v1/chat/completions',
      headers: jsonBody(key),
      body: JSON.stringify({ model: 'jarvis-auto', messages: [{ role: 'user', content: TRIVIAL }] }),
    });
    assert.equal(chat.status, 200, chat.text);
    await request(gw.port, { path: '/v1/models', headers: bearer('jgw_wrong') });
    const r = await request(gw.port, { path: '/metrics', headers: bearer(key) });
    assert.equal(r.status, 200);
    assert.match(r.headers['content-type'] ?? '', /^text\/plain; version=0\.0\.4/);
    assert.equal(
      sampleValue(r.text, 'tasks_total', { outcome: 'success', placement: 'local', kind: 'agent' }) ??
        sampleValue(r.text, 'tasks_total', { outcome: 'success', placement: 'local' }),
      1,
    );
    assert.equal(sampleValue(r.text, 'gateway_requests_total', { endpoint: '/v1/chat/completions', status: '200' }), 1);
    assert.equal(sampleValue(r.text, 'gateway_requests_total', { endpoint: '/v1/models', status: '401' }), 1);
    assert.equal(sampleValue(r.text, 'gateway_refusals_total', { reason: 'auth' }), 1);
    const check = promtoolCheck(r.text);
    assert.equal(check.status, 0, check.output);
    assert.equal(check.output, '', 'promtool has nothing to say');
  });
});
