import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { ChatCompletionChunk, ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import { throwIfAborted } from '../../../common/abort';
import { JarvisError } from '../../../common/errors';
import type { ValidCloudConnection } from '../CloudConnection';
import { type CloudProviderIdentity, SdkCloudProvider } from '../SdkCloudProvider';
import { StreamWatchdog } from '../StreamWatchdog';
import { ToolCallAssembler } from '../tools/ToolCallAssembler';
import { toOpenAIRequest } from '../tools/toOpenAIRequest';
import { type CheckedTool, validateTools } from '../tools/validateTools';
import type { FinishReason, LlmProvider, ProviderChatRequest, ProviderChunk, TokenUsage } from '../types';
import { validateChatRequest } from '../validateChatRequest';

const LABEL = 'OpenAI';
const OPENAI: CloudProviderIdentity = {
  provider: 'openai',
  label: LABEL,
  keyCommand: 'Jarvis: Set OpenAI API Key',
  sdk: { APIError, APIUserAbortError, APIConnectionError, APIConnectionTimeoutError },
};

/**
 * Chat and embeddings through the official `openai` SDK against OpenAI or any OpenAI-compatible
 * server (LM Studio, vLLM, proxies) at the configured base URL.
 */
export class OpenAIProvider extends SdkCloudProvider implements LlmProvider {
  readonly id = 'openai' as const;
  protected readonly who = OPENAI;

  async *chat(request: ProviderChatRequest): AsyncIterable<ProviderChunk> {
    validateChatRequest(request, LABEL);
    const tools = validateTools(request.tools, request.toolMode, LABEL);
    const conn = this.validConnection();
    throwIfAborted(request.signal);
    const calls = new ToolCallAssembler({ provider: 'openai', model: request.model });
    const watchdog = new StreamWatchdog(conn.timeoutMs, request.signal);
    let finishReason: FinishReason | undefined;
    let usage: TokenUsage | undefined;
    let model = request.model;
    try {
      const stream = await this.client(conn).chat.completions.create(chatBody(request, tools, conn.baseUrl), {
        signal: watchdog.signal,
      });
      watchdog.touch();
      for await (const chunk of stream) {
        model = chunk.model || model;
        if (chunk.usage) {
          usage = { inputTokens: chunk.usage.prompt_tokens ?? 0, outputTokens: chunk.usage.completion_tokens ?? 0 };
        }
        // `choices` is empty on the usage chunk; only the first choice is requested (n = 1).
        const choice: ChatCompletionChunk.Choice | undefined = chunk.choices?.[0];
        if (choice?.finish_reason) finishReason = mapFinishReason(choice.finish_reason);
        for (const t of choice?.delta?.tool_calls ?? []) {
          calls.add(t.index, { id: t.id, name: t.function?.name, arguments: t.function?.arguments });
        }
        const text = choice?.delta?.content;
        if (text) {
          watchdog.pause();
          yield { type: 'text', text };
        }
        watchdog.touch();
      }
      // The SDK ends the loop quietly when its signal aborts; tell the two causes apart here.
      if (watchdog.timedOut) throw this.idleTimeout(conn, request.model);
      throwIfAborted(request.signal);
      if (finishReason === undefined) {
        throw this.incompleteStream(conn, request.model);
      }
      // Calls are handed on only now: a stream cut off mid-call was refused just above.
      const made = calls.finish();
      if (request.toolMode === 'required' && made.length === 0) throw this.noToolCall(conn, request.model);
      for (const call of made) yield { type: 'toolCall', call };
      if (made.length > 0) finishReason = 'tool-calls';
      if (usage === undefined) {
        // Some OpenAI-compatible servers ignore stream_options; report zero rather than guess.
        this.logger.debug(`${LABEL} at ${conn.baseUrl} sent no usage for ${model}; counting 0 tokens.`);
      }
      yield { type: 'done', usage: usage ?? { inputTokens: 0, outputTokens: 0 }, finishReason, model };
    } catch (e) {
      throw this.streamFailure(e, watchdog, request.signal, conn, request.model);
    } finally {
      watchdog.dispose();
    }
  }

  /**
   * One vector per input, in input order.
   * @throws JarvisError as `chat` does, plus `invalid-response` when the server's answer does not match the inputs.
   */
  async embed(model: string, inputs: string[], signal?: AbortSignal): Promise<number[][]> {
    if (typeof model !== 'string' || model.trim() === '') {
      throw new JarvisError('invalid-input', `No ${LABEL} embedding model is set: choose one in the Jarvis settings.`);
    }
    if (!Array.isArray(inputs) || inputs.some((s) => typeof s !== 'string')) {
      throw new JarvisError('invalid-input', 'Embedding inputs must be a list of strings.');
    }
    const conn = this.validConnection();
    if (inputs.length === 0) return [];
    throwIfAborted(signal);
    let response: OpenAI.Embeddings.CreateEmbeddingResponse;
    try {
      // 'float' explicitly: the SDK otherwise asks for base64 and decodes it blindly, which breaks
      // on compatible servers that ignore encoding_format and return plain arrays.
      response = await this.client(conn).embeddings.create({ model, input: inputs, encoding_format: 'float' }, signal ? { signal } : undefined);
    } catch (e) {
      throw this.toError(e, conn, model);
    }
    return orderedEmbeddings(response, inputs.length, model);
  }

  /** A client per request (about 1 ms), so a changed key or setting applies at once. */
  private client(conn: ValidCloudConnection): OpenAI {
    return new OpenAI({
      ...this.clientOptions(conn),
      baseURL: conn.baseUrl,
      // Explicit nulls stop the SDK from picking up OPENAI_ORG_ID / OPENAI_PROJECT_ID from the
      // environment and sending them to a third-party compatible server.
      organization: null,
      project: null,
    });
  }
}

const OFFICIAL_HOST = 'api.openai.com';

function chatBody(request: ProviderChatRequest, tools: CheckedTool[], baseUrl: string): ChatCompletionCreateParamsStreaming {
  const converted = toOpenAIRequest(request.messages, tools, request.toolMode === 'required');
  const body: ChatCompletionCreateParamsStreaming = {
    model: request.model,
    messages: converted.messages,
    stream: true,
    stream_options: { include_usage: true },
  };
  if (converted.tools) {
    body.tools = converted.tools;
    body.tool_choice = converted.tool_choice;
  }
  if (request.temperature !== undefined) body.temperature = request.temperature;
  if (request.maxTokens !== undefined) {
    // OpenAI's newer models refuse `max_tokens`; many compatible servers only know it.
    if (new URL(baseUrl).hostname === OFFICIAL_HOST) body.max_completion_tokens = request.maxTokens;
    else body.max_tokens = request.maxTokens;
  }
  return body;
}

function mapFinishReason(reason: string): FinishReason {
  if (reason === 'stop') return 'stop';
  if (reason === 'tool_calls') return 'tool-calls';
  if (reason === 'length') return 'length';
  return 'other';
}

function orderedEmbeddings(response: OpenAI.Embeddings.CreateEmbeddingResponse, expected: number, model: string): number[][] {
  const invalid = (why: string) =>
    new JarvisError('invalid-response', `${LABEL} returned unusable embeddings for "${model}": ${why}.`, {
      provider: 'openai',
      model,
    });
  const data = response?.data;
  if (!Array.isArray(data) || data.length !== expected) {
    throw invalid(`expected ${expected} vectors, got ${Array.isArray(data) ? data.length : 'none'}`);
  }
  const vectors: number[][] = new Array(expected);
  for (const item of data) {
    const index = item?.index;
    if (!Number.isInteger(index) || index < 0 || index >= expected || vectors[index] !== undefined) {
      throw invalid(`bad or repeated index ${String(index)}`);
    }
    if (!Array.isArray(item.embedding) || item.embedding.some((x) => typeof x !== 'number')) {
      throw invalid(`vector ${index} is not a list of numbers`);
    }
    vectors[index] = item.embedding;
  }
  return vectors;
}
