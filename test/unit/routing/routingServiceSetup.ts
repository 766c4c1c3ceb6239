/** Shared setup for the routing service tests: real fake servers, real SDKs, injected time. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AuditSink } from '../../../src/core/audit/AuditLog';
import { FakeClock } from '../../fakes/FakeClock';
import { type Clock } from '../../../src/common/Clock';
import type { ChatChunk } from '../../../src/core/chat/ChatChunk';
import type { PreparedRequest } from '../../../src/core/chat/ChatPipeline';
import { DEFAULT_SETTINGS, type JarvisSettings } from '../../../src/core/config/settings';
import { OllamaModels } from '../../../src/core/llm/ollama/OllamaModels';
import { RoutingService } from '../../../src/core/routing/RoutingService';
import type { Timer } from '../../../src/core/resilience/Timer';
import { MemoryKv } from '../../fakes/MemoryKv';
import { RecordingLogger } from '../../fakes/RecordingLogger';

export const OPENAI_KEY = 'test-key-0123456789';

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K] };

/** Defaults with small, test-friendly timeouts; `over` replaces whole leaves. */
export function testSettings(over: DeepPartial<JarvisSettings> = {}): JarvisSettings {
  const base: JarvisSettings = structuredClone(DEFAULT_SETTINGS);
  base.resilience = { ...base.resilience, maxRetries: 1, firstTokenTimeoutSeconds: 5, idleTimeoutSeconds: 5 };
  base.cache = { ...base.cache, redisUrl: '' };
  base.budget = { dailyUsd: 0, monthlyUsd: 0 };
  for (const [section, value] of Object.entries(over)) {
    (base as unknown as Record<string, object>)[section] = { ...(base as unknown as Record<string, object>)[section], ...(value as object) };
  }
  return base;
}

export { MemoryKv as MapStore };

export { RecordingLogger };

export interface ServiceOptions {
  settings: JarvisSettings;
  keys?: { openai?: string; anthropic?: string };
  store?: MemoryKv;
  clock?: Clock;
  timer?: Timer;
  logger?: RecordingLogger;
  sdkMaxRetries?: number;
  audit?: AuditSink;
  countTokens?: (text: string) => Promise<number>;
  workspaceTrusted?: () => boolean;
  /** Where routing learns per workspace; without it nothing is learned. */
  workspaceStore?: MemoryKv;
  /** The complexity model file's text; without it the rules decide. */
  complexityModel?: () => string;
}

export function makeService(o: ServiceOptions): { service: RoutingService; store: MemoryKv; logger: RecordingLogger; settings: JarvisSettings } {
  const store = o.store ?? new MemoryKv();
  const logger = o.logger ?? new RecordingLogger();
  const settings = o.settings;
  const models = new OllamaModels(() => ({ host: settings.ollama.host }));
  const service = new RoutingService({
    settings: () => settings,
    keys: { get: async (p) => o.keys?.[p] },
    ollamaModels: () => models.list(),
    ollamaDetails: (m) => models.show(m),
    store,
    clock: o.clock ?? new FakeClock(Date.UTC(2025, 0, 15, 12)),
    logger,
    timer: o.timer,
    random: () => 0,
    ...(o.sdkMaxRetries !== undefined ? { sdkMaxRetries: o.sdkMaxRetries } : {}),
    ...(o.audit ? { audit: o.audit } : {}),
    ...(o.workspaceTrusted ? { workspaceTrusted: o.workspaceTrusted } : {}),
    ...(o.countTokens ? { countTokens: o.countTokens } : {}),
    ...(o.workspaceStore ? { workspaceStore: o.workspaceStore } : {}),
    ...(o.complexityModel ? { complexityModel: o.complexityModel } : {}),
  });
  return { service, store, logger, settings };
}

export function prepared(prompt: string, extra: Partial<PreparedRequest> = {}): PreparedRequest {
  return {
    prompt,
    messages: [
      { role: 'system', content: 'You are Jarvis.' },
      { role: 'user', content: prompt },
    ],
    attachments: [],
    signal: new AbortController().signal,
    ...extra,
  };
}

export async function collectChunks(it: AsyncIterable<ChatChunk>): Promise<ChatChunk[]> {
  const out: ChatChunk[] = [];
  for await (const c of it) out.push(c);
  return out;
}

export function textOf(chunks: ChatChunk[]): string {
  return chunks.map((c) => (c.type === 'markdown' ? c.text : '')).join('');
}

export function doneOf(chunks: ChatChunk[]): Extract<ChatChunk, { type: 'done' }> {
  const d = chunks.find((c) => c.type === 'done');
  if (!d || d.type !== 'done') throw new Error(`no done chunk in ${JSON.stringify(chunks)}`);
  return d;
}

export function modelOf(chunks: ChatChunk[]): Extract<ChatChunk, { type: 'model' }> {
  const m = chunks.find((c) => c.type === 'model');
  if (!m || m.type !== 'model') throw new Error(`no model chunk in ${JSON.stringify(chunks)}`);
  return m;
}

export function notices(chunks: ChatChunk[]): string[] {
  return chunks.flatMap((c) => (c.type === 'notice' ? [c.message] : []));
}

export const TRIVIAL = 'What is a closure?';
export const CRITICAL = 'Design a distributed payment architecture for production with secure auth and encryption.';
export const MEDIUM = 'Write a function that parses ISO dates into objects.';

/** The complexity model file the extension ships (extension.ts reads the same path). */
export const shippedComplexityModel = (): string => fs.readFileSync(path.resolve(__dirname, '../../../../media/router/complexity-model.json'), 'utf8');
