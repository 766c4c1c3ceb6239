import type * as vscode from 'vscode';
import { errorMessage, isJarvisError } from '../../common/errors';
import { AUTO_MODEL_ID, type CatalogEntry } from '../../core/llm/modelCatalog';
import type { TokenCounter } from '../../core/llm/tokens/TokenCounter';
import type { ProviderId } from '../../core/llm/types';
import type { Logger } from '../../core/ports';
import type { AgentResponder } from '../../core/routing/AgentResponder';
import { fromLmMessages, fromLmToolMode, fromLmTools } from './fromLmMessages';
import type { LmApi } from './LmApi';

/** The vendor of every Jarvis model, as declared under contributes.languageModelChatProviders. */
export const JARVIS_VENDOR = 'jarvis';

export interface JarvisChatModelProviderDeps {
  agent: AgentResponder;
  /** The models to offer now (Jarvis Auto, installed Ollama models, keyed cloud models). */
  catalog: () => Promise<CatalogEntry[]>;
  tokens: TokenCounter;
  logger: Logger;
  /** The `vscode` module (a stand-in with its classes in the benchmark). */
  vscode: LmApi;
}

/**
 * Jarvis in VS Code's model picker, and for any extension through vscode.lm: "Jarvis Auto" routes
 * each request like @jarvis; the other entries talk to one model directly. Responses stream as text
 * and tool-call parts; tool results come back in later requests.
 */
export class JarvisChatModelProvider implements vscode.LanguageModelChatProvider, vscode.Disposable {
  private readonly changed: vscode.EventEmitter<void>;
  readonly onDidChangeLanguageModelChatInformation: vscode.Event<void>;

  constructor(private readonly deps: JarvisChatModelProviderDeps) {
    this.changed = new deps.vscode.EventEmitter<void>();
    this.onDidChangeLanguageModelChatInformation = this.changed.event;
  }

  /** The set of models may have changed (settings, keys, Ollama models): VS Code asks again. */
  refresh(): void {
    this.changed.fire();
  }

  async provideLanguageModelChatInformation(): Promise<vscode.LanguageModelChatInformation[]> {
    // VS Code counts tokens of every request to a listed model: the tables load now, in the background.
    this.deps.tokens.warm();
    let entries: CatalogEntry[];
    try {
      entries = await this.deps.catalog();
    } catch (e) {
      // Jarvis Auto is always offered: it reports clearly, per request, what is missing.
      this.deps.logger.warn(`Could not list Jarvis models: ${errorMessage(e)}`);
      entries = [];
    }
    if (!entries.some((e) => e.id === AUTO_MODEL_ID)) entries.unshift(fallbackAuto());
    return entries.map((e) => ({
      id: e.id,
      name: e.name,
      family: e.family,
      version: e.version,
      detail: e.detail,
      tooltip: e.tooltip,
      maxInputTokens: e.maxInputTokens,
      maxOutputTokens: e.maxOutputTokens,
      capabilities: { toolCalling: e.toolCalling },
    }));
  }

  async provideLanguageModelChatResponse(
    model: vscode.LanguageModelChatInformation,
    messages: readonly vscode.LanguageModelChatRequestMessage[],
    options: vscode.ProvideLanguageModelChatResponseOptions,
    progress: vscode.Progress<vscode.LanguageModelResponsePart>,
    token: vscode.CancellationToken,
  ): Promise<void> {
    const vscode = this.deps.vscode;
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    try {
      if (token.isCancellationRequested) throw new vscode.CancellationError();
      const parts = this.deps.agent.respond({
        messages: fromLmMessages(vscode, messages),
        tools: fromLmTools(options.tools),
        toolMode: fromLmToolMode(vscode, options.toolMode),
        ...(targetOf(model.id) ? { model: targetOf(model.id) } : {}),
        // Without tools (Ask mode, another extension's question) it is a message like @jarvis's: routed
        // through the response cache, streamed, an escalation marked. With tools it is an agent's step.
        asChat: true,
        answerMode: 'fold',
        signal: abort.signal,
      });
      for await (const part of parts) {
        if (part.type === 'text') progress.report(new vscode.LanguageModelTextPart(part.text));
        else progress.report(new vscode.LanguageModelToolCallPart(part.call.id, part.call.name, part.call.input));
      }
    } catch (e) {
      if (token.isCancellationRequested || isJarvisError(e, 'cancelled')) throw new vscode.CancellationError();
      // VS Code shows the message of what a provider throws: Jarvis's already says what to do.
      throw new Error(`Jarvis: ${errorMessage(e)}`);
    } finally {
      sub.dispose();
    }
  }

  async provideTokenCount(model: vscode.LanguageModelChatInformation, text: string | vscode.LanguageModelChatRequestMessage): Promise<number> {
    const target = targetOf(model.id);
    const plain = typeof text === 'string' ? text : messageText(this.deps.vscode, text);
    return this.deps.tokens.count(target?.provider ?? 'auto', target?.model ?? '', plain);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** `ollama/qwen2.5:7b` → { ollama, qwen2.5:7b }; Jarvis Auto has none. */
export function targetOf(id: string): { provider: ProviderId; model: string } | undefined {
  const slash = id.indexOf('/');
  if (id === AUTO_MODEL_ID || slash < 0) return undefined;
  const provider = id.slice(0, slash);
  if (provider !== 'ollama' && provider !== 'openai' && provider !== 'anthropic') return undefined;
  return { provider, model: id.slice(slash + 1) };
}

/** A message as the model will read it: its text, tool calls and tool results. */
function messageText(api: LmApi, m: vscode.LanguageModelChatRequestMessage): string {
  const [c] = fromLmMessages(api, [m]);
  return [c.content, ...(c.toolCalls ?? []).map((t) => `${t.name} ${JSON.stringify(t.input)}`), ...(c.toolResults ?? []).map((r) => r.content)].join('\n');
}

function fallbackAuto(): CatalogEntry {
  return {
    id: AUTO_MODEL_ID,
    name: 'Jarvis Auto',
    family: 'jarvis-auto',
    version: '1',
    detail: 'local first, cloud when needed',
    tooltip: 'Routes each request like @jarvis.',
    maxInputTokens: 4_096,
    maxOutputTokens: 4_096,
    toolCalling: true,
  };
}
