import * as vscode from 'vscode';
import { JarvisError, isJarvisError } from '../../common/errors';
import { lmErrorToJarvis } from './lmErrorToJarvis';
import type { ChatMessage, LlmProvider, ProviderChatRequest, ProviderChunk } from '../../core/llm/types';

const JUSTIFICATION = 'Jarvis routes chat requests to this model when your routing settings make it the best candidate.';

/**
 * One vscode.lm chat model (e.g. from Copilot) as an LlmProvider. The host owns the connection, the
 * keys and the billing; Jarvis only streams text and counts tokens with the model's own tokenizer.
 */
export class VscodeLmProvider implements LlmProvider {
  readonly id = 'vscode';
  readonly local = false;

  constructor(private readonly model: vscode.LanguageModelChat) {}

  async *chat(request: ProviderChatRequest): AsyncIterable<ProviderChunk> {
    const { signal } = request;
    const name = this.model.id;
    if (signal?.aborted) throw cancelled(name);
    const cts = new vscode.CancellationTokenSource();
    const onAbort = () => cts.cancel();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const messages = toLmMessages(request.messages);
      let response: vscode.LanguageModelChatResponse;
      try {
        response = await this.model.sendRequest(messages, { justification: JUSTIFICATION }, cts.token);
      } catch (e) {
        throw this.toError(e, signal);
      }
      let text = '';
      try {
        for await (const piece of response.text) {
          if (signal?.aborted) throw cancelled(name);
          if (piece === '') continue;
          text += piece;
          yield { type: 'text', text: piece };
        }
      } catch (e) {
        throw this.toError(e, signal);
      }
      if (signal?.aborted) throw cancelled(name);
      const [inputTokens, outputTokens] = await Promise.all([this.count(messages, cts.token), this.count([text], cts.token)]);
      yield { type: 'done', usage: { inputTokens, outputTokens }, finishReason: 'stop', model: name };
    } finally {
      signal?.removeEventListener('abort', onAbort);
      cts.dispose();
    }
  }

  /** The model's own tokenizer when it has one; otherwise about four characters a token. */
  private async count(parts: (string | vscode.LanguageModelChatMessage)[], token: vscode.CancellationToken): Promise<number> {
    let total = 0;
    for (const p of parts) {
      try {
        total += typeof this.model.countTokens === 'function' ? await this.model.countTokens(p, token) : estimate(p);
      } catch {
        total += estimate(p);
      }
    }
    return total;
  }

  private toError(e: unknown, signal: AbortSignal | undefined): JarvisError {
    if (isJarvisError(e)) return e;
    if (signal?.aborted || e instanceof vscode.CancellationError) return cancelled(this.model.id);
    if (e instanceof vscode.LanguageModelError) return lmErrorToJarvis(e.code, e.message, this.model.id, e.cause ?? e);
    return lmErrorToJarvis(undefined, e instanceof Error ? e.message : String(e), this.model.id, e);
  }
}

/** vscode.lm has no system role in the stable API: the system prompt becomes the first user message. */
function toLmMessages(messages: ChatMessage[]): vscode.LanguageModelChatMessage[] {
  return messages.map((m) => (m.role === 'assistant' ? vscode.LanguageModelChatMessage.Assistant(m.content) : vscode.LanguageModelChatMessage.User(m.content)));
}

function estimate(p: string | vscode.LanguageModelChatMessage): number {
  const text = typeof p === 'string' ? p : p.content.map((c) => (c instanceof vscode.LanguageModelTextPart ? c.value : '')).join('');
  return Math.ceil(text.length / 4);
}

function cancelled(model: string): JarvisError {
  return new JarvisError('cancelled', 'The request was cancelled.', { provider: 'vscode', model });
}
