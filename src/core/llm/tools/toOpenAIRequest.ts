import type { ChatCompletionMessageParam, ChatCompletionTool, ChatCompletionToolChoiceOption } from 'openai/resources/chat/completions';
import type { ChatMessage } from '../types';
import { hasToolParts } from './toOllamaRequest';
import { prepareToolMessages } from './prepareToolMessages';
import type { CheckedTool } from './validateTools';

/**
 * Messages and tools in the Chat Completions format. Tool calls go back on the assistant message
 * with their arguments as a JSON string; each result is a `role: "tool"` message with the call's
 * `tool_call_id`, placed before the user's own text of that turn.
 */
export function toOpenAIRequest(
  messages: readonly ChatMessage[],
  tools: readonly CheckedTool[],
  required = false,
): { messages: ChatCompletionMessageParam[]; tools?: ChatCompletionTool[]; tool_choice?: ChatCompletionToolChoiceOption } {
  const out: ChatCompletionMessageParam[] = [];
  for (const m of tools.length > 0 || hasToolParts(messages) ? prepareToolMessages(messages) : messages) {
    if (m.role === 'assistant' && m.toolCalls?.length) {
      out.push({
        role: 'assistant',
        // Some compatible servers reject "" next to tool calls; null is what OpenAI itself returns.
        content: m.content === '' ? null : m.content,
        tool_calls: m.toolCalls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: JSON.stringify(c.input) } })),
      });
      continue;
    }
    for (const r of m.toolResults ?? []) {
      out.push({ role: 'tool', tool_call_id: r.callId, content: r.isError ? `Error: ${r.content}` : r.content });
    }
    if (m.content !== '' || !m.toolResults?.length) out.push({ role: m.role, content: m.content });
  }
  if (tools.length === 0) return { messages: out };
  return {
    messages: out,
    tools: tools.map((t) => ({ type: 'function', function: { name: t.name, description: t.description, parameters: t.parameters } })),
    tool_choice: required ? 'required' : 'auto',
  };
}
