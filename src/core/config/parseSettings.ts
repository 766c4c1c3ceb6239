import { parseRouteTable, type RouteTable } from './parseRouteTable';
import { TIER_NAMES, type TierName } from './tiers';
import { DEFAULT_SETTINGS, JarvisSettings, PriceOverride, PRIVACY_MODES, QUALITY_JUDGE_SETTINGS, type QualityJudgeSetting } from './settings';
import { SettingReader } from './SettingReader';

export interface ParsedSettings {
  settings: JarvisSettings;
  /** One human-readable line per invalid value that was replaced by its default. */
  warnings: string[];
}

/** Reads every setting defensively; see SettingReader. */
export function parseSettings(read: (key: string) => unknown): ParsedSettings {
  const r = new SettingReader(read);
  const d = DEFAULT_SETTINGS;
  const settings: JarvisSettings = {
    ollama: {
      enabled: r.bool('ollama.enabled', d.ollama.enabled),
      host: stripSlash(r.str('ollama.host', d.ollama.host, checkHttpUrl)),
      model: r.str('ollama.model', d.ollama.model, checkModelName),
    },
    openai: { baseUrl: stripSlash(r.str('openai.baseUrl', d.openai.baseUrl, checkHttpUrl)) },
    anthropic: { baseUrl: stripSlash(r.str('anthropic.baseUrl', d.anthropic.baseUrl, checkHttpUrl)) },
    cloudModels: { refreshHours: r.int('cloudModels.refreshHours', d.cloudModels.refreshHours, 0, 720) },
    chat: {
      historyTurns: r.int('chat.historyTurns', d.chat.historyTurns, 0, 100),
      systemPrompt: r.str('chat.systemPrompt', d.chat.systemPrompt),
    },
    routing: {
      localRatio: r.num('routing.localRatio', d.routing.localRatio, 0, 1),
      qualityThreshold: r.num('routing.qualityThreshold', d.routing.qualityThreshold, 0, 1),
      qualityJudge: qualityJudge(r, read, d.routing.qualityJudge),
      complexity: r.oneOf('routing.complexity', d.routing.complexity, ['auto', ...TIER_NAMES]),
      tiers: r.custom('routing.tiers', d.routing.tiers, parseTiers),
      useVscodeModels: r.bool('routing.useVscodeModels', d.routing.useVscodeModels),
      classifier: r.oneOf('routing.classifier', d.routing.classifier, ['learned', 'rules']),
      learnFromFeedback: r.bool('routing.learnFromFeedback', d.routing.learnFromFeedback),
    },
    pricing: { overrides: r.custom('pricing.overrides', d.pricing.overrides, parsePrices) },
    budget: {
      dailyUsd: r.num('budget.dailyUsd', d.budget.dailyUsd, 0, 1_000_000),
      monthlyUsd: r.num('budget.monthlyUsd', d.budget.monthlyUsd, 0, 1_000_000),
    },
    privacy: {
      localOnly: r.strings('privacy.localOnly', d.privacy.localOnly),
      mode: r.oneOf('privacy.mode', d.privacy.mode, PRIVACY_MODES),
    },
    audit: {
      storeContent: r.bool('audit.storeContent', d.audit.storeContent),
      retentionDays: r.int('audit.retentionDays', d.audit.retentionDays, 1, 3650),
    },
    resilience: {
      maxRetries: r.int('resilience.maxRetries', d.resilience.maxRetries, 0, 10),
      breakerThreshold: r.int('resilience.breakerThreshold', d.resilience.breakerThreshold, 1, 100),
      breakerCooldownSeconds: r.int('resilience.breakerCooldownSeconds', d.resilience.breakerCooldownSeconds, 1, 3600),
      firstTokenTimeoutSeconds: r.int('resilience.firstTokenTimeoutSeconds', d.resilience.firstTokenTimeoutSeconds, 1, 3600),
      idleTimeoutSeconds: r.int('resilience.idleTimeoutSeconds', d.resilience.idleTimeoutSeconds, 1, 3600),
    },
    cache: {
      enabled: r.bool('cache.enabled', d.cache.enabled),
      memorySize: r.int('cache.memorySize', d.cache.memorySize, 0, 1_000_000),
      defaultTtl: r.int('cache.defaultTtl', d.cache.defaultTtl, 1, 30 * 24 * 3600),
      redisUrl: r.str('cache.redisUrl', d.cache.redisUrl, checkRedisUrl),
    },
    memory: {
      enabled: r.bool('memory.enabled', d.memory.enabled),
      retentionDays: r.int('memory.retentionDays', d.memory.retentionDays, 1, 36500),
      embedder: r.oneOf('memory.embedder', d.memory.embedder, ['auto', 'ollama', 'openai', 'offline']),
      ollamaEmbedModel: r.str('memory.ollamaEmbedModel', d.memory.ollamaEmbedModel, checkModelName),
      openaiEmbedModel: r.str('memory.openaiEmbedModel', d.memory.openaiEmbedModel, (s) => (s === '' ? 'must not be empty' : undefined)),
      decayHours: r.num('memory.decayHours', d.memory.decayHours, 1, 1_000_000),
      contextTokenBudget: r.int('memory.contextTokenBudget', d.memory.contextTokenBudget, 0, 100_000),
      maxResults: r.int('memory.maxResults', d.memory.maxResults, 0, 50),
    },
    preferences: {
      learning: r.bool('preferences.learning', d.preferences.learning),
      confidenceThreshold: r.num('preferences.confidenceThreshold', d.preferences.confidenceThreshold, 0, 1),
      llm: r.bool('preferences.llm', d.preferences.llm),
      maxPromptTokens: r.int('preferences.maxPromptTokens', d.preferences.maxPromptTokens, 0, 4000),
    },
    log: {
      file: r.str('log.file', d.log.file, checkLogFile),
      maxSizeMb: r.int('log.maxSizeMb', d.log.maxSizeMb, 1, 10_000),
      retentionDays: r.int('log.retentionDays', d.log.retentionDays, 1, 3650),
    },
    alerts: {
      enabled: r.bool('alerts.enabled', d.alerts.enabled),
      webhookUrl: r.str('alerts.webhookUrl', d.alerts.webhookUrl, checkWebhookUrl),
      cooldownSeconds: r.int('alerts.cooldownSeconds', d.alerts.cooldownSeconds, 0, 86_400),
      errorRate: r.num('alerts.errorRate', d.alerts.errorRate, 0, 1),
      memoryMb: r.int('alerts.memoryMb', d.alerts.memoryMb, 64, 65_536),
    },
    gateway: {
      enabled: r.bool('gateway.enabled', d.gateway.enabled),
      port: r.int('gateway.port', d.gateway.port, 1024, 65_535),
      rateLimit: {
        requests: r.int('gateway.rateLimit.requests', d.gateway.rateLimit.requests, 1, 1_000_000),
        window: r.int('gateway.rateLimit.window', d.gateway.rateLimit.window, 1, 86_400),
        burst: r.int('gateway.rateLimit.burst', d.gateway.rateLimit.burst, 0, 1_000_000),
      },
    },
  };
  return { settings, warnings: r.warnings };
}

