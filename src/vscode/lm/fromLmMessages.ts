import type * as vscode from 'vscode';
import type { ToolCall, ToolDefinition, ToolMode, ToolResult } from '../../core/llm/tools/ToolTypes';
import type { ChatMessage, ChatRole } from '../../core/llm/types';
import type { LmApi } from './LmApi';

/** VS Code's System role (3) exists in the editor before the stable enum names it. */
const SYSTEM_ROLE = 3;

/**
 * VS Code's request messages as provider-neutral ChatMessages: text parts joined, tool calls on
 * assistant messages, tool results (their text parts joined) on user messages. Parts of kinds this
 * version cannot send (images, prompt-tsx trees) are described in words rather than dropped silently.
 * `vscode` is the module (or a stand-in with its part classes).
 */
export function fromLmMessages(vscode: LmApi, messages: readonly vscode.LanguageModelChatRequestMessage[]): ChatMessage[] {
  return messages.map((m) => {
    const role: ChatRole = m.role === vscode.LanguageModelChatMessageRole.Assistant ? 'assistant' : (m.role as number) === SYSTEM_ROLE ? 'system' : 'user';
    const text: string[] = [];
    const toolCalls: ToolCall[] = [];
    const toolResults: ToolResult[] = [];
    for (const part of m.content) {
      if (part instanceof vscode.LanguageModelTextPart) text.push(part.value);
      else if (part instanceof vscode.LanguageModelToolCallPart) toolCalls.push({ id: part.callId, name: part.name, input: asObject(part.input) });
      else if (part instanceof vscode.LanguageModelToolResultPart) toolResults.push({ callId: part.callId, content: resultText(vscode, part.content) });
      else if (part !== undefined && part !== null) text.push(describeUnknown(part));
    }
    return {
      role,
      content: text.join(''),
      ...(role === 'assistant' && toolCalls.length > 0 ? { toolCalls } : {}),
      ...(role !== 'assistant' && toolResults.length > 0 ? { toolResults } : {}),
    };
  });
}

export function fromLmTools(tools: readonly vscode.LanguageModelChatTool[] | undefined): ToolDefinition[] {
  return (tools ?? []).map((t) => ({ name: t.name, description: t.description, ...(t.inputSchema ? { inputSchema: t.inputSchema } : {}) }));
}

export function fromLmToolMode(vscode: LmApi, mode: vscode.LanguageModelChatToolMode | undefined): ToolMode {
  return mode === vscode.LanguageModelChatToolMode.Required ? 'required' : 'auto';
}

function resultText(vscode: LmApi, content: readonly unknown[]): string {
  return content
    .map((c) => {
      if (c instanceof vscode.LanguageModelTextPart) return c.value;
      if (c instanceof vscode.LanguageModelPromptTsxPart) return JSON.stringify(c.value);
      return typeof c === 'string' ? c : (dataText(c) ?? describeUnknown(c));
    })
    .join('');
}

/** A data part a model can read as text (text/*, JSON): tools return results this way too. */
function dataText(part: unknown): string | undefined {
  const { mimeType, data } = part as { mimeType?: unknown; data?: unknown };
  if (typeof mimeType !== 'string' || !(data instanceof Uint8Array)) return undefined;
  return /^text\/|[/+]json\b/.test(mimeType) ? new TextDecoder().decode(data) : undefined;
}

function asObject(input: unknown): Record<string, unknown> {
  return input && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
}

function describeUnknown(part: unknown): string {
  const value = (part as { value?: unknown }).value;
  if (typeof value === 'string') return value;
  const mime = (part as { mimeType?: unknown }).mimeType;
  return typeof mime === 'string' ? `[${mime} content not passed on by Jarvis]` : '';
}
