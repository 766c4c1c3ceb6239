import type { AuditSink } from '../audit/AuditLog';
/**
 * The contract between the routing service (core, src/core/routing/RoutingService.ts) and the
 * VS Code side (commands, status-bar cost readout, vscode.lm models). Written first so both sides
 * can be built at the same time.
 */
import type { Event } from '../../common/Emitter';
import type { IDisposable } from '../../common/Disposable';
import type { Clock } from '../../common/Clock';
import type { JarvisSettings } from '../config/settings';
import type { OllamaModelDetails, OllamaModelInfo } from '../llm/ollama/OllamaTypes';
import type { LlmProvider } from '../llm/types';
import type { KeyValueStore, Logger } from '../ports';
import type { Responder } from '../chat/ChatPipeline';
import type { Timer } from '../resilience/Timer';
import type { QualityGate } from './quality/QualityGate';

/** Chat models other extensions provide through vscode.lm, adapted to LlmProvider by src/vscode. */
export interface ExtraModelSource {
  /** Models currently available, each with the provider that answers for it. */
  list(): Promise<{ provider: LlmProvider; model: string; vendor: string }[]>;
}

export interface RoutingServiceDeps {
  settings: () => JarvisSettings;
  /**
   * Fires with the new settings after they change (SettingsStore.onDidChange). The service rebuilds
   * what depends on them then, never per request. Without it, the settings of the first request stay.
   */
  onDidChangeSettings?: Event<JarvisSettings>;
  keys: { get(provider: 'openai' | 'anthropic'): Promise<string | undefined> };
  /** Installed Ollama models (cached by the service for a short time). */
  ollamaModels: () => Promise<OllamaModelInfo[]>;
  /** `/api/show` of one model: which installed models can call tools. Optional: without it all are assumed to. */
  ollamaDetails?: (model: string) => Promise<OllamaModelDetails>;
  /** The one Ollama chat provider of the composition root (shared with the preference reader). @default one built from `settings().ollama.host` */
  ollama?: LlmProvider;
  extraModels?: ExtraModelSource;
  /** Where the performance tracker and budget state persist (VS Code globalState). */
  store: KeyValueStore;
  clock: Clock;
  logger: Logger;
  /** Schedules retry waits, stream deadlines and debounced saves. @default systemTimer (tests inject a FakeTimer). */
  timer?: Timer;
  /**
   * The local-answer quality gate (the composition root passes one whose tree-sitter grammars load
   * from the extension's dist/vendor/). @default a gate loading grammars from node_modules
   */
  qualityGate?: QualityGate;
  /** Uniform [0, 1) for retry jitter. @default Math.random (tests pass () => 0 for no waiting). */
  random?: () => number;
  /** Reads the complexity model file's text (media/router/complexity-model.json); called once, lazily. Without it: rules. */
  complexityModel?: () => string;
  /** Workspace-scoped storage for what routing learns from this user (VS Code workspaceState). Without it: nothing is learned. */
  workspaceStore?: KeyValueStore;
  /**
   * Retries the cloud SDKs make themselves. @default 0: the routing service's RetryPolicy is the one
   * retry layer. Only the workload benchmark's "plain SDK" baseline sets it (to the SDKs' default, 2).
   */
  sdkMaxRetries?: number;
  /** The audit log / egress ledger: one record per cloud answer and per privacy verdict. Without it: none. */
  audit?: AuditSink;
  /**
   * VS Code's Workspace Trust. In Restricted Mode (false) every request is answered locally: nothing
   * from an untrusted workspace goes to a cloud model. @default always trusted
   */
  workspaceTrusted?: () => boolean;
  /**
   * Tokens of a text with the stand-in tokenizer (the extension's TokenCounter, in a worker thread):
   * long requests are measured against each model's context window. Without it: windows are not checked.
   */
  countTokens?: (text: string) => Promise<number>;
}

export interface SpendSummary {
  todayUsd: number;
  monthUsd: number;
  dailyBudgetUsd: number;
  monthlyBudgetUsd: number;
  /** Cloud calls this month whose price is unknown (not in the totals). */
  unknownCostCalls: number;
  localShare: number;
}

/** How complexity is judged and what this workspace has taught the router ("Show Routing Status"). */
export interface RoutingLearningStatus {
  /** e.g. "learned classifier (2445 training prompts)" or "rules (model file missing: …)". */
  classifier: string;
  learning: 'on' | 'off' | 'unavailable';
  cloudReasks: number;
  qualityEscalations: number;
  topWords: Array<{ word: string; weight: number }>;
}

export interface CircuitInfo {
  key: string;
  state: 'closed' | 'open' | 'half-open' | 'isolated';
}

export interface IRoutingService extends Responder, IDisposable {
  /** Fires after every model call is recorded (cost, latency), for the status bar and dashboard. */
  readonly onDidRecord: Event<void>;
  spend(): SpendSummary;
  circuits(): CircuitInfo[];
  /** Lets the next cloud call through even when the budget is spent (explicit user override). */
  allowOverBudgetOnce(): void;
  /** Per-model statistics as JSON or CSV text (PerformanceTracker export). */
  exportMetrics(format: 'json' | 'csv'): string;
  /** Every request's metrics in the Prometheus text format (tasks, model calls, tokens, cost, cache, gauges). */
  exportPrometheus(): Promise<string>;
  /** Classifier in use and what routing learned in this workspace. */
  routingLearning?(): RoutingLearningStatus;
  /** Forgets what routing learned in this workspace. */
  resetRoutingLearning?(): Promise<void>;
}
