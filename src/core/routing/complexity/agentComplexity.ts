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

/** Offering this many tools asks the model to choose well among them: small local models often do not. */
export const MANY_TOOLS = 20;
/** A conversation this long (turns, or characters) strains a small context window and a small model. */
export const LONG_CONVERSATION_TURNS = 24;
export const LONG_CONVERSATION_CHARS = 60_000;

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

/**
 * Raises the analysed level for agent work: any tools make it at least low (the model must plan a
 * call), many tools or a long conversation add a level each, two at most, so the wording of the ask
 * still leads. Each raise is named in the reasons.
 */
export function withAgentSignals(base: ComplexityAssessment, s: AgentSignals): ComplexityAssessment {
  if (base.reasons.includes('override')) return base;
  const reasons = [...base.reasons];
  let level: number = base.level;
  if (s.toolCount > 0 && level < TaskComplexity.LOW) {
    level = TaskComplexity.LOW;
    reasons.push('agent request with tools → at least low');
  }
  let extra = 0;
  if (s.toolCount >= MANY_TOOLS) {
    extra++;
    reasons.push(`${s.toolCount} tools offered`);
  }
  if (s.turns >= LONG_CONVERSATION_TURNS || s.chars >= LONG_CONVERSATION_CHARS) {
    extra++;
    reasons.push(`long conversation (${s.turns} turns, ${s.toolRounds} tool rounds, ${Math.round(s.chars / 1000)}k chars)`);
  }
  level = Math.min(TaskComplexity.CRITICAL, level + Math.min(extra, 2));
  return { ...base, level: level as TaskComplexity, reasons };
}
