import type { Cost } from '../llm/pricing/PricingTable';
import type { ToolCall } from '../llm/tools/ToolTypes';
import type { FinishReason, ProviderId, TokenUsage } from '../llm/types';
import type { Attempt } from './Attempt';
import type { Candidate } from './Candidate';
import type { TaskComplexity } from './complexity/TaskComplexity';

export interface RouteResult {
  candidate: Candidate;
  provider: ProviderId;
  /** As the provider reported it, e.g. gpt-4o-2024-08-06 for gpt-4o. */
  model: string;
  local: boolean;
  tier: TaskComplexity;
  /** Why this model: the tier, and every candidate skipped or failed before it. */
  reason: string;
  attempts: Attempt[];
  cost: Cost;
  /** From the start of routing, as the user waited. */
  latencyMs: number;
  ttftMs: number | undefined;
  usage: TokenUsage;
  finishReason: FinishReason;
  text: string;
  /** Tool calls the answer made (empty for a text answer). */
  toolCalls: ToolCall[];
}

export type RouteChunk =
  /** The router committed to this candidate: its first text follows. */
  | { type: 'model'; provider: ProviderId; model: string; local: boolean; attempts: Attempt[] }
  | { type: 'text'; text: string }
  | { type: 'toolCall'; call: ToolCall }
  | { type: 'done'; result: RouteResult };
