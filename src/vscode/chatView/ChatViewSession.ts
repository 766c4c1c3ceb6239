import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { isAbortError } from '../../common/abort';
import { errorMessage } from '../../common/errors';
import type { IChatEngine } from '../../core/chat/ChatEngine';
import type { Logger } from '../../core/ports';
import { isAllowedActionCommand } from './isAllowedActionCommand';
import { isOpenableReferenceUri } from '../../shared/isOpenableReferenceUri';
import { sanitizeSlashCommands } from '../../shared/matchSlashCommands';
import { parseStoredTranscript, STORED_TRANSCRIPT_VERSION, type StoredTranscript } from '../../shared/parseStoredTranscript';
import {
  assertNever,
  isWebviewToHostMessage,
  type HostToWebviewMessage,
  type TranscriptMessage,
  type TurnEndReason,
  type UiAction,
  type UiSlashCommand,
} from '../../shared/protocol';
import { addAnswerCost, NO_COST, type ConversationCost } from '../../core/chat/conversationCost';
import { reduceTranscript, type TranscriptState } from '../../shared/reduceTranscript';
import { toHistory } from '../../shared/toHistory';
import { trimTranscript } from '../../shared/trimTranscript';
import { toUiChunk } from './toUiChunk';
import { commandIds } from '../../core/commandIds';

/** Where the transcript is saved (vscode.Memento fits: its `update` returns a Thenable). */
export interface TranscriptMemento {
  get(key: string): unknown;
  update(key: string, value: unknown): PromiseLike<void>;
}

/** The privileged things a webview may ask for; ChatViewProvider implements them with VS Code APIs. */
export interface ChatViewEffects {
  copy(code: string): Promise<void>;
  insert(code: string): Promise<void>;
  /** Called only with allow-listed command ids, and only with a command and arguments a button of the transcript carries. */
  runCommand(command: string, args: unknown[]): Promise<void>;
  /** Called only with file:, untitled: or notebook-cell URIs that a reference of the transcript carries. */
  openReference(uri: string): Promise<void>;
  /**
   * The language id of the editor the user was last in (VS Code's activeTextEditor stays set while
   * the chat view has focus): the quality gate's requested language when the question names none.
   */
  editorLanguageId?(): string | undefined;
}

export const TRANSCRIPT_STATE_KEY = 'jarvis.chatView.transcript';

const SHOW_LOG: UiAction = { title: 'Show Log', command: commandIds.showLog };

/**
 * The chat view's host-side logic, free of the `vscode` module so it is tested in plain Node.
 * It owns the transcript, runs one turn at a time on the chat engine, and treats everything the
 * webview sends as untrusted: validated shape, allow-listed commands, no posting before `ready`.
 */
export class ChatViewSession {
  private transcript: TranscriptState;
  private post: ((message: HostToWebviewMessage) => void) | undefined;
  /** The host posts nothing until the webview says `ready` (its listener is installed by then). */
  private ready = false;
  private turn: { id: string; controller: AbortController; done: Promise<void> } | undefined;
  private saving: Promise<void> = Promise.resolve();
  private disposed = false;
  private readonly commands: UiSlashCommand[];

  /** @param commands slash commands offered by completion in the prompt box. @default [] */
  constructor(
    private readonly engine: IChatEngine,
    private readonly memento: TranscriptMemento,
    private readonly logger: Logger,
    private readonly effects: ChatViewEffects,
    commands: readonly UiSlashCommand[] = [],
  ) {
    this.commands = sanitizeSlashCommands(commands);
    if (this.commands.length !== commands.length) {
      logger.warn(`Chat view: ${commands.length - this.commands.length} slash command(s) were malformed or repeated and are not offered.`);
    }
    const parsed = parseStoredTranscript(memento.get(TRANSCRIPT_STATE_KEY));
    if (parsed.dropped > 0) {
      logger.warn(`Chat view: ${parsed.dropped} saved transcript entr${parsed.dropped === 1 ? 'y was' : 'ies were'} unreadable and skipped.`);
    }
    this.transcript = { messages: parsed.messages, busy: false };
  }

