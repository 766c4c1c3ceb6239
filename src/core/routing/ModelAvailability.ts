import { missingKeyReason } from './missingKey';
import type { Clock } from '../../common/Clock';
import { cloudLimits, ollamaLimits, STAND_IN_TOKENIZER_MARGIN } from '../llm/contextLimits';
import { encodingFor } from '../llm/tokens/TokenCounter';
import { errorMessage, isJarvisError, JarvisError } from '../../common/errors';
import type { JarvisSettings } from '../config/settings';
import { sameModel } from '../llm/ollama/modelName';
import type { OllamaModelDetails, OllamaModelInfo } from '../llm/ollama/OllamaTypes';
import type { ProviderRegistry } from '../llm/ProviderRegistry';
import type { Availability, Candidate } from './Candidate';
import type { Logger } from '../ports';
import type { CircuitBreakers } from '../resilience/CircuitBreakers';
import type { Timer } from '../resilience/Timer';

/** How long the installed-model list is reused. */
export const OLLAMA_LIST_TTL_MS = 30_000;
/** After a failed listing, Ollama is considered down for this long before asking again. */
const OLLAMA_DOWN_TTL_MS = 5_000;
/** How long what `/api/show` said about a model (its capabilities, its context window) is reused. */
export const OLLAMA_DETAILS_TTL_MS = 5 * 60_000;
/** Longest wait for the model list: a host that never answers must not hold up every chat. */
const OLLAMA_LIST_TIMEOUT_MS = 5_000;

export interface ModelAvailabilityDeps {
  settings: () => JarvisSettings;
  ollamaModels: () => Promise<OllamaModelInfo[]>;
  /** `/api/show` of one model; without it every Ollama model is assumed able to call tools, and its window is unknown. */
  ollamaDetails?: (model: string) => Promise<OllamaModelDetails>;
  registry: ProviderRegistry;
  breakers: () => CircuitBreakers;
  clock: Clock;
  timer: Timer;
  logger: Logger;
}

/**
 * What the router may use right now: Ollama models that are installed (list cached ~30 s, refreshed
 * after a model-not-found), cloud providers with a key, vscode.lm models on offer, providers that
 * are enabled, and nothing whose circuit breaker is open. `prepare()` does the async reading once
 * per request so that `check` is synchronous and cheap.
 */
export class ModelAvailability {
  private installed: string[] | undefined;
  private listedAt = -Infinity;
  private listError: JarvisError | undefined;
  private listing: Promise<void> | undefined;
  private readonly details = new Map<string, { capabilities: string[] | undefined; contextLength?: number; at: number }>();

  constructor(private readonly deps: ModelAvailabilityDeps) {}

  /** The error of the last failed model listing while Ollama is considered down. */
  get ollamaDown(): JarvisError | undefined {
    return this.listError;
  }

  /** Forgets the installed-model list (e.g. after Ollama said a listed model is missing). */
  invalidateOllama(): void {
    this.listedAt = -Infinity;
  }

  async prepare(): Promise<void> {
    await Promise.all([this.deps.registry.refresh(), this.refreshOllama()]);
  }

  /**
   * Before a request with tools or one that may not fit every window: learns which installed Ollama
   * models can call tools and how large their context windows are.
   */
  async prepareDetails(): Promise<void> {
    const show = this.deps.ollamaDetails;
    if (!show || !this.installed || this.listError) return;
    const now = this.deps.clock.now();
    const stale = this.installed.filter((name) => now - (this.details.get(name)?.at ?? -Infinity) > OLLAMA_DETAILS_TTL_MS);
    await Promise.all(
      stale.map(async (name) => {
        try {
          const d = await show(name);
          this.details.set(name, { capabilities: d.capabilities, contextLength: d.contextLength, at: now });
        } catch (e) {
          // Unknown: let the model try; Ollama's own refusal is reported clearly.
          this.deps.logger.debug(`Ollama /api/show ${name} failed: ${errorMessage(e)}`);
          this.details.set(name, { capabilities: undefined, at: now });
        }
      }),
    );
  }

