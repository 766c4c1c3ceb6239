import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Registry } from 'prom-client';
import type { Clock } from '../../common/Clock';
import { JarvisError } from '../../common/errors';
import type { CatalogEntry } from '../llm/modelCatalog';
import type { Logger } from '../ports';
import { fromOpenAIChat } from './fromOpenAIChat';
import { GatewayAuditor } from './GatewayAuditor';
import { GatewayError, toGatewayError } from './GatewayError';
import type { GatewayKeyRecord, GatewayKeyStore } from './GatewayKeyStore';
import { GatewayMetrics } from './GatewayMetrics';
import { ENDPOINT_PERMISSIONS, ROLE_PERMISSIONS, roleAllows, type GatewayEndpoint, type Permission } from './permissions';
import { readJsonBody } from './readJsonBody';
import { resolveModel } from './resolveModel';
import { checkRequestOrigin, presentedKey } from './requestGuard';
import { serveChatCompletion, type ChatAgent } from './serveChatCompletion';
import { TokenBucketLimiter, type RateLimit } from './TokenBucketLimiter';

/** Bounds on what one client may hold open or send. */
export interface GatewayLimits {
  /** Largest request body. @default 4 MiB (an agent's request carries whole files) */
  bodyBytes: number;
  /** All request headers must arrive within this (slowloris). @default 10 s */
  headersTimeoutMs: number;
  /** The whole request, body included, must arrive within this. @default 30 s */
  requestTimeoutMs: number;
  /**
   * A connection that sends nothing for this long while its request is still arriving (a stalled
   * body) is answered 408 and closed. Once the request is complete it no longer applies: a model may
   * take a minute before its first token, and a streamed answer may pause between tokens. @default 10 s
   */
  idleTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. @default 5 s */
  keepAliveTimeoutMs: number;
  /** How often Node checks the two timeouts above. @default 1 s (tests pass a few ms) */
  checkIntervalMs: number;
}

export const DEFAULT_LIMITS: GatewayLimits = {
  bodyBytes: 4 * 1024 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  idleTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  checkIntervalMs: 1_000,
};

/** The caller, once its key was checked: MCP tools check their own permission with it. */
export interface GatewayCaller {
  key: GatewayKeyRecord;
  permissions: readonly Permission[];
}

/** `/mcp`, served by the MCP SDK (see McpEndpoint); absent, `/mcp` answers 404. */
export interface McpHandler {
  handle(req: http.IncomingMessage, res: http.ServerResponse, body: unknown, caller: GatewayCaller): Promise<void>;
}

export interface GatewayServerDeps {
  keys: GatewayKeyStore;
  agent: ChatAgent;
  /** The models to list (the same catalog VS Code's model picker shows). */
  models: () => Promise<CatalogEntry[]>;
  /** The metrics collector's prom-client registry, asked for on first use (the collector makes its series lazily). */
  registry: () => Registry;
  mcp?: McpHandler;
  /** Writes the security events to the audit log (shared with the key commands). Without it: none. */
  auditor?: GatewayAuditor;
  clock: Clock;
  logger: Logger;
  limits?: Partial<GatewayLimits>;
}

const ROUTES: Record<string, Record<string, GatewayEndpoint | 'health'>> = {
  '/v1/chat/completions': { POST: 'POST /v1/chat/completions' },
  '/v1/models': { GET: 'GET /v1/models' },
  '/metrics': { GET: 'GET /metrics' },
  '/mcp': { POST: 'POST /mcp' },
  '/healthz': { GET: 'health' },
};

/**
 * The loopback gateway: Jarvis's routing, models, metrics and memory for other tools on this machine,
 * on `127.0.0.1` only (`node:http`). Each request passes, in order: Host and Origin (DNS rebinding,
 * web pages), the route, the API key, its rate limit, the role's permission for the endpoint — and
 * only then reaches routing or memory. Every refusal is OpenAI's error JSON; there is no CORS.
 */
export class GatewayServer {
  private server: http.Server | undefined;
  private boundPort = 0;
  private readonly limiter: TokenBucketLimiter;
  private readonly limits: GatewayLimits;
  private series: GatewayMetrics | undefined;
  /** The request each connection is on (the last one, on a kept-alive connection), for its idle timeout. */
  private readonly exchanges = new WeakMap<Socket, { req: http.IncomingMessage; res: http.ServerResponse }>();
  readonly auditor: GatewayAuditor;

  constructor(private readonly deps: GatewayServerDeps) {
    this.limits = { ...DEFAULT_LIMITS, ...deps.limits };
    this.limiter = new TokenBucketLimiter(deps.clock, { requests: 100, windowSeconds: 60, burst: 0 });
    this.auditor = deps.auditor ?? new GatewayAuditor(undefined, deps.clock, deps.logger);
  }

  private get metrics(): GatewayMetrics {
    return (this.series ??= new GatewayMetrics(this.deps.registry()));
  }

  /** The port listened on (0 while stopped). */
  get port(): number {
    return this.server ? this.boundPort : 0;
  }

