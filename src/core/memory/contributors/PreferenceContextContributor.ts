import { errorMessage } from '../../../common/errors';
import type { ChatEngineRequest } from '../../chat/ChatChunk';
import type { ContextContribution, ContextContributor } from '../../chat/ChatPipeline';
import type { JarvisSettings } from '../../config/settings';
import { type Logger, nullLogger } from '../../ports';
import { extractPreferences, readPreferences } from '../preferences/extractPreferences';
import type { LlmPreferenceReader } from '../preferences/LlmPreferenceReader';
import type { Preference } from '../preferences/Preference';
import type { PreferenceLearner } from '../preferences/PreferenceLearner';

export interface PreferenceContextContributorOptions {
  learner: PreferenceLearner;
  settings: () => JarvisSettings;
  /**
   * Runs once, before the first contribution (e.g. reading .editorconfig): workspace learning is
   * lazy so activation stays cheap. Failures are logged, never shown in the chat.
   */
  prepare?: () => Promise<void>;
  /** Told about proposals waiting for review, to ask "Jarvis noticed: you prefer … — Keep / Edit / Dismiss". */
  onProposals?: (pending: Preference[]) => void;
  /** The local model as a second reader, used while `jarvis.preferences.llm` is on. */
  llmReader?: LlmPreferenceReader;
  /** Whether Ollama answers right now (the status monitor's health check); the second reader runs only then. */
  localModelReady?: () => Promise<boolean>;
  /** Prompts Jarvis wrote itself (editor commands such as Refactor): not the user's words, so nothing is learned from them. */
  isGeneratedPrompt?: (prompt: string) => boolean;
  logger?: Logger;
}

const HEADER = "Follow the user's preferences unless the request says otherwise:";

/**
 * Adds the preferences relevant to the request (its language, task and category; confirmed ones and
 * learned ones at least `jarvis.preferences.confidenceThreshold` confident; newer over contradicted
 * ones; within `jarvis.preferences.maxPromptTokens`) to the system prompt, naming each in a reference.
 * Learns from what the user says; what it is unsure of goes to the review queue instead.
 */
export class PreferenceContextContributor implements ContextContributor {
  readonly name = 'Preferences';
  private prepared: Promise<void> | undefined;
  private readonly logger: Logger;
  private background: Promise<void> = Promise.resolve();

  constructor(private readonly options: PreferenceContextContributorOptions) {
    this.logger = options.logger ?? nullLogger;
  }

  async contribute(request: ChatEngineRequest, _signal: AbortSignal): Promise<ContextContribution> {
    await this.prepare();
    const s = this.options.settings().preferences;
    const languageIds = (request.attachments ?? []).flatMap((a) => (a.languageId ? [a.languageId] : []));
    const { used, skipped } = this.options.learner.preferencesFor(
      { prompt: request.prompt, languageIds },
      { threshold: s.confidenceThreshold > 0 ? s.confidenceThreshold : 0.01, budgetTokens: s.maxPromptTokens },
    );
    if (used.length === 0) return {};
    const superseded = skipped.filter((k) => k.why === 'superseded');
    const detail = [
      used.map((p) => p.statement).join('; '),
      ...superseded.map((k) => `not applied: “${k.preference.statement}” (superseded by “${k.by!.statement}”)`),
    ].join('\n');
    return {
      system: `${HEADER}\n${used.map((p) => `- ${p.statement}`).join('\n')}`,
      references: [{ type: 'reference', title: `applied ${used.length} preference${used.length === 1 ? '' : 's'}`, detail }],
    };
  }

  async observe(exchange: { prompt: string }): Promise<void> {
    const s = this.options.settings().preferences;
    if (!s.learning) return;
    const text = exchange.prompt.trim();
    if (text === '' || this.options.isGeneratedPrompt?.(text)) return;
    for (const r of readPreferences(text).refused)
      this.logger.info(`Preferences: not learned (about routing, privacy or instructions, which only settings change): “${r.slice(0, 80)}”`);
    const touched = await this.options.learner.learnFromText(text);
    const learned = touched.filter((p) => p.status !== 'pending');
    if (learned.length > 0) this.logger.info(`Preferences: learned ${learned.map((p) => `${p.id}=${p.value.slice(0, 40)}`).join(', ')}.`);
    this.propose(touched);
    if (s.llm && this.options.llmReader && this.options.settings().ollama.enabled) {
      // In the background: the chat is answered already, and the local model may take seconds.
      this.background = this.background.then(() => this.secondReading(text));
    }
  }

  /** Resolves when background readings started so far have finished (for tests and shutdown). */
  whenIdle(): Promise<void> {
    return this.background;
  }

  /** Runs `prepare` again before the next chat (e.g. once the workspace becomes trusted). */
  resetPreparation(): void {
    this.prepared = undefined;
  }

  private async secondReading(text: string): Promise<void> {
    try {
      // The setting being on says nothing about Ollama running; asking a dead host would only log failures.
      if (!(await (this.options.localModelReady?.() ?? Promise.resolve(false)))) return;
      const proposals = await this.options.llmReader!.read(text, extractPreferences(text));
      if (proposals.length === 0) return;
      this.propose(await this.options.learner.propose(proposals));
    } catch (e) {
      this.logger.warn(`Preferences: the local model's second reading failed: ${errorMessage(e)}`);
    }
  }

  private propose(touched: Preference[]): void {
    const pending = touched.filter((p) => p.status === 'pending');
    if (pending.length === 0 || !this.options.onProposals) return;
    try {
      this.options.onProposals(pending);
    } catch (e) {
      this.logger.warn(`Preferences: could not offer the review: ${errorMessage(e)}`);
    }
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
