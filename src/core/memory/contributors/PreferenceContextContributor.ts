import { errorMessage } from '../../../common/errors';
import type { ChatEngineRequest } from '../../chat/ChatChunk';
import type { ContextContribution, ContextContributor } from '../../chat/ChatPipeline';
import type { JarvisSettings } from '../../config/settings';
import { type Logger, nullLogger } from '../../ports';
import type { PreferenceLearner } from '../preferences/PreferenceLearner';

export interface PreferenceContextContributorOptions {
  learner: PreferenceLearner;
  settings: () => JarvisSettings;
  /**
   * Runs once, before the first contribution (e.g. reading .editorconfig): workspace learning is
   * lazy so activation stays cheap. Failures are logged, never shown in the chat.
   */
  prepare?: () => Promise<void>;
  logger?: Logger;
}

/**
 * A prompt that states a preference ("I prefer tabs", "always use pytest") is explicit evidence; anything
 * else (a question that mentions double quotes) only hints at one.
 */
const STATES_PREFERENCE = /\b(?:i|we)\s+(?:really\s+)?(?:prefer|like|want|always|never|use|hate|dislike)\b|\bplease\s+(?:always|never|use|don't|do not)\b|\b(?:always|never)\s+use\b|\bfrom now on\b/i;

/** Adds confirmed and confident preferences to the system prompt, and learns from what the user says. */
export class PreferenceContextContributor implements ContextContributor {
  readonly name = 'Preferences';
  private prepared: Promise<void> | undefined;
  private readonly logger: Logger;

  constructor(private readonly options: PreferenceContextContributorOptions) {
    this.logger = options.logger ?? nullLogger;
  }

  async contribute(_request: ChatEngineRequest, _signal: AbortSignal): Promise<ContextContribution> {
    await this.prepare();
    const threshold = this.options.settings().preferences.confidenceThreshold;
    const active = this.options.learner.activePreferences(threshold);
    if (active.length === 0) return {};
    const system = this.options.learner.applyPreferencesToPrompt('', threshold).trim();
    return {
      system,
      references: [
        {
          type: 'reference',
          title: `applied ${active.length} preference${active.length === 1 ? '' : 's'}`,
          detail: active.map((p) => p.statement).join('; '),
        },
      ],
    };
  }

  async observe(exchange: { prompt: string }): Promise<void> {
    if (!this.options.settings().preferences.learning) return;
    const text = exchange.prompt.trim();
    if (text === '') return;
    const source = STATES_PREFERENCE.test(text) && !text.endsWith('?') ? 'explicit' : 'inferred';
    const learned = await this.options.learner.learnFromText(text, source);
    if (learned.length > 0) this.logger.info(`Preferences: learned ${learned.map((p) => `${p.id}=${p.value}`).join(', ')} (${source}).`);
  }

  /** Runs `prepare` again before the next chat (e.g. once the workspace becomes trusted). */
  resetPreparation(): void {
    this.prepared = undefined;
  }

  /** Runs `prepare` once; a failure is logged and retried on the next chat. */
  private prepare(): Promise<void> {
    if (!this.options.prepare) return Promise.resolve();
    this.prepared ??= this.options.prepare().catch((e: unknown) => {
      this.prepared = undefined;
      this.logger.warn(`Preferences: could not read workspace settings: ${errorMessage(e)}`);
    });
    return this.prepared;
  }
}
