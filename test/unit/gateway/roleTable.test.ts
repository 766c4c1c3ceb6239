import * as assert from 'node:assert/strict';
import { ROLES, type Role } from '../../../src/core/gateway/permissions';
import { TRIVIAL } from '../routing/routingServiceSetup';
import { startGateway, type Gateway } from './gatewaySetup';
import { bearer, jsonBody, request } from './httpRequest';

/**
 * Written out by hand, not read from ROLE_PERMISSIONS: the policy the README promises. A change to the
 * code's table that disagrees with it fails here.
 */
const EXPECTED: Record<string, Record<Role, boolean>> = {
  'POST /v1/chat/completions': { admin: true, developer: true, user: true, readonly: false, guest: false },
  'GET /v1/models': { admin: true, developer: true, user: true, readonly: true, guest: true },
  'GET /metrics': { admin: true, developer: true, user: false, readonly: true, guest: false },
};
const NEEDS: Record<string, string> = { 'POST /v1/chat/completions': 'write_data', 'GET /v1/models': 'read_data', 'GET /metrics': 'view_audit_logs' };

describe('gateway: every role against every HTTP endpoint', () => {
  let gw: Gateway;
  before(async () => {
    gw = await startGateway();
  });
  after(() => gw.close());

  for (const [endpoint, byRole] of Object.entries(EXPECTED)) {
    for (const role of ROLES) {
      const allowed = byRole[role];
      it(`${role} ${allowed ? 'may' : 'may not'} ${endpoint}`, async () => {
        const key = await gw.key(role);
        const [method, path] = endpoint.split(' ');
        const body = method === 'POST' ? JSON.stringify({ model: 'jarvis-auto', messages: [{ role: 'user', content: TRIVIAL }] }) : undefined;
        const before = gw.ollama.requests.filter((r) => r.path === '/api/chat').length;
        const r = await request(gw.port, { method, path, headers: method === 'POST' ? jsonBody(key) : bearer(key), body });
        if (allowed) {
          assert.equal(r.status, 200, r.text);
          return;
        }
        assert.equal(r.status, 403, r.text);
        const e = r.json().error;
        assert.equal(e?.type, 'permission_error');
        assert.match(e?.message ?? '', new RegExp(`role ${role}\\) lacks the ${NEEDS[endpoint]} permission that ${endpoint.replace(/\//g, '\\/')} needs`));
        assert.equal(gw.ollama.requests.filter((q) => q.path === '/api/chat').length, before, 'no model was called');
        assert.ok(gw.audit.entries.some((a) => a.type === 'gateway-permission-denied' && a.data?.role === role && a.data?.endpoint === endpoint));
      });
    }
  }
});
