/**
 * Typed Jarvis settings. Every setting is declared once here with its default; a unit test checks
 * these defaults against package.json `contributes.configuration`.
 */
import type { TierName } from './tiers';

export type ComplexitySetting = 'auto' | TierName;
export type EmbedderSetting = 'auto' | 'ollama' | 'openai' | 'offline';
export interface PriceOverride {
  input: number;
  output: number;
}

export type PrivacyMode = 'keepLocal' | 'redact' | 'block';
export const PRIVACY_MODES: readonly PrivacyMode[] = ['keepLocal', 'redact', 'block'];

export type QualityJudgeSetting = 'rules' | 'rules+local' | 'rules+cloud';
export const QUALITY_JUDGE_SETTINGS: readonly QualityJudgeSetting[] = ['rules', 'rules+local', 'rules+cloud'];

export interface JarvisSettings {
  ollama: { enabled: boolean; host: string; model: string };
  openai: { baseUrl: string };
  anthropic: { baseUrl: string };
  /** The providers' own model lists (GET /v1/models): background refresh interval in hours (0: only on demand). */
  cloudModels: { refreshHours: number };
  chat: { historyTurns: number; systemPrompt: string };
  routing: {
    /** Share of answers computed locally, kept over a sliding window. */
    localRatio: number;
    /** Local answers scoring below this are escalated to the cloud. */
    qualityThreshold: number;
    /**
     * Who scores local answers: the rules alone, or the rules with a model judge for the answers the
     * rules are unsure about (a local model, or a cheap cloud model when privacy and budget allow).
     */
    qualityJudge: QualityJudgeSetting;
    /** 'auto' analyses each request; a tier forces it. */
    complexity: ComplexitySetting;
    /** Tier → "provider:model" candidates, in order. Validated by parseRouteTable. */
    tiers: Record<TierName, string[]>;
    /** Offer chat models other extensions provide through vscode.lm as cloud candidates. */
    useVscodeModels: boolean;
    /** 'learned': the shipped classifier with rule rails; 'rules': the rules analyzer alone. */
    classifier: 'learned' | 'rules';
    /** Learn from /cloud re-asks and quality escalations in this workspace (kept on this machine). */
    learnFromFeedback: boolean;
  };
  /** Model (or prefix) → $ per 1M tokens, added to or replacing the built-in table. */
  pricing: { overrides: Record<string, PriceOverride> };
  /** US dollars of cloud spend; 0 means no cap. */
  budget: { dailyUsd: number; monthlyUsd: number };
  privacy: {
    localOnly: string[];
    /**
     * What a detected secret does to a request: `keepLocal` answers it locally, `redact` replaces each
     * secret with `[REDACTED:<kind>]` before any model sees it, `block` refuses any cloud call.
     */
    mode: PrivacyMode;
  };
  audit: {
    /** Keep the text sent to cloud models in the egress ledger (off: only its SHA-256). */
    storeContent: boolean;
    /** Days of audit records kept; older ones are folded into a checkpoint that keeps the chain verifiable. */
    retentionDays: number;
  };
  resilience: {
    maxRetries: number;
    breakerThreshold: number;
    breakerCooldownSeconds: number;
    firstTokenTimeoutSeconds: number;
    idleTimeoutSeconds: number;
  };
  cache: { enabled: boolean; memorySize: number; defaultTtl: number; redisUrl: string };
  memory: {
    enabled: boolean;
    retentionDays: number;
    embedder: EmbedderSetting;
    ollamaEmbedModel: string;
    openaiEmbedModel: string;
    decayHours: number;
    contextTokenBudget: number;
    maxResults: number;
  };
  preferences: {
    learning: boolean;
    confidenceThreshold: number;
    /** Also let the local model read each message in the background and propose what the extractor missed (for review). */
    llm: boolean;
    /** Most tokens of preferences added to one prompt. */
    maxPromptTokens: number;
  };
  /** Structured JSON-lines log file beside the "Jarvis" output channel ('' = none). */
  log: { file: string; maxSizeMb: number; retentionDays: number };
  alerts: {
    enabled: boolean;
    /** Slack-compatible incoming-webhook URL ('' = notifications only). */
    webhookUrl: string;
    /** An alert that fired is not raised again for this long. */
    cooldownSeconds: number;
    /** Error share over the last 5 minutes that raises the error-rate alert. */
    errorRate: number;
    /** Extension-host heap (MB) that raises the memory alert. */
    memoryMb: number;
  };
  /** The opt-in loopback gateway (OpenAI-compatible API and MCP memory server) for other tools on this machine. */
  gateway: {
    enabled: boolean;
    /** TCP port on 127.0.0.1. */
    port: number;
    /** Token bucket per API key: `requests` tokens refill over `window` seconds; the bucket holds `burst` (0: as many as `requests`). */
    rateLimit: { requests: number; window: number; burst: number };
  };
}

