import type { ChatMessage } from '../types';
import { LOOP_REPEAT_LIMIT, MAX_TOOL_ROUNDS } from './ToolTypes';

/**
 * Why an agent conversation should stop rather than call the model again, or undefined. Two signs:
 * the same calls (same tools, same inputs) repeated `repeatLimit` rounds in a row, or more than
 * `maxRounds` tool rounds in all. The message tells the user what was repeated and what to do.
 */
export function detectToolLoop(messages: readonly ChatMessage[], repeatLimit = LOOP_REPEAT_LIMIT, maxRounds = MAX_TOOL_ROUNDS): string | undefined {
  const rounds = messages.filter((m) => m.role === 'assistant' && (m.toolCalls?.length ?? 0) > 0);
  if (rounds.length > maxRounds) {
    return `Jarvis stopped this agent after ${rounds.length} rounds of tool calls (the limit is ${maxRounds}). Ask again with a narrower task, or start a new chat.`;
  }
  // Only the unbroken run at the end counts: a text answer in between means the agent moved on.
  let run = 0;
  let last: string | undefined;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m.role === 'user') continue;
    if (m.role !== 'assistant' || !m.toolCalls?.length) break;
    const signature = JSON.stringify(m.toolCalls.map((c) => [c.name, stable(c.input)]));
    if (last !== undefined && signature !== last) break;
    last = signature;
    run++;
  }
  if (run >= repeatLimit) {
    const names = [...new Set(rounds[rounds.length - 1].toolCalls!.map((c) => c.name))].join(', ');
    return `Jarvis stopped this agent: it called ${names} with the same input ${run} times in a row without getting further. Rephrase the task or give the missing information, then ask again.`;
  }
  return undefined;
}

/** JSON with object keys sorted, so equal inputs written in another key order still match. */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, stable((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
