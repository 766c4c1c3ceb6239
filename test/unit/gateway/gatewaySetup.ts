/** A real gateway on 127.0.0.1 (port 0) over the real routing service, the fake Ollama and a fake clock. */
import type { AuditEntry, AuditSink } from '../../../src/core/audit/AuditLog';
import { GatewayAuditor } from '../../../src/core/gateway/GatewayAuditor';
import { GatewayKeyStore } from '../../../src/core/gateway/GatewayKeyStore';
import { GatewayServer, type GatewayLimits, type McpHandler } from '../../../src/core/gateway/GatewayServer';
import type { Role } from '../../../src/core/gateway/permissions';
import type { RateLimit } from '../../../src/core/gateway/TokenBucketLimiter';
import { OllamaModels } from '../../../src/core/llm/ollama/OllamaModels';
import { AgentResponder } from '../../../src/core/routing/AgentResponder';
import { listModelCatalog } from '../../../src/core/routing/listModelCatalog';
import { FakeClock } from '../../fakes/FakeClock';
import { MemorySecrets } from '../../fakes/MemorySecrets';
import { FakeOllamaServer, type FakeOllamaOptions } from '../../fakes/FakeOllamaServer';
import { FakeOpenAIServer } from '../../fakes/FakeOpenAIServer';
import type { JarvisSettings } from '../../../src/core/config/settings';
import { makeService, OPENAI_KEY, RecordingLogger, testSettings, type DeepPartial } from '../routing/routingServiceSetup';

export class RecordingAudit implements AuditSink {
  readonly entries: AuditEntry[] = [];
  async append(entry: AuditEntry): Promise<unknown> {
    this.entries.push(entry);
    return entry;
  }
  types(): string[] {
    return this.entries.map((e) => e.type);
  }
}

export interface Gateway {
  server: GatewayServer;
  keys: GatewayKeyStore;
  clock: FakeClock;
  audit: RecordingAudit;
  secrets: MemorySecrets;
  ollama: FakeOllamaServer;
  /** Started (and keyed) only when asked for with `openai: true`. */
  openai?: FakeOpenAIServer;
  settings: JarvisSettings;
  port: number;
  baseUrl: string;
  /** A new key of this role; its raw text. */
  key(role: Role, expiresInDays?: number | null): Promise<string>;
  close(): Promise<void>;
}

export const GENEROUS: RateLimit = { requests: 10_000, windowSeconds: 60, burst: 0 };

export interface GatewayOptions {
  rateLimit?: RateLimit;
  limits?: Partial<GatewayLimits>;
  mcp?: McpHandler;
  /** The fake Ollama's options. @default { models: ['llama3'] } (the first model is jarvis.ollama.model) */
  ollama?: FakeOllamaOptions;
  /** Also start a fake OpenAI server and give the routing service its key (cloud models). */
  openai?: boolean;
  /** Settings sections over the test defaults (e.g. privacy, budget). */
  settings?: DeepPartial<JarvisSettings>;
}

/**
 * Starts the fake Ollama (llama3), the routing service and a gateway; `close()` stops all of them.
 * The routing service writes its audit records (egress ledger, privacy) to the same `audit` as the gateway.
 */
export async function startGateway(o: GatewayOptions = {}): Promise<Gateway> {
  const ollama = await FakeOllamaServer.start({ models: ['llama3'], ...o.ollama });
  const openai = o.openai ? await FakeOpenAIServer.start({ apiKey: OPENAI_KEY }) : undefined;
  const clock = new FakeClock(Date.UTC(2026, 11, 1, 12));
  const settings = testSettings({
    ...o.settings,
    ollama: { enabled: true, host: ollama.url, model: o.ollama?.models?.[0] ?? 'llama3' },
    ...(openai ? { openai: { baseUrl: openai.url } } : {}),
  });
  const logger = new RecordingLogger();
  const audit = new RecordingAudit();
  const { service } = makeService({ settings, keys: openai ? { openai: OPENAI_KEY } : {}, clock, logger, audit });
  const auditor = new GatewayAuditor(audit, clock, logger);
  const secrets = new MemorySecrets();
  const keys = new GatewayKeyStore(secrets, clock, auditor);
  const models = new OllamaModels(() => ({ host: ollama.url }));
  const server = new GatewayServer({
    keys,
    agent: new AgentResponder(service, logger),
    models: () => listModelCatalog({ settings: () => settings, keys: { has: async (p) => openai !== undefined && p === 'openai' }, models, logger }),
    registry: () => service.metrics.registry,
    auditor,
    clock,
    logger,
    limits: o.limits,
    mcp: o.mcp,
  });
  const port = await server.start(0, o.rateLimit ?? GENEROUS);
  let n = 0;
  return {
    server,
    keys,
    clock,
    audit,
    secrets,
    ollama,
    openai,
    settings,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    key: async (role, expiresInDays) => (await keys.create({ name: `${role}-${++n}`, role, ...(expiresInDays !== undefined ? { expiresInDays } : {}) })).key,
    close: async () => {
      await server.stop();
      service.dispose();
      await ollama.close();
      await openai?.close();
    },
  };
}
