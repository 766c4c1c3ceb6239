import type { ChatMessage } from '../../llm/types';
import type { ComplexityAssessment } from './analyzeComplexity';
import { TaskComplexity } from './TaskComplexity';

/** What an agent request adds to the picture: how many tools it offers and how far it has got. */
export interface AgentSignals {
  toolCount: number;
  /** User and assistant messages so far. */
  turns: number;
  /** Assistant turns that called tools. */
  toolRounds: number;
  /** Characters of the whole conversation, tool results included. */
  chars: number;
}

/**
 * Tool counts are weighed logarithmically against this many (weight 1): 40 tools weigh 0.89, 5 weigh 0.43.
 * VS Code's agent offers about 40 with every step, so the count alone says little about the step.
 */
export const TOOL_SCALE = 64;
/** A conversation this long (turns, characters, or tool rounds) strains a small context window and a small model. */
export const LONG_CONVERSATION_TURNS = 24;
export const LONG_CONVERSATION_CHARS = 60_000;
export const MANY_TOOL_ROUNDS = 8;
/** Tool weight × progress at which the tools add a level: 40 tools after 5 tool rounds, 5 tools only past a long session. */
const TOOLS_RAISE_AT = 0.5;

export function agentSignals(messages: readonly ChatMessage[], toolCount: number): AgentSignals {
  let turns = 0;
  let toolRounds = 0;
  let chars = 0;
  for (const m of messages) {
    if (m.role !== 'system') turns++;
    if (m.toolCalls?.length) toolRounds++;
    chars += m.content.length;
    for (const r of m.toolResults ?? []) chars += r.content.length;
    for (const c of m.toolCalls ?? []) chars += JSON.stringify(c.input).length;
  }
  return { toolCount, turns, toolRounds, chars };
}

/** How far a session has got, 1 being "long": the largest of its turns, characters and tool rounds against their marks. */
export function agentProgress(s: AgentSignals): number {
  return Math.max(s.turns / LONG_CONVERSATION_TURNS, s.chars / LONG_CONVERSATION_CHARS, s.toolRounds / MANY_TOOL_ROUNDS);
}

/** The tool count's weight, 0 to 1, logarithmic: choosing among many tools is harder, but not linearly so. */
export function toolWeight(toolCount: number): number {
  return toolCount <= 0 ? 0 : Math.min(1, Math.log2(1 + toolCount) / Math.log2(1 + TOOL_SCALE));
}

/**
 * Raises the analysed level for agent work: any tools make it at least low (the model must plan a
 * call); a long session adds a level, and the tools add one only as the session goes on (weight ×
 * progress), so a short question with an agent's standard 40 tools keeps its tier while a long
 * multi-step session climbs. Two levels at most, so the wording of the ask still leads; each raise
 * is named in the reasons.
 */
export function withAgentSignals(base: ComplexityAssessment, s: AgentSignals): ComplexityAssessment {
  if (base.reasons.includes('override')) return base;
  const reasons = [...base.reasons];
  let level: number = base.level;
  if (s.toolCount > 0 && level < TaskComplexity.LOW) {
    level = TaskComplexity.LOW;
    reasons.push('agent request with tools → at least low');
  }
  const progress = agentProgress(s);
  let extra = 0;
  if (progress >= 1) {
    extra++;
    reasons.push(`long conversation (${s.turns} turns, ${s.toolRounds} tool rounds, ${Math.round(s.chars / 1000)}k chars)`);
  }
  if (toolWeight(s.toolCount) * progress >= TOOLS_RAISE_AT) {
    extra++;
    reasons.push(`${s.toolCount} tools offered over ${s.toolRounds} tool rounds`);
  }
  level = Math.min(TaskComplexity.CRITICAL, level + Math.min(extra, 2));
  return { ...base, level: level as TaskComplexity, reasons };
}
