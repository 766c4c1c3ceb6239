import type { Message, Tool } from 'ollama';
import type { ChatMessage } from '../types';
import { prepareToolMessages } from './prepareToolMessages';
import type { CheckedTool } from './validateTools';

/** Added when a tool call is required: Ollama's API has no tool_choice, so the model is told. */
export const OLLAMA_REQUIRED_TOOL_PROMPT = 'Answer by calling one of the provided tools; do not answer with text alone.';

/**
 * Messages and tools in Ollama's `/api/chat` format. Tool calls go back as `tool_calls` (arguments
 * as an object) on the assistant message; each result becomes a `role: "tool"` message carrying
 * the tool's name, which Ollama uses instead of a call id.
 */
export function toOllamaRequest(messages: readonly ChatMessage[], tools: readonly CheckedTool[], required = false): { messages: Message[]; tools?: Tool[] } {
  const names = new Map<string, string>();
  const out: Message[] = [];
  for (const m of tools.length > 0 || hasToolParts(messages) ? prepareToolMessages(messages) : messages) {
    if (m.role === 'assistant' && m.toolCalls?.length) {
      for (const c of m.toolCalls) names.set(c.id, c.name);
      out.push({ role: 'assistant', content: m.content, tool_calls: m.toolCalls.map((c) => ({ function: { name: c.name, arguments: c.input } })) });
      continue;
    }
    for (const r of m.toolResults ?? []) {
      out.push({ role: 'tool', content: r.isError ? `Error: ${r.content}` : r.content, tool_name: names.get(r.callId) ?? '' });
    }
    if (m.content !== '' || !m.toolResults?.length) out.push({ role: m.role, content: m.content });
  }
  if (required) out.unshift({ role: 'system', content: OLLAMA_REQUIRED_TOOL_PROMPT });
  if (tools.length === 0) return { messages: out };
  return {
    messages: out,
    tools: tools.map((t) => ({
      type: 'function',
      function: { name: t.name, description: t.description, parameters: t.parameters as Tool['function']['parameters'] },
    })),
  };
}

export function hasToolParts(messages: readonly ChatMessage[]): boolean {
  return messages.some((m) => (m.toolCalls?.length ?? 0) > 0 || (m.toolResults?.length ?? 0) > 0);
}
