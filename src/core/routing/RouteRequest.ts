import { JarvisError, type JarvisErrorCode } from '../../common/errors';
import type { PrivacyVerdict } from '../security/PrivacyGuard';
import type { ToolDefinition, ToolMode } from '../llm/tools/ToolTypes';
import type { ChatMessage } from '../llm/types';
import type { Candidate } from './Candidate';
import type { TaskComplexity } from './complexity/TaskComplexity';

/** Why a whole class of candidates may not be used for this request. */
export interface Refusal {
  code: JarvisErrorCode;
  message: string;
}

export interface RouteRequest {
  tier: TaskComplexity;
  messages: ChatMessage[];
  /** Which kind to try first; the other kind is still a fallback unless blocked. @default tier order */
  prefer?: 'local' | 'cloud';
  /** When `localOnly`, no cloud candidate is ever tried, whatever the tier. */
  privacy?: PrivacyVerdict;
  /** Cloud may not be used (e.g. budget reached); its message is shown if nothing local answers. */
  cloudBlocked?: Refusal;
  /** Local may not be used (e.g. escalating a weak local answer). */
  localBlocked?: string;
  temperature?: number;
  maxTokens?: number;
  signal?: AbortSignal;
  /** Tools the model may call; candidates that cannot call tools are skipped. */
  tools?: ToolDefinition[];
  toolMode?: ToolMode;
  /** Tried before every other candidate (the model an agent conversation is pinned to). */
  first?: Candidate;
  /** The only candidate (a model the caller picked by name); policy and availability still apply. */
  only?: Candidate;
  /** Tokens of the request (messages and tools), when measured: candidates whose window is smaller are skipped. */
  inputTokens?: number;
}

export function checkTier(tier: unknown): void {
  if (typeof tier !== 'number' || !Number.isInteger(tier) || tier < 1 || tier > 5) {
    throw new JarvisError('invalid-input', `tier must be a TaskComplexity from 1 (trivial) to 5 (critical); got ${JSON.stringify(tier)}.`);
  }
}

/** Rejects a malformed request before any model is considered. */
export function checkRouteRequest(r: RouteRequest): void {
  if (r === null || typeof r !== 'object') throw new JarvisError('invalid-input', 'executeWithFallback needs a request object.');
  checkTier(r.tier);
  if (!Array.isArray(r.messages) || r.messages.length === 0) {
    throw new JarvisError('invalid-input', 'A routed request needs at least one message.');
  }
  if (r.prefer !== undefined && r.prefer !== 'local' && r.prefer !== 'cloud') {
    throw new JarvisError('invalid-input', `prefer must be "local" or "cloud" (got ${JSON.stringify(r.prefer)}).`);
  }
}