  get state(): TranscriptState {
    return this.transcript;
  }

  /** Settles when the current turn (if any) has ended and been saved. */
  async idle(): Promise<void> {
    await this.turn?.done;
    await this.saving;
  }

  /** A (new) webview is showing the chat; it must send `ready` before it gets anything. */
  attach(post: (message: HostToWebviewMessage) => void): void {
    this.post = post;
    this.ready = false;
  }

  /** The webview went away: nobody can see or stop the answer, so don't keep the model busy. */
  detach(): void {
    this.post = undefined;
    this.ready = false;
    this.stop();
  }

  receive(raw: unknown): void {
    if (!isWebviewToHostMessage(raw)) {
      this.logger.warn('Chat view: ignored a malformed message from the webview.');
      return;
    }
    switch (raw.type) {
      case 'ready':
        this.ready = true;
        this.send({ type: 'init', messages: [...this.transcript.messages], busy: this.transcript.busy, commands: this.commands });
        return;
      case 'send':
        this.startTurn(raw.prompt);
        return;
      case 'stop':
        this.stop();
        return;
      case 'newChat':
        this.newChat();
        return;
      case 'copy':
        void this.effects.copy(raw.code);
        return;
      case 'insert':
        void this.effects.insert(raw.code);
        return;
      case 'runAction':
        this.runAction(raw.command, raw.args ?? []);
        return;
      case 'openReference':
        this.openReference(raw.uri);
        return;
      default:
        assertNever(raw, 'webview message');
    }
  }

  /** Sends `prompt` as if the user typed it (editor commands such as Explain answer here). */
  ask(prompt: string): void {
    this.startTurn(prompt);
  }

  /** Stops any answer in progress and starts an empty conversation. */
  newChat(): void {
    this.stop();
    this.turn = undefined;
    this.apply({ type: 'cleared' });
    this.save();
  }

  stop(): void {
    this.turn?.controller.abort();
  }

  dispose(): void {
    this.disposed = true;
    this.detach();
  }

  private startTurn(prompt: string): void {
    if (this.disposed) return;
    if (this.turn) {
      this.send({ type: 'notice', message: 'Jarvis is still answering. Press Stop (or Esc) to end that answer, then send again.' });
      return;
    }
    if (prompt.trim() === '') {
      this.send({ type: 'notice', message: 'Type a question first.' });
      return;
    }
    const history = toHistory(this.transcript.messages);
    const id = randomUUID();
    const controller = new AbortController();
    this.apply({ type: 'turnStart', turnId: id, prompt });
    this.save();
    const turn = { id, controller, done: Promise.resolve() };
    this.turn = turn;
    turn.done = this.runTurn(id, prompt, history, controller);
  }

  /** Never throws: without the editor's language the gate judges on the question alone. */
  private editorLanguageId(): string | undefined {
    try {
      const id = this.effects.editorLanguageId?.();
      return typeof id === 'string' && /^[\w.+-]{1,64}$/.test(id) ? id : undefined;
    } catch (e) {
      this.logger.warn(`Chat view: could not read the open editor's language (${errorMessage(e)}); the answer is checked without it.`);
      return undefined;
    }
  }

