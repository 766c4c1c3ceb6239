import type { LedgerFile } from '../audit/egressRecord';
import type { ToolDefinition, ToolMode } from '../llm/tools/ToolTypes';
import type { ChatMessage } from '../llm/types';
import type { PrivacyAttachment, PrivacyVerdict } from '../security/PrivacyGuard';
import type { Candidate } from './Candidate';
import type { ComplexityInput } from './complexity/analyzeComplexity';
import type { TaskComplexity, TierName } from './complexity/TaskComplexity';
import type { LanguageContext } from './quality/requestedLanguage';

/**
 * Where the user wants the answer computed: `auto` lets the policy decide; `local` (/local) and
 * `cloud` (/cloud) are the user's explicit choice, which skips the local-share balancing and the
 * quality escalation but keeps privacy, budget and fallback exactly as for `auto`.
 */
export type Placement = 'auto' | 'local' | 'cloud';

export interface HybridRequest {
  /** The user's ask: what complexity and privacy are judged on. */
  prompt: string;
  /** @default 'auto' */
  placement?: Placement;
  /** The conversation to send. @default [{ role: 'user', content: prompt }] */
  messages?: ChatMessage[];
  context?: Omit<ComplexityInput, 'prompt'>;
  attachments?: PrivacyAttachment[];
  /** The files and line ranges the attachments came from, for the egress ledger (default: the attachments' paths). */
  files?: LedgerFile[];
  /** The user's choice of level for this request; wins over the analysis. */
  complexity?: TaskComplexity | TierName;
  /** Use the cloud for this request even if the budget is spent. */
  budgetOverride?: boolean;
  expectedCriteria?: string[];
  /** Language ids of the attached file and the open editor, for the quality gate's language check. */
  languages?: LanguageContext;
  temperature?: number;
  maxTokens?: number;
  signal?: AbortSignal;
  /** Set when the asker is an agent (VS Code's chat model API) rather than a person reading along. */
  agent?: AgentRouting;
  /** A model the caller named (the model picker, a gateway client's pinned id): no other is tried and nothing is escalated. */
  only?: Candidate;
  /**
   * The privacy verdict, when the caller already scanned `privacyScanInput(request)` with the deep
   * (asynchronous) scan; otherwise decide() runs the guard's synchronous rules.
   */
  privacy?: PrivacyVerdict;
  /** Tokens of `messages` and the agent's tools, when measured: models whose context window is smaller are skipped. */
  inputTokens?: number;
}

/** How an agent's request is routed differently from a chat message. */
export interface AgentRouting {
  tools: ToolDefinition[];
  toolMode: ToolMode;
  /** Tried first: the model this agent conversation is pinned to. */
  first?: Candidate;
}
