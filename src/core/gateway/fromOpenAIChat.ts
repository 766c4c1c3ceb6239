import { AUTO_MODEL_ID } from '../llm/modelCatalog';
import type { ToolCall, ToolDefinition, ToolMode, ToolResult } from '../llm/tools/ToolTypes';
import type { ChatMessage, ProviderId } from '../llm/types';
import { GatewayError } from './GatewayError';

/** An OpenAI chat-completions request body, read into what the agent responder takes. */
export interface GatewayChatRequest {
  /** As the client named it, echoed in the answer when routing picked the model. */
  requestedModel: string;
  /** Undefined for `jarvis-auto` (routed); a pinned model otherwise (a bare name is resolved by resolveModel). */
  target?: { provider: ProviderId; model: string };
  messages: ChatMessage[];
  tools: ToolDefinition[];
  toolMode: ToolMode;
  stream: boolean;
  includeUsage: boolean;
}

const PROVIDERS: readonly ProviderId[] = ['ollama', 'openai', 'anthropic'];

/**
 * `jarvis-auto` routes like @jarvis; `ollama/llama3`, `openai/gpt-4o` (the ids /v1/models lists) pin
 * one model; any other name is left for resolveModel (it needs the model list). Sampling options
 * (temperature, max_tokens, …) are not passed on: routing chooses the model and its settings, as it
 * does for every other front end.
 * @throws GatewayError 400 (what is wrong, and where)
 */
export function fromOpenAIChat(body: Record<string, unknown>): GatewayChatRequest {
  const model = body.model;
  if (typeof model !== 'string' || model === '') throw invalid('model', `"model" is required: "${AUTO_MODEL_ID}" routes, or a model id from GET /v1/models.`);
  const target = model === AUTO_MODEL_ID ? undefined : targetOf(model);
  if (!Array.isArray(body.messages) || body.messages.length === 0) throw invalid('messages', '"messages" must be a non-empty array.');
  const messages = toMessages(body.messages);
  let tools = toTools(body.tools);
  let toolMode: ToolMode = 'auto';
  const choice = body.tool_choice;
  if (choice === 'none') tools = [];
  else if (choice === 'required') toolMode = 'required';
  else if (choice && typeof choice === 'object') {
    const name = (choice as { function?: { name?: unknown } }).function?.name;
    if (typeof name !== 'string' || !tools.some((t) => t.name === name)) throw invalid('tool_choice', '"tool_choice" names a function that is not in "tools".');
    tools = tools.filter((t) => t.name === name);
    toolMode = 'required';
  } else if (choice !== undefined && choice !== 'auto')
    throw invalid('tool_choice', '"tool_choice" must be "auto", "none", "required" or { type: "function", function: { name } }.');
  if (body.stream !== undefined && typeof body.stream !== 'boolean') throw invalid('stream', '"stream" must be true or false.');
  const includeUsage = (body.stream_options as { include_usage?: unknown } | undefined)?.include_usage === true;
  return { requestedModel: model, ...(target ? { target } : {}), messages, tools, toolMode, stream: body.stream === true, includeUsage };
}

/** `ollama/qwen2.5:7b` → { ollama, qwen2.5:7b }. */
export function targetOf(id: string): { provider: ProviderId; model: string } | undefined {
  const slash = id.indexOf('/');
  if (slash <= 0 || slash === id.length - 1) return undefined;
  const provider = id.slice(0, slash) as ProviderId;
  return PROVIDERS.includes(provider) ? { provider, model: id.slice(slash + 1) } : undefined;
}

/** OpenAI's roles onto Jarvis's: system/developer → system; `tool` results join the next user turn. */
function toMessages(raw: unknown[]): ChatMessage[] {
  const out: ChatMessage[] = [];
  let pendingResults: ToolResult[] = [];
  const flushResults = () => {
    if (pendingResults.length === 0) return;
    out.push({ role: 'user', content: '', toolResults: pendingResults });
    pendingResults = [];
  };
  raw.forEach((m, i) => {
    if (!m || typeof m !== 'object') throw invalid(`messages[${i}]`, `messages[${i}] must be an object.`);
    const msg = m as Record<string, unknown>;
    const role = msg.role;
    if (role === 'tool') {
      if (typeof msg.tool_call_id !== 'string') throw invalid(`messages[${i}].tool_call_id`, `messages[${i}] (role "tool") needs "tool_call_id".`);
      pendingResults.push({ callId: msg.tool_call_id, content: contentText(msg.content, i) });
      return;
    }
    if (role !== 'system' && role !== 'developer' && role !== 'user' && role !== 'assistant') {
      throw invalid(`messages[${i}].role`, `messages[${i}].role must be system, developer, user, assistant or tool (got ${JSON.stringify(role)}).`);
    }
    if (role === 'user' && pendingResults.length > 0) {
      out.push({ role: 'user', content: contentText(msg.content, i), toolResults: pendingResults });
      pendingResults = [];
      return;
    }
    flushResults();
    if (role === 'assistant') {
      const calls = toToolCalls(msg.tool_calls, i);
      out.push({ role: 'assistant', content: msg.content == null ? '' : contentText(msg.content, i), ...(calls.length > 0 ? { toolCalls: calls } : {}) });
      return;
    }
    out.push({ role: role === 'user' ? 'user' : 'system', content: contentText(msg.content, i) });
  });
  flushResults();
  return out;
}

/** A string, or an array of content parts whose text parts are joined (images are named, not sent). */
function contentText(content: unknown, i: number): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((p: { type?: unknown; text?: unknown }) => {
        if (p?.type === 'text' && typeof p.text === 'string') return p.text;
        return `[${typeof p?.type === 'string' ? p.type : 'unknown'} content not passed on by Jarvis]`;
      })
      .join('');
  }
  throw invalid(`messages[${i}].content`, `messages[${i}].content must be a string or an array of content parts.`);
}

function toToolCalls(raw: unknown, i: number): ToolCall[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw invalid(`messages[${i}].tool_calls`, `messages[${i}].tool_calls must be an array.`);
  return raw.map((c: { id?: unknown; function?: { name?: unknown; arguments?: unknown } }, j) => {
    const where = `messages[${i}].tool_calls[${j}]`;
    if (typeof c?.id !== 'string' || typeof c.function?.name !== 'string') throw invalid(where, `${where} needs "id" and "function.name".`);
    let input: unknown = {};
    if (typeof c.function.arguments === 'string' && c.function.arguments.trim() !== '') {
      try {
        input = JSON.parse(c.function.arguments);
      } catch {
        throw invalid(`${where}.function.arguments`, `${where}.function.arguments is not valid JSON.`);
      }
    }
    return { id: c.id, name: c.function.name, input: input && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {} };
  });
}

function toTools(raw: unknown): ToolDefinition[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw invalid('tools', '"tools" must be an array.');
  return raw.map((t: { type?: unknown; function?: { name?: unknown; description?: unknown; parameters?: unknown } }, i) => {
    if (t?.type !== 'function' || typeof t.function?.name !== 'string')
      throw invalid(`tools[${i}]`, `tools[${i}] must be { type: "function", function: { name, … } }.`);
    const parameters = t.function.parameters;
    return {
      name: t.function.name,
      description: typeof t.function.description === 'string' ? t.function.description : '',
      ...(parameters && typeof parameters === 'object' ? { inputSchema: parameters } : {}),
    };
  });
}

function invalid(param: string, message: string): GatewayError {
  const e = new GatewayError(400, 'invalid_request_error', 'invalid_request', message);
  e.param = param;
  return e;
}