  private async runTurn(turnId: string, prompt: string, history: ReturnType<typeof toHistory>, controller: AbortController): Promise<void> {
    let reason: TurnEndReason = 'done';
    const turn: { local?: boolean; conversation?: ConversationCost } = { conversation: conversationSoFar(this.transcript.messages) };
    try {
      const editorLanguageId = this.editorLanguageId();
      const request = { prompt, history, signal: controller.signal, ...(editorLanguageId ? { editorLanguageId } : {}) };
      for await (const chunk of this.engine.run(request)) {
        if (controller.signal.aborted) break;
        if (chunk.type === 'error') reason = 'error';
        if (chunk.type === 'model') turn.local = chunk.local;
        this.apply({ type: 'chunk', turnId, chunk: toUiChunk(chunk, turn) });
      }
    } catch (e) {
      // The engine reports expected failures as chunks; anything thrown is a bug worth logging.
      if (!controller.signal.aborted && !isAbortError(e)) {
        reason = 'error';
        this.logger.error(e instanceof Error ? e : `Chat view: the chat engine failed: ${errorMessage(e)}`);
        this.apply({
          type: 'chunk',
          turnId,
          chunk: {
            type: 'error',
            code: 'internal',
            message: `Jarvis hit an unexpected problem: ${errorMessage(e)}. The log has details.`,
            actions: [SHOW_LOG],
          },
        });
      }
    } finally {
      if (controller.signal.aborted) reason = 'stopped';
      // After "New chat" this turn is gone: ending it again would disturb the next one.
      if (this.turn?.id === turnId) {
        this.turn = undefined;
        this.apply({ type: 'turnEnd', turnId, reason });
        this.save();
      }
    }
  }

  private runAction(command: string, args: unknown[]): void {
    if (!isAllowedActionCommand(command)) {
      this.logger.warn(`Chat view: refused to run command "${command}" requested by the webview (not allow-listed).`);
      return;
    }
    if (!this.offered(command, args)) {
      this.logger.warn(`Chat view: refused to run command "${command}" requested by the webview (no button of the transcript offers it with these arguments).`);
      return;
    }
    this.effects.runCommand(command, args).then(undefined, (e: unknown) => {
      this.logger.error(`Chat view: command "${command}" failed: ${errorMessage(e)}`);
    });
  }

  /**
   * Whether a button Jarvis put in the transcript (an error's or a notice's action) runs exactly this
   * command with exactly these arguments: a compromised webview cannot pull a model it names itself.
   */
  private offered(command: string, args: unknown[]): boolean {
    const same = (a: UiAction) => a.command === command && isDeepStrictEqual(a.args ?? [], args);
    return this.transcript.messages.some((m) =>
      m.role === 'error' ? m.actions.some(same) : m.role === 'assistant' && (m.notices ?? []).some((n) => (n.actions ?? []).some(same)),
    );
  }

  /**
   * Opens only what Jarvis itself offered: a safe scheme AND a uri one of the transcript's
   * references carries, so a compromised webview cannot open arbitrary paths.
   */
  private openReference(uri: string): void {
    const known = this.transcript.messages.some((m) => m.role === 'assistant' && m.references?.some((r) => r.uri === uri));
    if (!isOpenableReferenceUri(uri) || !known) {
      this.logger.warn(
        `Chat view: refused to open a reference the webview asked for (${isOpenableReferenceUri(uri) ? 'not in the transcript' : 'scheme not allowed'}).`,
      );
      return;
    }
    this.effects.openReference(uri).then(undefined, (e: unknown) => {
      this.logger.warn(`Chat view: could not open the reference: ${errorMessage(e)}`);
    });
  }

  /** Updates the transcript and mirrors the same message to the webview, which folds it identically. */
  private apply(message: HostToWebviewMessage): void {
    this.transcript = reduceTranscript(this.transcript, message);
    this.send(message);
  }

  private send(message: HostToWebviewMessage): void {
    if (this.post && this.ready) this.post(message);
  }

  /** Saves are chained so an older snapshot can never land after a newer one. */
  private save(): void {
    const stored: StoredTranscript = {
      version: STORED_TRANSCRIPT_VERSION,
      messages: trimTranscript(this.transcript.messages),
    };
    this.saving = this.saving
      .then(() => this.memento.update(TRANSCRIPT_STATE_KEY, stored))
      .then(undefined, (e: unknown) => this.logger.warn(`Chat view: could not save the transcript: ${errorMessage(e)}`));
  }
}

/** What the answers already in the transcript cost (the footer's running total starts from it). */
function conversationSoFar(messages: readonly TranscriptMessage[]): ConversationCost {
  let total = NO_COST;
  for (const m of messages) {
    if (m.role === 'assistant' && m.stats) total = addAnswerCost(total, m.stats.cost, m.stats.local ?? m.model?.local ?? true);
  }
  return total;
}
