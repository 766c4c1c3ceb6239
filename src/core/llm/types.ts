/** Provider-neutral chat types shared by every provider (Ollama now; OpenAI and Anthropic later). */

export type ChatRole = 'system' | 'user' | 'assistant';

export interface ChatMessage {
  role: ChatRole;
  content: string;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

export type FinishReason = 'stop' | 'length' | 'other';

export interface ProviderChatRequest {
  model: string;
  messages: ChatMessage[];
  temperature?: number;
  maxTokens?: number;
  /** Aborting stops the HTTP stream; the iterator then throws a `cancelled` JarvisError. */
  signal?: AbortSignal;
}

export type ProviderChunk =
  | { type: 'text'; text: string }
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