function stripSlash(s: string): string {
  return s.replace(/\/+$/, '');
}

function checkHttpUrl(s: string): string | undefined {
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return 'must be a URL such as http://localhost:11434';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must start with http:// or https://';
  if (url.username || url.password) return 'must not contain credentials';
  return undefined;
}

function checkRedisUrl(s: string): string | undefined {
  if (s === '') return undefined; // empty: no shared tier
  try {
    const url = new URL(s);
    return url.protocol === 'redis:' || url.protocol === 'rediss:' ? undefined : 'must start with redis:// or rediss://';
  } catch {
    return 'must be a URL such as redis://localhost:6379';
  }
}

function checkLogFile(s: string): string | undefined {
  if (s === '') return undefined; // empty: the output channel only
  return s.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(s) || s.startsWith('~/') ? undefined : 'must be an absolute path (or start with ~/)';
}

function checkWebhookUrl(s: string): string | undefined {
  if (s === '') return undefined; // empty: VS Code notifications only
  try {
    const url = new URL(s);
    return url.protocol === 'https:' || url.protocol === 'http:' ? undefined : 'must be an http(s) URL';
  } catch {
    return 'must be a URL such as https://hooks.slack.com/services/…';
  }
}

// Ollama names: optional namespace/, name, optional :tag — letters, digits, . _ - only.
const MODEL_NAME = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*(:[a-z0-9][a-z0-9._-]*)?$/i;

function checkModelName(s: string): string | undefined {
  if (s === '') return 'must not be empty';
  if (s.length > 200 || !MODEL_NAME.test(s)) return 'must be an Ollama model name such as llama3 or qwen2.5-coder:7b';
  return undefined;
}

function parseTiers(v: unknown): Record<TierName, string[]> {
  const table = parseRouteTable(v, defaultRoutes()); // throws a message naming the bad tier or route
  const out = {} as Record<TierName, string[]>;
  for (const tier of TIER_NAMES) out[tier] = table[tier].map((c) => `${c.provider}:${c.model}`);
  return out;
}

function parsePrices(v: unknown): Record<string, PriceOverride> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error('expected an object of model → { "input": $, "output": $ } per 1M tokens.');
  const out: Record<string, PriceOverride> = {};
  for (const [model, p] of Object.entries(v)) {
    const { input, output } = (p ?? {}) as Record<string, unknown>;
    const ok = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0;
    if (!ok(input) || !ok(output)) throw new Error(`"${model}" needs non-negative numbers "input" and "output" ($ per 1M tokens).`);
    out[model] = { input: input as number, output: output as number };
  }
  return out;
}

let defaults: RouteTable | undefined;
/** The default tiers as a table, for tiers a user's setting leaves out. */
function defaultRoutes(): RouteTable {
  defaults ??= parseRouteTable(DEFAULT_SETTINGS.routing.tiers, {} as RouteTable);
  return defaults;
}

/**
 * `jarvis.routing.qualityJudge` was `heuristic` | `llm` before the rules-based gate: those values
 * still work (heuristic → rules, llm → rules+local) and a warning says what to write instead.
 */
function qualityJudge(r: SettingReader, read: (key: string) => unknown, def: QualityJudgeSetting): QualityJudgeSetting {
  const raw = read('routing.qualityJudge');
  const old: Record<string, QualityJudgeSetting> = { heuristic: 'rules', llm: 'rules+local' };
  if (typeof raw === 'string' && old[raw]) {
    r.warnings.push(`jarvis.routing.qualityJudge "${raw}" is an old value; using "${old[raw]}". Change the setting to "${old[raw]}" to silence this warning.`);
    return old[raw];
  }
  return r.oneOf('routing.qualityJudge', def, QUALITY_JUDGE_SETTINGS);
}
