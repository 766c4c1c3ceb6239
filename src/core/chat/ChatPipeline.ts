import type { AnswerMode } from './ChatChunk';
import type { ChatMessage, ProviderId } from '../llm/types';
import type { AgentRequest } from './AgentRequest';
import type { ChatAttachment, ChatChunk, ChatEngineRequest, LineRange } from './ChatChunk';

/** A workspace file, or some of its lines, whose text is in a request. */
export interface LineSpanOfFile {
  path: string;
  range?: LineRange;
}

/** A request after slash-command parsing and context gathering, ready for a model. */
export interface PreparedRequest {
  /** The user's words (without the slash command). */
  prompt: string;
  /** System prompt (with context blocks), kept history, and the prompt with attachments. */
  messages: ChatMessage[];
  attachments: ChatAttachment[];
  /** A modifier command such as "local", "cloud" or "tier", when one was given. */
  command?: string;
  /** Argument of the modifier (e.g. the tier name after /tier). */
  commandArg?: string;
  signal: AbortSignal;
  /** VS Code language id of the active editor, for the quality gate's requested-language check. */
  editorLanguageId?: string;
  /** @default 'fold' (see AnswerMode in ChatChunk.ts) */
  answerMode?: AnswerMode;
  /** Set when the asker is an agent using Jarvis as a language model (see AgentRequest). */
  agent?: AgentRequest;
  /**
   * A model the asker named (a gateway client's pinned id) for a plain chat request: only it is
   * tried. An agent's named model is `agent.model`.
   */
  model?: { provider: ProviderId; model: string };
  /** Files quoted in the system prompt by context contributors (not attachments), for the egress ledger. */
  files?: LineSpanOfFile[];
}

/** Produces the answer: the local model alone, or the router across local and cloud models. */
export interface Responder {
  respond(request: PreparedRequest): AsyncIterable<ChatChunk>;
}

/** What a context source adds to a request: text for the system prompt and references to show. */
export interface ContextContribution {
  /** A block appended to the system prompt (already within the contributor's token budget). */
  system?: string;
  references?: Extract<ChatChunk, { type: 'reference' }>[];
  /** Shown before the answer, after the references (e.g. a session's "Welcome back"). */
  notices?: Extract<ChatChunk, { type: 'notice' }>[];
  /** Lines of workspace files that `system` quotes (an editor command's code), for the egress ledger. */
  files?: LineSpanOfFile[];
}

/** Memory, preferences, session context… Each is optional and must never break a chat. */
export interface ContextContributor {
  readonly name: string;
  contribute(request: ChatEngineRequest, signal: AbortSignal): Promise<ContextContribution>;
  /** Told about each finished exchange (to learn from it, or to record it in a session). */
  observe?(exchange: { prompt: string; answer: string; model: string; local: boolean }): void | Promise<void>;
}

/** A command that is answered by Jarvis itself (e.g. /remember), not by a model. */
export interface SlashCommand {
  readonly name: string;
  readonly description: string;
  run(args: string, request: ChatEngineRequest): AsyncIterable<ChatChunk>;
}

/** Commands that change how a question is answered and then go to the model. */
export const MODIFIER_COMMANDS = ['local', 'cloud', 'tier'] as const;
