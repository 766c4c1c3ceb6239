import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { Lazy } from '../../common/Lazy';
import { errorMessage } from '../../common/errors';
import type { SlashCommand } from '../chat/ChatPipeline';
import { MAX_MEMORY_TOOL_INPUT, runMemoryTool, type MemoryToolName } from '../memory/memoryTools';
import type { GatewayAuditor } from './GatewayAuditor';
import type { GatewayCaller, McpHandler } from './GatewayServer';
import { ENDPOINT_PERMISSIONS } from './permissions';

/** The MCP tools: the chat's /recall, /remember and /decisions, under the names MCP clients see. */
const TOOLS: { name: 'recall' | 'remember' | 'decisions'; memory: MemoryToolName; field: string; description: string; fieldDescription: string }[] = [
  {
    name: 'recall',
    memory: 'jarvis_recall',
    field: 'query',
    description:
      'Search what Jarvis remembers about this workspace (decisions, conventions, facts) by meaning and by keyword. Returns the best matches with their dates.',
    fieldDescription: 'What to look for, in words.',
  },
  {
    name: 'remember',
    memory: 'jarvis_remember',
    field: 'text',
    description: 'Store a decision, preference or fact for this workspace, e.g. "decision: we use pnpm, not npm". Refused in an untrusted workspace.',
    fieldDescription: 'One short statement; prefix with "decision:", "preference:" or "fact:" to type it.',
  },
  {
    name: 'decisions',
    memory: 'jarvis_decisions',
    field: 'topic',
    description: 'List the decisions Jarvis remembers about a topic, newest first.',
    fieldDescription: 'The topic, e.g. "database" or "testing".',
  },
];

/** The SDK and zod, from one vendor file (dist/vendor/mcp-sdk.js), loaded on the first /mcp request. */
const sdk = new Lazy(async () => {
  const [mcp, http, zod] = await Promise.all([
    import('@modelcontextprotocol/sdk/server/mcp.js'),
    import('@modelcontextprotocol/sdk/server/streamableHttp.js'),
    import('zod'),
  ]);
  return { McpServer: mcp.McpServer, StreamableHTTPServerTransport: http.StreamableHTTPServerTransport, z: zod.z };
});

type Sdk = Awaited<ReturnType<typeof sdk.get>>;

export interface McpEndpointDeps {
  /** The memory slash commands (the same objects the chat and the vscode.lm tools use). */
  commands: readonly SlashCommand[];
  auditor?: GatewayAuditor;
  version: string;
}

/**
 * `/mcp`: Jarvis's memory as an MCP server over Streamable HTTP, with the official SDK. Stateless — a
 * server and transport per request, as the SDK's stateless example does — because the gateway has
 * already authenticated this request and its key may be revoked before the next one; there is no
 * session to outlive it. Every tool is listed; calling one the key's role lacks the permission for
 * answers a tool error naming the permission.
 */
export class McpEndpoint implements McpHandler {
  constructor(private readonly deps: McpEndpointDeps) {}

  async handle(req: IncomingMessage, res: ServerResponse, body: unknown, caller: GatewayCaller): Promise<void> {
    const { McpServer, StreamableHTTPServerTransport } = await sdk.get();
    const server = new McpServer({ name: 'jarvis-memory', version: this.deps.version }, { capabilities: { tools: {} } });
    await this.register(server, caller);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  }

  private async register(server: InstanceType<Sdk['McpServer']>, caller: GatewayCaller): Promise<void> {
    const { z } = await sdk.get();
    for (const tool of TOOLS) {
      const inputSchema = { [tool.field]: z.string().min(1).max(MAX_MEMORY_TOOL_INPUT).describe(tool.fieldDescription) };
      server.registerTool(
        tool.name,
        { description: tool.description, inputSchema },
        async (args: Record<string, unknown>, extra: { signal: AbortSignal }): Promise<CallToolResult> => {
          const endpoint = `mcp ${tool.name}` as const;
          const permission = ENDPOINT_PERMISSIONS[endpoint];
          if (!caller.permissions.includes(permission)) {
            this.deps.auditor?.permissionDenied(caller.key, endpoint, permission);
            return failure(`Gateway key "${caller.key.name}" (role ${caller.key.role}) lacks the ${permission} permission that ${tool.name} needs.`);
          }
          try {
            return { content: [{ type: 'text', text: await runMemoryTool(this.deps.commands, tool.memory, args, extra.signal) }] };
          } catch (e) {
            return failure(errorMessage(e));
          }
        },
      );
    }
  }
}

function failure(text: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text }] };
}
