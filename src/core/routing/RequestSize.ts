import { errorMessage } from '../../common/errors';
import { OLLAMA_DEFAULT_WINDOW_TOKENS } from '../llm/contextLimits';
import type { ToolDefinition } from '../llm/tools/ToolTypes';
import type { ChatMessage } from '../llm/types';
import type { Logger } from '../ports';
import type { Candidate } from './Candidate';

/** Tokens a chat template adds around each message (role markers, separators). */
const PER_MESSAGE_TOKENS = 4;
/**
 * No model Jarvis routes to has a smaller input window than this (Ollama's oldest default context
 * was 2,048): a request this many bytes long fits anywhere, so nothing about windows needs reading.
 */
export const SMALLEST_WINDOW_BYTES = 2_048;

/** Everything of a request a model reads, as one text: message contents, tool calls and results, and the tools offered. */
export function requestText(messages: readonly ChatMessage[], tools: readonly ToolDefinition[] = []): string {
  const parts: string[] = [];
  for (const m of messages) {
    parts.push(m.content);
    for (const r of m.toolResults ?? []) parts.push(r.content);
    for (const c of m.toolCalls ?? []) parts.push(c.name, JSON.stringify(c.input));
  }
  // The tools go to the model as JSON schemas (Ollama and OpenAI wrap them as functions, Anthropic as tools).
  for (const t of tools) parts.push(JSON.stringify({ name: t.name, description: t.description, parameters: t.inputSchema ?? {} }));
  return parts.join('\n');
}

/**
 * An upper bound on the request's tokens without counting: every token of a byte-level BPE tokenizer
 * covers at least one UTF-8 byte.
 */
export function requestBytes(messages: readonly ChatMessage[], tools: readonly ToolDefinition[] = []): number {
  return Buffer.byteLength(requestText(messages, tools), 'utf8') + PER_MESSAGE_TOKENS * messages.length;
}

/**
 * The known input limits of the candidates, and for local ones the size past which Ollama needs a larger
 * num_ctx: a request is counted only if it may exceed one of them.
 */
export function windowLimits(candidates: readonly Candidate[], inputLimit: (c: Candidate) => { input: number } | undefined): number[] {
  const limits = candidates.map((c) => inputLimit(c)?.input).filter((n): n is number => n !== undefined);
  return candidates.some((c) => c.provider === 'ollama') ? [...limits, OLLAMA_DEFAULT_WINDOW_TOKENS] : limits;
}

export interface RequestSizerDeps {
  /** Tokens of a text with the stand-in tokenizer (TokenCounter, o200k_base; in a worker thread in the extension). */
  count: (text: string) => Promise<number>;
  logger: Logger;
}

/**
 * Measures a request against the input windows of the models it may go to. Counting a long agent
 * request takes milliseconds; it is skipped when the byte bound already fits the smallest window.
 */
export class RequestSizer {
  constructor(private readonly deps: RequestSizerDeps) {}

  /**
   * The request's tokens, or undefined when it surely fits every limit in `limits` (or there is none
   * to check, or counting failed: then no candidate is refused for its size, as before).
   */
  async measure(messages: readonly ChatMessage[], tools: readonly ToolDefinition[], limits: readonly number[]): Promise<number | undefined> {
    if (limits.length === 0) return undefined;
    const text = requestText(messages, tools);
    const overhead = PER_MESSAGE_TOKENS * messages.length;
    if (Buffer.byteLength(text, 'utf8') + overhead <= Math.min(...limits)) return undefined;
    try {
      return (await this.deps.count(text)) + overhead;
    } catch (e) {
      this.deps.logger.warn(`Could not count the request's tokens (${errorMessage(e)}); context windows are not checked for it.`);
      return undefined;
    }
  }
}
