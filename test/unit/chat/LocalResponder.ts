import type { Clock } from '../../../src/common/Clock';
import { JarvisError } from '../../../src/common/errors';
import type { JarvisSettings } from '../../../src/core/config/settings';
import type { LlmProvider, TokenUsage } from '../../../src/core/llm/types';
import type { Logger } from '../../../src/core/ports';
import type { ChatChunk } from '../../../src/core/chat/ChatChunk';
import type { PreparedRequest, Responder } from '../../../src/core/chat/ChatPipeline';

/**
 * The simplest correct Responder, for the ChatEngine tests: answers with the configured local model
 * only, throwing JarvisErrors for the engine to present. (It was product code once; the product
 * always answers through RoutingService, so it lives with the tests that use it.)
 */
export class LocalResponder implements Responder {
  constructor(
    private readonly settings: () => JarvisSettings,
    private readonly provider: LlmProvider,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async *respond(request: PreparedRequest): AsyncGenerator<ChatChunk> {
    const { enabled, model } = this.settings().ollama;
    if (!enabled) {
      throw new JarvisError('provider-disabled', 'Ollama is turned off (jarvis.ollama.enabled), and no other model is available.');
    }
    const started = this.clock.monotonic();
    let ttftMs: number | undefined;
    yield { type: 'model', model, provider: this.provider.id, local: this.provider.local, reason: 'your local model (jarvis.ollama.model)' };
    let usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
    let truncated = false;
    let answered = model;
    for await (const chunk of this.provider.chat({ model, messages: request.messages, signal: request.signal })) {
      if (chunk.type === 'text') {
        ttftMs ??= Math.round(this.clock.monotonic() - started);
        yield { type: 'markdown', text: chunk.text };
      } else if (chunk.type === 'done') {
        usage = chunk.usage;
        truncated = chunk.finishReason === 'length';
        answered = chunk.model || model;
      }
    }
    const durationMs = Math.round(this.clock.monotonic() - started);
    this.logger.info(`chat ← ${answered}: ${usage.inputTokens} in / ${usage.outputTokens} out tokens in ${durationMs} ms`);
    yield { type: 'done', model: answered, usage, durationMs, truncated, local: this.provider.local, cost: { usd: 0 }, ttftMs };
  }
}