  /** Why candidate `c` cannot take a request with tools, or undefined when it can (or nobody knows). */
  readonly toolSupport = (c: Candidate): string | undefined => {
    if (c.provider !== 'ollama') return undefined;
    const entry = [...this.details.entries()].find(([name]) => sameModel(name, c.model))?.[1];
    const caps = entry?.capabilities;
    // Servers too old to report capabilities report none: not a reason to refuse.
    if (!caps || caps.length === 0 || caps.includes('tools')) return undefined;
    return `${c.model} cannot call tools (its \`ollama show\` capabilities lack "tools"): pull one that can, e.g. \`ollama pull qwen2.5\` or llama3.1`;
  };

  /**
   * How many tokens (counted with the stand-in tokenizer) of request candidate `c` surely takes, and its
   * whole window; undefined when unknown (an Ollama model `/api/show` said nothing about, vscode.lm
   * models): such a candidate is not checked.
   */
  readonly inputLimit = (c: Candidate): { input: number; window: number } | undefined => {
    if (c.provider === 'vscode') return undefined;
    if (c.provider === 'ollama') {
      const window = [...this.details.entries()].find(([name]) => sameModel(name, c.model))?.[1].contextLength;
      return window === undefined ? undefined : { input: Math.floor(ollamaLimits(window).maxInputTokens * STAND_IN_TOKENIZER_MARGIN), window };
    }
    const limits = cloudLimits(c.model);
    const exact = encodingFor(c.provider, c.model).exact;
    return { input: Math.floor(limits.maxInputTokens * (exact ? 1 : STAND_IN_TOKENIZER_MARGIN)), window: limits.maxInputTokens + limits.maxOutputTokens };
  };

  readonly check = (c: Candidate): Availability => {
    const s = this.deps.settings();
    switch (c.provider) {
      case 'ollama': {
        if (!s.ollama.enabled) return { ok: false, reason: 'Ollama is turned off (jarvis.ollama.enabled)' };
        if (this.listError) return { ok: false, reason: `Ollama is not reachable at ${s.ollama.host}` };
        // The configured model is always tried, so a missing one reports Ollama's own error (with "Pull").
        const listed = this.installed?.some((name) => sameModel(name, c.model)) ?? true;
        if (!listed && !sameModel(c.model, s.ollama.model)) return { ok: false, reason: 'not installed in Ollama' };
        break;
      }
      case 'openai':
      case 'anthropic':
        if (!this.deps.registry.hasKey(c.provider)) {
          return { ok: false, reason: missingKeyReason(c.provider) };
        }
        break;
      case 'vscode':
        if (!s.routing.useVscodeModels) return { ok: false, reason: 'VS Code chat models are turned off (jarvis.routing.useVscodeModels)' };
        if (!this.deps.registry.vscodeModels().includes(c.model)) return { ok: false, reason: 'not offered by VS Code' };
        break;
    }
    if (!this.deps.breakers().isAvailable({ provider: c.provider, model: c.model })) {
      return { ok: false, reason: 'paused after repeated failures (circuit open)' };
    }
    return { ok: true };
  };

  private refreshOllama(): Promise<void> {
    if (!this.deps.settings().ollama.enabled) return Promise.resolve();
    const age = this.deps.clock.now() - this.listedAt;
    if (age < (this.listError ? OLLAMA_DOWN_TTL_MS : OLLAMA_LIST_TTL_MS)) return Promise.resolve();
    // Concurrent requests share one listing.
    this.listing ??= this.list().finally(() => (this.listing = undefined));
    return this.listing;
  }

  private async list(): Promise<void> {
    const { timer } = this.deps;
    let handle: unknown;
    const deadline = new Promise<never>((_, reject) => {
      handle = timer.setTimeout(
        () => reject(new JarvisError('timeout', `Ollama did not list its models within ${OLLAMA_LIST_TIMEOUT_MS / 1000} s.`)),
        OLLAMA_LIST_TIMEOUT_MS,
      );
    });
    try {
      const models = await Promise.race([this.deps.ollamaModels(), deadline]);
      this.installed = models.map((m) => m.name);
      if (this.listError) this.deps.logger.info('Ollama is reachable again.');
      this.listError = undefined;
    } catch (e) {
      const error = isJarvisError(e) ? e : new JarvisError('provider-unreachable', errorMessage(e), { cause: e });
      if (!this.listError) this.deps.logger.warn(`Ollama models could not be listed: ${error.message}`);
      this.listError = error;
    } finally {
      timer.clearTimeout(handle);
      this.listedAt = this.deps.clock.now();
    }
  }
}
