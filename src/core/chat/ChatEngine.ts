import type { Clock } from '../../common/Clock';
import { errorMessage, isJarvisError, JarvisError } from '../../common/errors';
import type { JarvisSettings } from '../config/settings';
import type { Logger } from '../ports';
import type { ChatChunk, ChatEngineRequest } from './ChatChunk';
import { ContextContributor, MODIFIER_COMMANDS, PreparedRequest, Responder, SlashCommand } from './ChatPipeline';
import { buildMessages } from './buildMessages';
import { errorToChunk } from './errorToChunk';
import { parseSlashCommand } from './parseSlashCommand';
import { withAttachments } from './withAttachments';

export interface IChatEngine {
  run(request: ChatEngineRequest): AsyncIterable<ChatChunk>;
}

export interface ChatEngineDeps {
  settings: () => JarvisSettings;
  responder: Responder;
  contributors?: ContextContributor[];
  commands?: SlashCommand[];
  clock: Clock;
  logger: Logger;
  /** Told about every failure so the status bar can refresh (e.g. Ollama went away). */
  onFailure?: (e: unknown) => void;
}

/**
 * The one chat engine behind both front ends: slash commands, context (memory, preferences),
 * then the responder. It never throws for expected failures: it yields an `error` chunk with
 * actions, so the participant and the chat view render failures the same way.
 */
export class ChatEngine implements IChatEngine {
  constructor(private readonly deps: ChatEngineDeps) {}

  /** Commands both front ends offer (the participant declares the same list in package.json). */
  get commandNames(): string[] {
    return [...(this.deps.commands ?? []).map((c) => c.name), ...MODIFIER_COMMANDS];
  }

  async *run(request: ChatEngineRequest): AsyncGenerator<ChatChunk> {
    const settings = this.deps.settings();
    try {
      const parsed = request.command !== undefined ? { command: request.command, rest: request.prompt.trim() } : parseSlashCommand(request.prompt);
      const handler = parsed && this.deps.commands?.find((c) => c.name === parsed.command);
      if (parsed && handler) {
        yield* handler.run(parsed.rest, request);
        return;
      }
      if (parsed && !(MODIFIER_COMMANDS as readonly string[]).includes(parsed.command)) {
        throw new JarvisError('invalid-input', `Unknown command /${parsed.command}. Available: ${this.commandNames.map((n) => `/${n}`).join(', ')}.`);
      }
      let prompt = parsed ? parsed.rest : request.prompt;
      let commandArg: string | undefined;
      if (parsed?.command === 'tier') {
        [commandArg = '', prompt = ''] = splitFirstWord(prompt);
      }
      if (prompt.trim() === '') throw new JarvisError('invalid-input', 'Type a question first.');
      yield* this.answer(request, settings, { prompt, command: parsed?.command, commandArg });
    } catch (e) {
      if (isJarvisError(e, 'cancelled') || request.signal.aborted) {
        this.deps.logger.info('chat cancelled');
        return;
      }
      this.deps.logger.warn(`chat failed: ${isJarvisError(e) ? `${e.code}: ${e.message}` : errorMessage(e)}`);
      this.deps.onFailure?.(e);
      yield errorToChunk(e, settings);
    }
  }

  private async *answer(
    request: ChatEngineRequest,
    settings: JarvisSettings,
    ask: { prompt: string; command?: string; commandArg?: string },
  ): AsyncGenerator<ChatChunk> {
    const contributors = this.deps.contributors ?? [];
    const contributions = await Promise.allSettled(contributors.map((c) => c.contribute({ ...request, prompt: ask.prompt }, request.signal)));
    const system = [settings.chat.systemPrompt];
    const notices: Extract<ChatChunk, { type: 'notice' }>[] = [];
    const files: NonNullable<PreparedRequest['files']> = [];
    for (const [i, result] of contributions.entries()) {
      if (result.status === 'rejected') {
        if (request.signal.aborted) throw result.reason;
        const why = errorMessage(result.reason);
        this.deps.logger.warn(`${contributors[i].name} unavailable: ${why}`);
        yield { type: 'notice', level: 'warning', message: `${contributors[i].name} is unavailable for this answer: ${why}` };
        continue;
      }
      if (result.value.system) system.push(result.value.system);
      for (const ref of result.value.references ?? []) yield ref;
      notices.push(...(result.value.notices ?? []));
      files.push(...(result.value.files ?? []));
    }
    // After every contributor's references, so a greeting does not split the list of sources.
    yield* notices;
    const attachments = request.attachments ?? [];
    const { text, cut } = withAttachments(ask.prompt, attachments);
    if (cut.length > 0) yield { type: 'notice', level: 'warning', message: `Attached text was too long and was cut: ${cut.join(', ')}.` };
    const prepared: PreparedRequest = {
      prompt: ask.prompt,
      messages: buildMessages(system.filter(Boolean).join('\n\n'), request.history, text, settings.chat.historyTurns),
      attachments,
      command: ask.command,
      commandArg: ask.commandArg,
      signal: request.signal,
      ...(request.editorLanguageId ? { editorLanguageId: request.editorLanguageId } : {}),
      ...(request.answerMode ? { answerMode: request.answerMode } : {}),
      ...(files.length ? { files } : {}),
    };
    this.deps.logger.info(`chat → ${prepared.messages.length} messages, ${ask.prompt.length} chars${ask.command ? `, /${ask.command}` : ''}`);

    let answer = '';
    let finished: Extract<ChatChunk, { type: 'done' }> | undefined;
    for await (const chunk of this.deps.responder.respond(prepared)) {
      if (chunk.type === 'markdown') answer += chunk.text;
      // What was shown before an escalation is not the answer the user kept.
      if (chunk.type === 'replaced') answer = '';
      if (chunk.type === 'done') finished = chunk;
      yield chunk;
    }
    if (finished) this.observe(contributors, { prompt: ask.prompt, answer, model: finished.model, local: finished.local ?? true });
  }

  /** Learning from an exchange happens after the answer and must never fail it. */
  private observe(contributors: ContextContributor[], exchange: { prompt: string; answer: string; model: string; local: boolean }): void {
    for (const c of contributors) {
      if (!c.observe) continue;
      Promise.resolve()
        .then(() => c.observe!(exchange))
        .catch((e: unknown) => this.deps.logger.warn(`${c.name} could not learn from the exchange: ${errorMessage(e)}`));
    }
  }
}

function splitFirstWord(s: string): [string, string] {
  const m = /^(\S+)\s*([\s\S]*)$/.exec(s.trim());
  return m ? [m[1].toLowerCase(), m[2]] : ['', ''];
}