  /** The address listened on (undefined while stopped): always 127.0.0.1. */
  get address(): AddressInfo | undefined {
    return (this.server?.address() as AddressInfo | null) ?? undefined;
  }

  get running(): boolean {
    return this.server !== undefined;
  }

  /** New rate limits take effect at once, without a restart. */
  configure(rateLimit: RateLimit): void {
    this.limiter.configure(rateLimit);
  }

  /**
   * Listens on 127.0.0.1:`port` (0: any free port, for tests).
   * @throws JarvisError invalid-input when the port is taken, naming a free one to use instead
   */
  async start(port: number, rateLimit: RateLimit): Promise<number> {
    if (this.server) throw new JarvisError('invalid-input', `The gateway is already running on port ${this.boundPort}.`);
    this.limiter.configure(rateLimit);
    const l = this.limits;
    const server = http.createServer({
      headersTimeout: l.headersTimeoutMs,
      requestTimeout: Math.max(l.requestTimeoutMs, l.headersTimeoutMs),
      keepAliveTimeout: l.keepAliveTimeoutMs,
      connectionsCheckingInterval: l.checkIntervalMs,
    });
    // Node arms the socket inactivity timer on each connection (and the keep-alive timeout after each
    // response); with a 'timeout' listener it leaves the decision to onIdle.
    server.timeout = l.idleTimeoutMs;
    server.on('timeout', (socket: Socket) => this.onIdle(socket));
    server.on('request', (req, res) => {
      this.exchanges.set(req.socket, { req, res });
      // A kept-alive connection's next request: Node cleared the timer, this one is read under it too.
      req.socket.setTimeout(l.idleTimeoutMs);
      void this.handle(req, res);
    });
    // Requests Node could not parse or that were too slow (headers or body past their timeout).
    server.on('clientError', (e: NodeJS.ErrnoException, socket) => {
      if (!socket.writable) return socket.destroy();
      const [status, text] = CLIENT_ERRORS[e.code ?? ''] ?? ['400 Bad Request', 'The request could not be parsed.'];
      const json = JSON.stringify(new GatewayError(Number(status.slice(0, 3)), 'invalid_request_error', 'bad_request', text).body());
      socket.end(`HTTP/1.1 ${status}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(json)}\r\nconnection: close\r\n\r\n${json}`);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
        server.off('error', reject);
        resolve();
      });
    }).catch(async (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EADDRINUSE') throw e;
      const free = await findFreePort(port + 1);
      throw new JarvisError(
        'invalid-input',
        `Port ${port} on 127.0.0.1 is already in use (another program, or the gateway of another VS Code window). Set jarvis.gateway.port to a free port${free ? `, e.g. ${free}` : ''}.`,
      );
    });
    this.server = server;
    this.boundPort = (server.address() as AddressInfo).port;
    this.auditor.started(this.boundPort);
    return this.boundPort;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const port = this.boundPort;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Streams in flight (a long answer, an MCP stream) end now rather than holding the window open.
      server.closeAllConnections();
    });
    await this.deps.keys.flush().catch(() => undefined);
    this.auditor.stopped(port);
  }

  /**
   * The connection was silent for the idle (or keep-alive) timeout. A request still arriving is
   * answered 408 and closed; a complete one is being answered (a slow model, a pause in a stream) and
   * is left alone; between requests the connection is closed.
   */
  private onIdle(socket: Socket): void {
    const current = this.exchanges.get(socket);
    if (current && current.req.complete && !current.res.writableEnded) return;
    if (current && !current.req.complete && !current.res.headersSent) {
      this.metrics.refused('idle');
      const err = new GatewayError(408, 'invalid_request_error', 'request_timeout', 'The request stopped arriving: the gateway closes idle connections.');
      // connection: close makes Node close the socket once the answer is written.
      return sendJson(current.res, 408, err.body(), { connection: 'close' });
    }
    socket.destroy();
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    res.on('finish', () => this.metrics.request(path, res.statusCode));
    try {
      try {
        checkRequestOrigin(req.headers, this.boundPort);
      } catch (e) {
        this.metrics.refused((e as GatewayError).code === 'foreign_host' ? 'host' : 'origin');
        throw e;
      }
      const methods = ROUTES[path];
      if (!methods)
        throw new GatewayError(
          404,
          'not_found_error',
          'unknown_path',
          `No such endpoint: ${path}. Endpoints: POST /v1/chat/completions, GET /v1/models, GET /metrics, POST /mcp, GET /healthz.`,
        );
      const endpoint = methods[req.method ?? ''];
      if (!endpoint) {
        const allow = Object.keys(methods).join(', ');
        throw new GatewayError(405, 'invalid_request_error', 'method_not_allowed', `${req.method} is not allowed on ${path}: use ${allow}.`, { allow });
      }
      if (endpoint === 'health') return sendJson(res, 200, { status: 'ok' });
      const caller = await this.authorize(req, endpoint);
      await this.serve(endpoint, req, res, caller);
    } catch (e) {
      const err = toGatewayError(e);
      if (err.status >= 500) this.deps.logger.warn(`gateway ${req.method} ${path}: ${err.message}`);
      if (res.headersSent) res.end();
      else sendJson(res, err.status, err.body(), err.headers);
      // A body we refused to read is still arriving: close rather than drain it.
      if (err.code === 'body_too_large') req.socket.destroySoon?.();
    }
  }

  /** Key, rate limit, permission — in the seed's order. @throws GatewayError 401, 429 or 403 */
  private async authorize(req: http.IncomingMessage, endpoint: GatewayEndpoint): Promise<GatewayCaller> {
    const check = await this.deps.keys.check(presentedKey(req.headers));
    if (!check.ok) {
      this.auditor.authFailure(check.reason, endpoint, check.key);
      this.metrics.refused('auth');
      throw new GatewayError(401, 'authentication_error', `${check.reason}_api_key`, AUTH_MESSAGES[check.reason], {
        'www-authenticate': 'Bearer realm="jarvis-gateway"',
      });
    }
    const key = check.key;
    const admission = this.limiter.take(key.id);
    if (!admission.allowed) {
      this.auditor.rateLimited(key, endpoint, admission.retryAfterSeconds);
      this.metrics.refused('rate_limit');
      throw new GatewayError(
        429,
        'rate_limit_error',
        'rate_limit_exceeded',
        `Rate limit of gateway key "${key.name}" reached: retry in ${admission.retryAfterSeconds} s.`,
        {
          'retry-after': String(admission.retryAfterSeconds),
        },
      );
    }
    const needed = ENDPOINT_PERMISSIONS[endpoint];
    if (!roleAllows(key.role, needed)) {
      this.auditor.permissionDenied(key, endpoint, needed);
      this.metrics.refused('permission');
      throw new GatewayError(
        403,
        'permission_error',
        'missing_permission',
        `Gateway key "${key.name}" (role ${key.role}) lacks the ${needed} permission that ${endpoint} needs.`,
      );
    }
    this.auditor.authSuccess(key, endpoint);
    return { key, permissions: ROLE_PERMISSIONS[key.role] };
  }

  private async serve(endpoint: GatewayEndpoint, req: http.IncomingMessage, res: http.ServerResponse, caller: GatewayCaller): Promise<void> {
    switch (endpoint) {
      case 'GET /v1/models': {
        const entries = await this.deps.models();
        return sendJson(res, 200, {
          object: 'list',
          data: entries.map((e) => ({ id: e.id, object: 'model', created: 0, owned_by: e.target?.provider ?? 'jarvis' })),
        });
      }
      case 'GET /metrics': {
        const registry = this.deps.registry();
        const text = await registry.metrics();
        res.writeHead(200, { 'content-type': registry.contentType });
        res.end(text);
        return;
      }
      case 'POST /v1/chat/completions': {
        const chat = fromOpenAIChat((await this.readBody(req)) as Record<string, unknown>);
        chat.target ??= await resolveModel(chat.requestedModel, this.deps.models);
        const abort = new AbortController();
        // The client hung up: the model call stops too (no tokens paid for nobody).
        res.on('close', () => {
          if (!res.writableFinished) abort.abort();
        });
        return serveChatCompletion(res, chat, this.deps.agent, this.deps.clock, abort.signal);
      }
      case 'POST /mcp': {
        if (!this.deps.mcp) throw new GatewayError(404, 'not_found_error', 'unknown_path', 'The MCP endpoint is not available in this build.');
        return this.deps.mcp.handle(req, res, await this.readBody(req, true), caller);
      }
      default:
        throw new GatewayError(404, 'not_found_error', 'unknown_path', `No such endpoint: ${endpoint}.`);
    }
  }

  private readBody(req: http.IncomingMessage, allowArray = false): Promise<Record<string, unknown> | unknown[]> {
    return readJsonBody(req, this.limits.bodyBytes, { allowArray }).catch((e: unknown) => {
      this.metrics.refused('body');
      throw e;
    });
  }
}

const CLIENT_ERRORS: Record<string, [string, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: ['408 Request Timeout', 'The request did not arrive in time: the gateway closes slow connections.'],
  HPE_HEADER_OVERFLOW: ['431 Request Header Fields Too Large', 'The request headers are too large.'],
};

const AUTH_MESSAGES: Record<'missing' | 'unknown' | 'expired' | 'revoked', string> = {
  missing: 'No API key: send "Authorization: Bearer <key>" or "X-API-Key: <key>" (create one with "Jarvis: Create Gateway API Key…").',
  unknown: 'Invalid API key.',
  expired: 'This API key has expired: create a new one with "Jarvis: Create Gateway API Key…".',
  revoked: 'This API key was revoked.',
};

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json), ...headers });
  res.end(json);
}

/** The first port from `from` (up to ten tried) nothing listens on, for the "port in use" message. */
async function findFreePort(from: number): Promise<number | undefined> {
  for (let p = from; p < from + 10 && p <= 65_535; p++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = http.createServer();
      probe.once('error', () => resolve(false));
      probe.listen({ port: p, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve(true)));
    });
    if (free) return p;
  }
  return undefined;
}
