import * as vscode from 'vscode';
import { errorMessage } from '../../common/errors';
import type { LlmProvider } from '../../core/llm/types';
import type { Logger } from '../../core/ports';
import type { ExtraModelSource } from '../../core/routing/RoutingServiceContract';
import { VscodeLmProvider } from './VscodeLmProvider';

type ExtraModel = { provider: LlmProvider; model: string; vendor: string };

/**
 * Chat models other extensions register with vscode.lm, for the router to use as cloud candidates.
 * The list is cached until VS Code reports a change. Hosts without vscode.lm (older forks, and
 * code-server, which has no model provider) simply offer none.
 */
export class VscodeLmModelSource implements ExtraModelSource, vscode.Disposable {
  private cached: Promise<ExtraModel[]> | undefined;
  private readonly listener: vscode.Disposable | undefined;

  constructor(private readonly logger: Logger) {
    this.listener = hasLm() ? vscode.lm.onDidChangeChatModels(() => (this.cached = undefined)) : undefined;
  }

  list(): Promise<ExtraModel[]> {
    if (!hasLm()) return Promise.resolve([]);
    this.cached ??= this.load();
    return this.cached;
  }

  private async load(): Promise<ExtraModel[]> {
    try {
      // Jarvis's own models (vendor "jarvis") route back here: offering them as candidates would loop.
      const models = (await vscode.lm.selectChatModels()).filter((m) => m.vendor !== 'jarvis');
      this.logger.debug(`vscode.lm offers ${models.length} chat model(s)${models.length ? `: ${models.map((m) => m.id).join(', ')}` : ''}`);
      return models.map((m) => ({ provider: new VscodeLmProvider(m), model: m.id, vendor: m.vendor }));
    } catch (e) {
      // Not cached: a transient failure should not hide the models until the next change event.
      this.cached = undefined;
      this.logger.warn(`Could not list VS Code chat models: ${errorMessage(e)}`);
      return [];
    }
  }

  dispose(): void {
    this.listener?.dispose();
  }
}

function hasLm(): boolean {
  return typeof vscode.lm?.selectChatModels === 'function' && typeof vscode.lm.onDidChangeChatModels === 'function';
}
