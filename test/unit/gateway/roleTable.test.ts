import * as assert from 'node:assert/strict';
import type { McpHandler } from '../../../src/core/gateway/GatewayServer';
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
  // Every role may reach the MCP server (read_data); which tools each may call is mcp.test.ts's table.
  'POST /mcp': { admin: true, developer: true, user: true, readonly: true, guest: true },
  // No key needed; a key of any role changes nothing.
  'GET /healthz': { admin: true, developer: true, user: true, readonly: true, guest: true },
};
const NEEDS: Record<string, string> = {
  'POST /v1/chat/completions': 'write_data',
  'GET /v1/models': 'read_data',
  'GET /metrics': 'view_audit_logs',
  'POST /mcp': 'read_data',
};
const BODIES: Record<string, string> = {
  'POST /v1/chat/completions': JSON.stringify({ model: 'jarvis-auto', messages: [{ role: 'user', content: TRIVIAL }] }),
  'POST /mcp': JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
};

/** Stands in for the MCP endpoint: answers with the role it was handed, so a 200 proves the request got through as that caller. */
const mcpStub: McpHandler = {
  handle: async (_req, res, _body, caller) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ role: caller.key.role }));
  },
};

describe('gateway: every role against every HTTP endpoint', () => {
  let gw: Gateway;
  before(async () => {
    gw = await startGateway({ mcp: mcpStub });
  });
  after(() => gw.close());

  for (const [endpoint, byRole] of Object.entries(EXPECTED)) {
    for (const role of ROLES) {
      const allowed = byRole[role];
      it(`${role} ${allowed ? 'may' : 'may not'} ${endpoint}`, async () => {
        const key = await gw.key(role);
        const [method, path] = endpoint.split(' ');
        const body = BODIES[endpoint];
        const before = gw.ollama.requests.filter((r) => r.path === '/api/chat').length;
        const r = await request(gw.port, { method, path, headers: method === 'POST' ? jsonBody(key) : bearer(key), body });
        if (allowed) {
          assert.equal(r.status, 200, r.text);
          if (endpoint === 'POST /mcp') assert.deepEqual(r.json(), { role });
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
