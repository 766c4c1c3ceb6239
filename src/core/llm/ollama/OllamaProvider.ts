import { JarvisError } from '../../../common/errors';
import type { Logger } from '../../ports';
import { nullLogger } from '../../ports';
import { asArgumentObject } from '../tools/parseToolArguments';
import { newToolCallId } from '../tools/newToolCallId';
import { toOllamaRequest } from '../tools/toOllamaRequest';
import type { ToolCall } from '../tools/ToolTypes';
import { validateTools } from '../tools/validateTools';
import type { FinishReason, LlmProvider, ProviderChatRequest, ProviderChunk } from '../types';
import { createOllamaClient } from './createOllamaClient';
import type { OllamaConnection } from './OllamaTypes';
import { toOllamaError } from './toOllamaError';

/** Chat with a local Ollama server through the official `ollama` SDK. */
export class OllamaProvider implements LlmProvider {
  readonly id = 'ollama' as const;
  readonly local = true;

  /** @param connection read on every request, so a settings change applies to the next one. */
  constructor(
    private readonly connection: () => OllamaConnection,
    private readonly logger: Logger = nullLogger,
  ) {}

  async *chat(req: ProviderChatRequest): AsyncGenerator<ProviderChunk, void, undefined> {
    validate(req);
    const tools = validateTools(req.tools, req.toolMode, 'Ollama');
    // Ollama has no tool_choice: a required call is asked for in words and checked at the end,
    // holding text back meanwhile so a non-call answer is never half-shown then refused.
    const required = req.toolMode === 'required';
    const { messages, tools: ollamaTools } = toOllamaRequest(req.messages, tools, required);
    const conn = this.connection();
    const ctx = { host: conn.host, model: req.model, signal: req.signal };
    if (req.signal?.aborted) throw toOllamaError(req.signal.reason, ctx);

    const client = createOllamaClient(conn, { signal: req.signal, streaming: true });
    let finished = false;
    try {
      this.logger.debug(`ollama: chat ${req.model} at ${conn.host} (${req.messages.length} messages)`);
      const stream = await client.chat({
        model: req.model,
        messages,
        ...(ollamaTools ? { tools: ollamaTools } : {}),
        ...(req.jsonSchema ? { format: req.jsonSchema } : {}),
        stream: true,
        options: {
          ...(req.temperature !== undefined && { temperature: req.temperature }),
          ...(req.maxTokens !== undefined && { num_predict: req.maxTokens }),
          // Without it Ollama keeps its default window and silently drops the start of a longer request.
          ...(req.contextTokens !== undefined && { num_ctx: req.contextTokens }),
        },
      });
      const calls: ToolCall[] = [];
      let held = '';
      for await (const part of stream) {
        // The SDK may still hand out lines it had buffered before the abort.
        if (req.signal?.aborted) throw toOllamaError(req.signal.reason, ctx);
        if (part.message?.content) {
          if (required) held += part.message.content;
          else yield { type: 'text', text: part.message.content };
        }
        // Calls usually arrive whole in one line; they are passed on only once the stream is done.
        for (const c of tools.length > 0 ? (part.message?.tool_calls ?? []) : []) {
          const name = String(c?.function?.name ?? '');
          const where = { provider: 'ollama', model: req.model, tool: name || '?' };
          calls.push({ id: newToolCallId(), name, input: asArgumentObject(c?.function?.arguments, JSON.stringify(c?.function?.arguments ?? null), where) });
        }
        if (part.done) {
          finished = true;
          if (required && calls.length === 0) throw noCallMade(req.model, held);
          if (held !== '') yield { type: 'text', text: held };
          for (const call of calls) yield { type: 'toolCall', call };
          yield {
            type: 'done',
            model: part.model || req.model,
            finishReason: calls.length > 0 ? 'tool-calls' : toFinishReason(part.done_reason),
            usage: { inputTokens: part.prompt_eval_count ?? 0, outputTokens: part.eval_count ?? 0 },
          };
          return;
        }
      }
    } catch (e) {
      const err = toOllamaError(e, ctx);
      if (err.code !== 'cancelled') this.logger.warn(`ollama: chat ${req.model} failed: ${err.message}`);
      throw err;
    } finally {
      // Covers cancellation and a consumer that stopped iterating early: close the HTTP stream.
      if (!finished) client.abort();
    }
  }
}

function noCallMade(model: string, text: string): JarvisError {
  const said = text.trim() === '' ? '' : ` It said: "${text.trim().slice(0, 200)}"`;
  return new JarvisError(
    'invalid-response',
    `${model} answered without calling a tool, but this request requires a tool call.${said} Try again, or pick a model that follows tool instructions better.`,
    { provider: 'ollama', model },
  );
}

function toFinishReason(reason: string | undefined): FinishReason {
  if (reason === 'stop') return 'stop';
  if (reason === 'length') return 'length';
  return 'other';
}

function validate(req: ProviderChatRequest): void {
  if (typeof req.model !== 'string' || req.model.trim() === '') {
    throw new JarvisError('invalid-input', 'No Ollama model was given. Set jarvis.ollama.model, e.g. "llama3".', {
      provider: 'ollama',
    });
  }
  if (!Array.isArray(req.messages) || req.messages.length === 0) {
    throw new JarvisError('invalid-input', 'A chat request needs at least one message.', {
      provider: 'ollama',
      model: req.model,
    });
  }
}
