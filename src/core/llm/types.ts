/** Provider-neutral chat types shared by every provider (Ollama, OpenAI, Anthropic, vscode.lm). */
import type { ToolCall, ToolDefinition, ToolMode, ToolResult } from './tools/ToolTypes';

export type ChatRole = 'system' | 'user' | 'assistant';

export interface ChatMessage {
  role: ChatRole;
  /** May be '' when the message only carries tool calls or tool results. */
  content: string;
  /** Assistant messages: the tool calls the model made in that turn. */
  toolCalls?: ToolCall[];
  /** User messages: results of the previous turn's tool calls (they come before `content`). */
  toolResults?: ToolResult[];
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

/** `tool-calls`: the model stopped to have tools run; their calls came as `toolCall` chunks. */
export type FinishReason = 'stop' | 'length' | 'tool-calls' | 'other';

export interface ProviderChatRequest {
  model: string;
  messages: ChatMessage[];
  temperature?: number;
  maxTokens?: number;
  /** Tools the model may call; without them no `toolCall` chunk is ever produced. */
  tools?: ToolDefinition[];
  /** @default 'auto' */
  toolMode?: ToolMode;
  /** Aborting stops the HTTP stream; the iterator then throws a `cancelled` JarvisError. */
  signal?: AbortSignal;
  /** The context window a local model must be loaded with for this request (Ollama's `num_ctx`); unset: the server's default. */
  contextTokens?: number;
  /**
   * A JSON schema the answer must match: Ollama constrains its output to it (structured outputs, its
   * `format`). Other providers ignore it, so a caller validates the answer against the same schema anyway.
   */
  jsonSchema?: object;
}

export type ProviderChunk =
  | { type: 'text'; text: string }
  /** One complete tool call (arguments parsed), sent only after the stream ended cleanly. */
  | { type: 'toolCall'; call: ToolCall }
  | { type: 'done'; usage: TokenUsage; finishReason: FinishReason; model: string };

/** `vscode`: chat models other extensions offer through vscode.lm (adapted in src/vscode). */
export type ProviderId = 'ollama' | 'openai' | 'anthropic' | 'vscode';

export interface LlmProvider {
  readonly id: ProviderId;
  /** True when answers are computed on this machine (cost $0, nothing leaves it). */
  readonly local: boolean;
  /**
   * Streams an answer. Errors are JarvisErrors: `provider-unreachable`, `model-not-found`,
   * `provider-error`, `invalid-response`, `cancelled`.
   */
  chat(request: ProviderChatRequest): AsyncIterable<ProviderChunk>;
}
