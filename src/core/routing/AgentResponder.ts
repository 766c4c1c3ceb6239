import { createHash } from 'node:crypto';
import { Emitter, type Event } from '../../common/Emitter';
import { isJarvisError, JarvisError } from '../../common/errors';
import type { AnswerMode } from '../chat/ChatChunk';
import type { PreparedRequest, Responder } from '../chat/ChatPipeline';
import { detectToolLoop } from '../llm/tools/detectToolLoop';
import type { ToolCall, ToolDefinition, ToolMode } from '../llm/tools/ToolTypes';
import type { ChatMessage, ProviderId, TokenUsage } from '../llm/types';
import type { Logger } from '../ports';
import type { MissingKeyWarnings } from './missingKey';

/** What an agent receives: text and tool calls, nothing else (notes go to the log). */
export type AgentPart = { type: 'text'; text: string } | { type: 'toolCall'; call: ToolCall };

export interface AgentAsk {
  messages: ChatMessage[];
  tools: ToolDefinition[];
  toolMode: ToolMode;
  /** Undefined for Jarvis Auto; a model picked by name otherwise. */
  model?: { provider: ProviderId; model: string };
  signal: AbortSignal;
  /**
   * Ask as a person's chat message, not as an agent's step, when the request has no tools and no tool
   * calls or results in its history: routed exactly as @jarvis routes a message (answered from and
   * written to the response cache, a cached answer served when every model fails), with only the
   * final answer passed on (see answerMode). The gateway and VS Code's language-model provider set it.
   */
  asChat?: boolean;
  /**
   * For a request routed as chat (`asChat`): how a local answer that is replaced reaches the consumer.
   * `fold` streams it and says where the better answer starts (VS Code's model picker: a person reads
   * it); `final-only` passes on only the final answer (the gateway: a program reads it). @default 'final-only'
   */
  answerMode?: Extract<AnswerMode, 'fold' | 'final-only'>;
  /** Told which model answers and, at the end, the usage (the gateway reports them in OpenAI's shape). */
  observe?: {
    model?(m: { provider: string; model: string; local: boolean }): void;
    done?(d: { usage: TokenUsage; truncated: boolean }): void;
  };
}

/** The latest request through the language-model provider, for "Show Routing Status". */
export interface AgentActivity {
  requests: number;
  toolCalls: number;
  last?: { model: string; local: boolean; reason?: string; toolCalls: number };
}

/**
 * Jarvis as a language model for agents (VS Code's chat, other extensions, the gateway): each request
 * goes through the same routing as @jarvis, marked as an agent's, so the routing service holds back
 * answers it may still replace, keeps the conversation on one model and never serves it from the
 * cache — unless it is a plain chat request asked `asChat` (see AgentAsk), which is routed as a message.
 * An agent that repeats itself is stopped here with a message instead of another model call.
 */
export class AgentResponder {
  private readonly changed = new Emitter<void>();
  readonly onDidChange: Event<void> = this.changed.event;
  readonly activity: AgentActivity = { requests: 0, toolCalls: 0 };

  constructor(
    private readonly responder: Responder,
    private readonly logger: Logger,
    /** Shows the user a missing cloud key that kept Auto's pick local (the log alone is not seen). */
    private readonly missingKeys?: MissingKeyWarnings,
  ) {}

  async *respond(ask: AgentAsk): AsyncGenerator<AgentPart> {
    if (!Array.isArray(ask.messages) || ask.messages.length === 0) {
      throw new JarvisError('invalid-input', 'A request to Jarvis needs at least one message.');
    }
    const loop = detectToolLoop(ask.messages);
    if (loop) {
      this.logger.warn(loop);
      yield { type: 'text', text: loop };
      return;
    }
    const base: PreparedRequest = { prompt: askOf(ask.messages), messages: ask.messages, attachments: [], signal: ask.signal };
    const request: PreparedRequest = isPlainChat(ask)
      ? { ...base, answerMode: ask.answerMode ?? 'final-only', ...(ask.model ? { model: ask.model } : {}) }
      : {
          ...base,
          agent: {
            tools: ask.tools,
            toolMode: ask.toolMode,
            conversationKey: conversationKey(ask.messages, ask.model),
            ...(ask.model ? { model: ask.model } : {}),
          },
        };
    this.activity.requests++;
    let calls = 0;
    let streamed = false;
    try {
      for await (const chunk of this.responder.respond(request)) {
        switch (chunk.type) {
          case 'markdown':
            streamed = true;
            yield { type: 'text', text: chunk.text };
            break;
          case 'toolCall':
            calls++;
            yield { type: 'toolCall', call: chunk.call };
            break;
          case 'model':
            ask.observe?.model?.({ provider: chunk.provider, model: chunk.model, local: chunk.local });
            this.activity.last = { model: `${chunk.provider}:${chunk.model}`, local: chunk.local, reason: chunk.reason, toolCalls: 0 };
            this.logger.info(`language model request → ${chunk.provider}:${chunk.model}${chunk.reason ? ` (${chunk.reason})` : ''}`);
            if (chunk.local) this.missingKeys?.noteReason(chunk.reason);
            break;
          case 'replaced':
            // A tool-less request streamed the local answer being replaced (an agent with tools saw none
            // of it): like @jarvis's fold note, this says where the better answer starts.
            if (streamed) yield { type: 'text', text: `\n\n---\n\n*Jarvis: ${chunk.note}; a cloud model answers below.*\n\n` };
            break;
          case 'notice':
            this.logger.info(`language model request: ${chunk.message}`);
            break;
          case 'error':
            throw new JarvisError(chunk.code, chunk.message);
          case 'done':
            ask.observe?.done?.({ usage: chunk.usage, truncated: chunk.truncated });
            break;
          default:
            break;
        }
      }
    } catch (e) {
      if (!isJarvisError(e, 'cancelled')) this.logger.warn(`language model request failed: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    } finally {
      this.activity.toolCalls += calls;
      if (this.activity.last) this.activity.last.toolCalls = calls;
      this.changed.fire();
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** A request that may take the chat path: asked for, and nothing about tools in it. */
function isPlainChat(ask: AgentAsk): boolean {
  return ask.asChat === true && ask.tools.length === 0 && !ask.messages.some((m) => (m.toolCalls?.length ?? 0) > 0 || (m.toolResults?.length ?? 0) > 0);
}

/**
 * What the person asked: the last user text of the conversation (an agent's later requests end
 * with tool results, not words). Complexity and privacy are judged on it and on the messages.
 */
export function askOf(messages: readonly ChatMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m.role === 'user' && m.content.trim() !== '') return m.content;
  }
  return '';
}

/**
 * One agent conversation's requests all start with the same system prompt and first user
 * message; VS Code passes no conversation id to a model provider, so those name it.
 */
export function conversationKey(messages: readonly ChatMessage[], model?: { provider: string; model: string }): string {
  const system = messages.find((m) => m.role === 'system')?.content ?? '';
  const firstUser = messages.find((m) => m.role === 'user')?.content ?? '';
  return createHash('sha256')
    .update(JSON.stringify([model ? `${model.provider}:${model.model}` : 'auto', system, firstUser]))
    .digest('hex')
    .slice(0, 32);
}
