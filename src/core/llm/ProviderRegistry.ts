import type { Clock } from '../../common/Clock';
import { Emitter, type Event } from '../../common/Emitter';
import { JarvisError } from '../../common/errors';
import type { JarvisSettings } from '../config/settings';
import { Lazy, lazyAsync } from '../../common/Lazy';
import type { Logger } from '../ports';
import type { CloudConnection } from './CloudConnection';
import { OllamaProvider } from './ollama/OllamaProvider';
import type { LlmProvider, ProviderChatRequest, ProviderChunk, ProviderId } from './types';

export type CloudProviderId = 'openai' | 'anthropic';

/** Chat models other extensions provide (vscode.lm), as the routing service receives them. */
export interface ExtraModel {
  provider: LlmProvider;
  model: string;
  vendor: string;
}

export interface ProviderRegistryDeps {
  settings: () => JarvisSettings;
  keys: { get(provider: CloudProviderId): Promise<string | undefined> };
  extraModels?: { list(): Promise<ExtraModel[]> };
  /** The Ollama chat provider built by the composition root. @default one built from `settings().ollama.host` */
  ollama?: LlmProvider;
  clock: Clock;
  logger: Logger;
  /** How long the vscode.lm model list is reused. @default 30000 */
  extraModelsTtlMs?: number;
  /** Retries the SDKs make themselves. @default 0 (the routing service retries; see CloudConnection). */
  sdkMaxRetries?: number;
}

/**
 * Every model provider the router can use, built from settings on demand. The SDK-backed cloud
 * providers are imported on their first call (activation loads no SDK). Keys and vscode.lm models
 * are read asynchronously by `refresh()` before each request, because providers and availability
 * checks read them synchronously.
 */
export class ProviderRegistry {
  readonly ollama: LlmProvider;
  readonly openai: LlmProvider;
  readonly anthropic: LlmProvider;
  readonly vscode: LlmProvider;
  private keyValues: Partial<Record<CloudProviderId, string>> = {};
  private extra = new Map<string, ExtraModel>();
  private extraAt = -Infinity;
  private readonly modelsChanged = new Emitter<void>();
  /** Fires when the set of vscode.lm model ids changed (routes that include them must be rebuilt). */
  readonly onDidChangeModels: Event<void> = this.modelsChanged.event;

  constructor(private readonly deps: ProviderRegistryDeps) {
    const { settings, logger, clock } = deps;
    this.ollama = deps.ollama ?? new OllamaProvider(() => ({ host: settings().ollama.host }), logger);
    this.openai = new LazyProvider(
      'openai',
      lazyAsync(async () => {
        const { OpenAIProvider } = await import('./cloud/OpenAIProvider.js');
        return new OpenAIProvider(() => this.connection('openai'), logger, clock);
      }),
    );
    this.anthropic = new LazyProvider(
      'anthropic',
      lazyAsync(async () => {
        const { AnthropicProvider } = await import('./cloud/AnthropicProvider.js');
        return new AnthropicProvider(() => this.connection('anthropic'), logger, clock);
      }),
    );
    this.vscode = new VscodeModelsProvider((model) => this.extra.get(model));
  }

  all(): LlmProvider[] {
    return [this.ollama, this.openai, this.anthropic, this.vscode];
  }

  /** True when SDK-backed providers have been loaded (for tests of lazy loading). */
  get cloudLoaded(): boolean {
    return (this.openai as LazyProvider).loaded || (this.anthropic as LazyProvider).loaded;
  }

  /** Reads the API keys and (when enabled, at most every 30 s) the vscode.lm models. Never throws. */
  async refresh(): Promise<void> {
    const [openai, anthropic] = await Promise.all([this.readKey('openai'), this.readKey('anthropic')]);
    this.keyValues = { openai, anthropic };
    const ttl = this.deps.extraModelsTtlMs ?? 30_000;
    const before = this.vscodeModels().join('\n');
    if (!this.deps.extraModels || !this.deps.settings().routing.useVscodeModels) {
      this.extra.clear();
    } else if (this.deps.clock.now() - this.extraAt >= ttl) {
      try {
        const list = await this.deps.extraModels.list();
        this.extra = new Map(list.map((m) => [m.model, m]));
      } catch (e) {
        this.deps.logger.warn(`VS Code chat models are unavailable: ${e instanceof Error ? e.message : String(e)}`);
        this.extra.clear();
      }
      this.extraAt = this.deps.clock.now();
    }
    if (this.vscodeModels().join('\n') !== before) this.modelsChanged.fire();
  }

  dispose(): void {
    this.modelsChanged.dispose();
  }

  hasKey(provider: CloudProviderId): boolean {
    return this.keyValues[provider] !== undefined;
  }

  /** vscode.lm model ids currently offered, in the order the host listed them. */
  vscodeModels(): string[] {
    return [...this.extra.keys()];
  }

  private async readKey(provider: CloudProviderId): Promise<string | undefined> {
    try {
      const key = (await this.deps.keys.get(provider))?.trim();
      return key ? key : undefined;
    } catch (e) {
      // Never log the key itself; the error from SecretStorage does not contain it.
      this.deps.logger.warn(`Could not read the ${provider} API key: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  private connection(provider: CloudProviderId): CloudConnection {
    const s = this.deps.settings();
    const { firstTokenTimeoutSeconds, idleTimeoutSeconds } = s.resilience;
    return {
      baseUrl: s[provider].baseUrl,
      apiKey: this.keyValues[provider],
      // The routing service retries (RetryPolicy); the SDKs must not retry as well.
      maxRetries: this.deps.sdkMaxRetries ?? 0,
      // The SDK's own timer must never fire before the service's first-token / idle deadlines.
      timeoutMs: Math.ceil(Math.max(firstTokenTimeoutSeconds, idleTimeoutSeconds) * 1000) + 1000,
    };
  }
}

/** A provider whose implementation (and SDK) is loaded on its first chat. */
class LazyProvider implements LlmProvider {
  readonly local = false;
  constructor(
    readonly id: ProviderId,
    private readonly impl: Lazy<LlmProvider>,
  ) {}

  get loaded(): boolean {
    return this.impl.isLoaded;
  }

  async *chat(request: ProviderChatRequest): AsyncGenerator<ProviderChunk, void, undefined> {
    const provider = await this.impl.get();
    yield* provider.chat(request);
  }
}

/** One provider id ('vscode') in front of every vscode.lm model, dispatching by model id. */
class VscodeModelsProvider implements LlmProvider {
  readonly id = 'vscode' as const;
  readonly local = false;
  constructor(private readonly find: (model: string) => ExtraModel | undefined) {}

  async *chat(request: ProviderChatRequest): AsyncGenerator<ProviderChunk, void, undefined> {
    const entry = this.find(request.model);
    if (!entry) {
      throw new JarvisError('model-not-found', `The VS Code chat model ${request.model} is not available any more.`, {
        provider: 'vscode',
        model: request.model,
      });
    }
    yield* entry.provider.chat(request);
  }
}