export const DEFAULT_SETTINGS: JarvisSettings = {
  ollama: {
    enabled: true,
    host: 'http://localhost:11434',
    model: 'llama3',
  },
  openai: { baseUrl: 'https://api.openai.com/v1' },
  anthropic: { baseUrl: 'https://api.anthropic.com' },
  cloudModels: { refreshHours: 24 },
  chat: {
    historyTurns: 10,
    systemPrompt:
      'You are Jarvis, a concise coding assistant inside VS Code. Answer with correct, minimal code and short explanations. Use fenced code blocks with a language tag.',
  },
  routing: {
    localRatio: 0.8,
    qualityThreshold: 0.7,
    qualityJudge: 'rules',
    complexity: 'auto',
    tiers: {
      trivial: ['ollama:phi3', 'ollama:llama3'],
      low: ['ollama:llama3'],
      medium: ['ollama:mistral', 'openai:gpt-4o-mini'],
      high: ['openai:gpt-4o', 'anthropic:claude-sonnet-4-0'],
      critical: ['anthropic:claude-opus-4-0', 'openai:gpt-4o'],
    },
    useVscodeModels: true,
    classifier: 'learned',
    learnFromFeedback: true,
  },
  pricing: { overrides: {} },
  budget: { dailyUsd: 5, monthlyUsd: 50 },
  privacy: {
    localOnly: ['**/.env', '**/.env.*', '**/*.pem', '**/*.key', '**/secrets/**', '**/credentials*'],
    mode: 'keepLocal',
  },
  audit: { storeContent: false, retentionDays: 90 },
  resilience: {
    maxRetries: 3,
    breakerThreshold: 5,
    breakerCooldownSeconds: 60,
    firstTokenTimeoutSeconds: 120,
    idleTimeoutSeconds: 60,
  },
  cache: { enabled: true, memorySize: 1000, defaultTtl: 3600, redisUrl: '' },
  memory: {
    enabled: true,
    retentionDays: 90,
    embedder: 'auto',
    ollamaEmbedModel: 'nomic-embed-text',
    openaiEmbedModel: 'text-embedding-3-small',
    decayHours: 720,
    contextTokenBudget: 1500,
    maxResults: 5,
  },
  preferences: { learning: true, confidenceThreshold: 0.7, llm: false, maxPromptTokens: 300 },
  log: { file: '', maxSizeMb: 100, retentionDays: 30 },
  alerts: { enabled: true, webhookUrl: '', cooldownSeconds: 300, errorRate: 0.1, memoryMb: 1024 },
  // The seed's 100 requests per 60 s; Ollama's own port is 11434, so the gateway takes the next one.
  gateway: { enabled: false, port: 11435, rateLimit: { requests: 100, window: 60, burst: 0 } },
};

/** Settings whose value is an object as a whole (not a group of further settings). */
const OBJECT_VALUED = new Set(['jarvis.routing.tiers', 'jarvis.pricing.overrides']);

/** Flat `jarvis.*` key → default, in the shape package.json declares them. */
export function flattenDefaults(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (obj: object, prefix: string) => {
    for (const [k, v] of Object.entries(obj)) {
      const key = `jarvis.${prefix}${k}`;
      if (v !== null && typeof v === 'object' && !Array.isArray(v) && !OBJECT_VALUED.has(key)) walk(v, `${prefix}${k}.`);
      else out[key] = v;
    }
  };
  walk(DEFAULT_SETTINGS, '');
  return out;
}
