import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { DEFAULT_SETTINGS } from '../../../src/core/config/settings';
import { McpEndpoint } from '../../../src/core/gateway/McpEndpoint';
import type { Role } from '../../../src/core/gateway/permissions';
import { createMemoryCommands } from '../../../src/core/memory/contributors/memoryCommands';
import { OfflineEmbedder } from '../../../src/core/memory/embedders/OfflineEmbedder';
import { VectorMemoryStore } from '../../../src/core/memory/store/VectorMemoryStore';
import { FakeClock } from '../../fakes/FakeClock';
import { startGateway, type Gateway } from './gatewaySetup';
import { jsonBody, request } from './httpRequest';

type ToolResult = { isError?: boolean; content: { type: string; text?: string }[] };
const textOf = (r: unknown) => (r as ToolResult).content.map((c) => c.text ?? '').join('\n');

describe('gateway: /mcp with the MCP SDK client, over the real memory store', () => {
  let gw: Gateway;
  let dir: string;
  let store: VectorMemoryStore;
  const clients: Client[] = [];

  const connect = async (key: string): Promise<Client> => {
    const client = new Client({ name: 'gateway-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${gw.baseUrl}/mcp`), { requestInit: { headers: { authorization: `Bearer ${key}` } } }));
    clients.push(client);
    return client;
  };
  const clientFor = async (role: Role) => connect(await gw.key(role));

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jarvis-gw-mcp-'));
    store = await VectorMemoryStore.open({ folder: dir, embedder: new OfflineEmbedder(), clock: new FakeClock(Date.UTC(2026, 10, 20)) });
    const commands = createMemoryCommands({
      memory: { store: async () => store },
      settings: () => DEFAULT_SETTINGS,
      scope: () => ({ project: 'Shop', user: undefined }),
    });
    // Built on first use: it writes its refusals through the gateway's own auditor.
    let endpoint: McpEndpoint | undefined;
    gw = await startGateway({
      mcp: {
        handle: (req, res, body, caller) =>
          (endpoint ??= new McpEndpoint({ commands, auditor: gw.server.auditor, version: '0.1.0' })).handle(req, res, body, caller),
      },
    });
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.close();
    await gw.close();
    await store.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('lists recall, remember and decisions with their input schemas', async () => {
    const client = await clientFor('user');
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), ['decisions', 'recall', 'remember']);
    const recall = tools.find((t) => t.name === 'recall');
    assert.deepEqual(recall?.inputSchema.required, ['query']);
  });

  it('remembers a decision, then recalls it and lists it under decisions', async () => {
    const client = await clientFor('developer');
    const stored = await client.callTool({ name: 'remember', arguments: { text: 'decision: Use PostgreSQL for production' } });
    assert.ok(!stored.isError, textOf(stored));
    assert.match(textOf(stored), /Remembered as a \*\*decision\*\*: Use PostgreSQL for production/);
    const found = await client.callTool({ name: 'recall', arguments: { query: 'which database in production' } });
    assert.match(textOf(found), /PostgreSQL/);
    const decisions = await client.callTool({ name: 'decisions', arguments: { topic: 'PostgreSQL' } });
    assert.match(textOf(decisions), /PostgreSQL/);
    assert.equal((await store.list()).length, 1);
  });

  for (const role of ['user', 'readonly'] as const) {
    it(`a ${role} key (no delete_data) may recall but not remember: a tool error naming the permission, nothing stored`, async () => {
      const client = await clientFor(role);
      const refused = await client.callTool({ name: 'remember', arguments: { text: 'decision: drop the tests' } });
      assert.equal(refused.isError, true);
      assert.match(textOf(refused), new RegExp(`role ${role}\\) lacks the delete_data permission that remember needs`));
      assert.equal((await store.list()).length, 0);
      assert.ok(gw.audit.entries.some((e) => e.type === 'gateway-permission-denied' && e.data?.endpoint === 'mcp remember' && e.data?.role === role));
      const recall = await client.callTool({ name: 'recall', arguments: { query: 'anything' } });
      assert.ok(!recall.isError, textOf(recall));
    });
  }

  // By hand, like the HTTP role table: who may call which memory tool.
  const MAY: Record<Role, string[]> = {
    admin: ['recall', 'decisions', 'remember'],
    developer: ['recall', 'decisions', 'remember'],
    user: ['recall', 'decisions'],
    readonly: ['recall', 'decisions'],
    guest: ['recall', 'decisions'],
  };
  const ARGS: Record<string, Record<string, string>> = { recall: { query: 'tabs' }, decisions: { topic: 'tabs' }, remember: { text: 'preference: tabs' } };
  it('every role against every memory tool', async () => {
    for (const role of Object.keys(MAY) as Role[]) {
      const client = await clientFor(role);
      for (const tool of ['recall', 'decisions', 'remember']) {
        const r = await client.callTool({ name: tool, arguments: ARGS[tool] });
        assert.equal(!r.isError, MAY[role].includes(tool), `${role} ${tool}: ${textOf(r)}`);
      }
    }
  });

  it('bad tool input is refused by the schema, storing nothing', async () => {
    const client = await clientFor('admin');
    const r = await client.callTool({ name: 'remember', arguments: { text: '' } });
    assert.equal(r.isError, true);
    assert.match(textOf(r), /Input validation error|too_small|at least 1/i);
    assert.equal((await store.list()).length, 0);
  });

  it('refuses a client without a key, or with a revoked one, before any MCP message is read', async () => {
    await assert.rejects(connect('jgw_wrong'), /401|Invalid API key/);
    const key = await gw.key('admin');
    await connect(key);
    const [record] = (await gw.keys.list()).filter((k) => k.role === 'admin');
    await gw.keys.revoke(record.id);
    await assert.rejects(connect(key), /401|revoked/);
  });

  it('a raw JSON-RPC call answers JSON; GET /mcp (no server stream) is 405', async () => {
    const key = await gw.key('user');
    const headers = { ...jsonBody(key), accept: 'application/json, text/event-stream' };
    const init = await request(gw.port, {
      method: 'POST',
      path: '/mcp',
      headers,
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
      }),
    });
    assert.equal(init.status, 200, init.text);
    assert.equal((init.json().result as { serverInfo: { name: string } }).serverInfo.name, 'jarvis-memory');
    const get = await request(gw.port, { method: 'GET', path: '/mcp', headers: { authorization: `Bearer ${key}` } });
    assert.equal(get.status, 405);
  });
});
