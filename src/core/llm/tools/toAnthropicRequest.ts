import type { ContentBlockParam, MessageParam, Tool, ToolChoice } from '@anthropic-ai/sdk/resources/messages';
import { JarvisError } from '../../../common/errors';
import type { ChatMessage } from '../types';
import { prepareToolMessages } from './prepareToolMessages';
import type { CheckedTool } from './validateTools';

export interface AnthropicToolRequest {
  system?: string;
  messages: MessageParam[];
  tools?: Tool[];
  tool_choice?: ToolChoice;
}

/**
 * Messages and tools in the Messages API format: tool calls are `tool_use` blocks of the assistant
 * turn, results are `tool_result` blocks at the start of the next user turn. Like the text-only
 * conversion, system text goes to the top-level field, turns alternate, empty text is dropped and
 * a leading assistant turn is removed.
 */
export function toAnthropicRequest(messages: readonly ChatMessage[], tools: readonly CheckedTool[], required = false): AnthropicToolRequest {
  const system: string[] = [];
  const turns: { role: 'user' | 'assistant'; blocks: ContentBlockParam[] }[] = [];
  for (const m of prepareToolMessages(messages)) {
    if (m.role === 'system') {
      if (m.content.trim() !== '') system.push(m.content);
      continue;
    }
    const blocks: ContentBlockParam[] = [];
    for (const r of m.toolResults ?? []) {
      blocks.push({ type: 'tool_result', tool_use_id: anthropicId(r.callId), content: r.content, ...(r.isError ? { is_error: true } : {}) });
    }
    if (m.content.trim() !== '') blocks.push({ type: 'text', text: m.content });
    for (const c of m.toolCalls ?? []) blocks.push({ type: 'tool_use', id: anthropicId(c.id), name: c.name, input: c.input });
    if (blocks.length === 0) continue;
    const last = turns[turns.length - 1];
    if (last && last.role === m.role) last.blocks.push(...blocks);
    else turns.push({ role: m.role, blocks });
  }
  // History trimmed to the last N turns can start with an answer whose question was cut off.
  while (turns.length > 0 && turns[0].role === 'assistant') turns.shift();
  if (turns.length === 0) {
    throw new JarvisError('invalid-input', 'An Anthropic chat request needs at least one non-empty user message.');
  }
  const out: AnthropicToolRequest = { messages: turns.map((t) => ({ role: t.role, content: collapse(t.blocks) })) };
  if (system.length > 0) out.system = system.join('\n\n');
  if (tools.length > 0) {
    out.tools = tools.map((t) => ({ name: t.name, description: t.description, input_schema: t.parameters as Tool['input_schema'] }));
    out.tool_choice = { type: required ? 'any' : 'auto' };
  }
  return out;
}

/** Text-only turns stay plain strings, exactly as the text-only conversion sends them. */
function collapse(blocks: ContentBlockParam[]): string | ContentBlockParam[] {
  if (blocks.every((b) => b.type === 'text')) return blocks.map((b) => (b as { text: string }).text).join('\n\n');
  return blocks;
}

/**
 * Anthropic accepts ids of letters, digits, "_" and "-" only; calls first made by another provider
 * (an agent that moved models) may carry others. Calls and results are mapped the same way, so
 * they still pair.
 */
export function anthropicId(id: string): string {
  const clean = id.replace(/[^a-zA-Z0-9_-]/g, '_');
  return clean === '' ? 'call' : clean;
}
