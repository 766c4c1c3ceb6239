import Anthropic, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import type { MessageCreateParamsStreaming, RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import { throwIfAborted } from '../../../common/abort';
import type { ValidCloudConnection } from '../CloudConnection';
import { type CloudProviderIdentity, SdkCloudProvider } from '../SdkCloudProvider';
import { StreamWatchdog } from '../StreamWatchdog';
import type { FinishReason, LlmProvider, ProviderChatRequest, ProviderChunk } from '../types';
import { validateChatRequest } from '../validateChatRequest';
import { toAnthropicRequest } from '../tools/toAnthropicRequest';
import { ToolCallAssembler } from '../tools/ToolCallAssembler';
import { type CheckedTool, validateTools } from '../tools/validateTools';

const ANTHROPIC: CloudProviderIdentity = {
  provider: 'anthropic',
  label: 'Anthropic',
  keyCommand: 'Jarvis: Set Anthropic API Key',
  sdk: { APIError, APIUserAbortError, APIConnectionError, APIConnectionTimeoutError },
};

/**
 * The Messages API requires `max_tokens`. Used when the caller sets no limit.
 * @default 4096
 */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 4096;

/** Chat through the official `@anthropic-ai/sdk` against Anthropic or a compatible server. */
export class AnthropicProvider extends SdkCloudProvider implements LlmProvider {
  readonly id = 'anthropic' as const;
  protected readonly who = ANTHROPIC;

  async *chat(request: ProviderChatRequest): AsyncIterable<ProviderChunk> {
    validateChatRequest(request, ANTHROPIC.label);
    const tools = validateTools(request.tools, request.toolMode, ANTHROPIC.label);
    const conn = this.validConnection();
    const body = messagesBody(request, tools);
    const calls = new ToolCallAssembler({ provider: 'anthropic', model: request.model });
    throwIfAborted(request.signal);
    const watchdog = new StreamWatchdog(conn.timeoutMs, request.signal);
    let started = false;
    let stopped = false;
    let inputTokens = 0;
    let outputTokens = 0;
    let finishReason: FinishReason | undefined;
    let model = request.model;
    try {
      const stream = await this.client(conn).messages.create(body, { signal: watchdog.signal });
      watchdog.touch();
      for await (const event of stream as AsyncIterable<RawMessageStreamEvent>) {
        switch (event.type) {
          case 'message_start':
            started = true;
            model = event.message.model || model;
            inputTokens = event.message.usage?.input_tokens ?? 0;
            outputTokens = event.message.usage?.output_tokens ?? 0;
            break;
          case 'content_block_start':
            if (event.content_block.type === 'tool_use') calls.add(event.index, { id: event.content_block.id, name: event.content_block.name });
            break;
          case 'content_block_delta':
            // Text is shown; tool input is collected; other kinds (thinking) are not shown.
            if (event.delta.type === 'text_delta' && event.delta.text) {
              watchdog.pause();
              yield { type: 'text', text: event.delta.text };
            } else if (event.delta.type === 'input_json_delta' && calls.has(event.index)) {
              calls.add(event.index, { arguments: event.delta.partial_json });
            }
            break;
          case 'content_block_stop':
            calls.close(event.index);
            break;
          case 'message_delta':
            // Counts here are cumulative, so they replace rather than add.
            if (typeof event.usage?.output_tokens === 'number') outputTokens = event.usage.output_tokens;
            if (typeof event.usage?.input_tokens === 'number') inputTokens = event.usage.input_tokens;
            if (event.delta.stop_reason) finishReason = mapStopReason(event.delta.stop_reason);
            break;
          case 'message_stop':
            stopped = true;
            break;
          default:
            // ping and unknown future events carry nothing we use.
            break;
        }
        watchdog.touch();
      }
      // The SDK ends the loop quietly when its signal aborts; tell the two causes apart here.
      if (watchdog.timedOut) throw this.idleTimeout(conn, request.model);
      throwIfAborted(request.signal);
      if (!started || !stopped) {
        throw this.incompleteStream(conn, request.model);
      }
      const made = calls.finish(true);
      if (request.toolMode === 'required' && made.length === 0) throw this.noToolCall(conn, request.model);
      for (const call of made) yield { type: 'toolCall', call };
      if (made.length > 0) finishReason = 'tool-calls';
      yield {
        type: 'done',
        usage: { inputTokens, outputTokens },
        finishReason: finishReason ?? 'other',
        model,
      };
    } catch (e) {
      throw this.streamFailure(e, watchdog, request.signal, conn, request.model);
    } finally {
      watchdog.dispose();
    }
  }

  /** A client per request (about 0.3 ms), so a changed key or setting applies at once. */
  private client(conn: ValidCloudConnection): Anthropic {
    return new Anthropic({
      ...this.clientOptions(conn),
      // The SDK appends `/v1/messages`; users often paste the base URL with `/v1` already on it.
      baseURL: conn.baseUrl.replace(/\/v1$/, ''),
    });
  }
}

function messagesBody(request: ProviderChatRequest, tools: CheckedTool[]): MessageCreateParamsStreaming {
  const { system, messages, tools: anthropicTools, tool_choice } = toAnthropicRequest(request.messages, tools, request.toolMode === 'required');
  const body: MessageCreateParamsStreaming = {
    model: request.model,
    max_tokens: request.maxTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS,
    messages,
    stream: true,
  };
  if (system !== undefined) body.system = system;
  if (anthropicTools) {
    body.tools = anthropicTools;
    body.tool_choice = tool_choice;
  }
  // `temperature` is deliberately not sent: the API deprecated it and SDK 1.x no longer has it in
  // the request type, so sending it would bypass the SDK's contract with the server.
  return body;
}

function mapStopReason(reason: string): FinishReason {
  if (reason === 'end_turn' || reason === 'stop_sequence') return 'stop';
  if (reason === 'tool_use') return 'tool-calls';
  if (reason === 'max_tokens' || reason === 'model_context_window_exceeded') return 'length';
  return 'other';
}
