import type { JarvisErrorCode } from '../../common/errors';
import type { ToolCall } from '../llm/tools/ToolTypes';
import type { ProviderId, TokenUsage } from '../llm/types';

/** A button offered with a message: runs a VS Code command (by id) with JSON arguments. */
export interface ChatAction {
  title: string;
  command: string;
  args?: unknown[];
}

/** What a call cost: unknown prices stay unknown rather than showing $0. */
export type ChatCost = { usd: number } | { unknown: true };

/**
 * What the chat engine yields. Both front ends (the @jarvis participant and the Jarvis chat view)
 * render exactly these, so behaviour is defined once in core.
 */
export type ChatChunk =
  | { type: 'progress'; message: string }
  /** The model about to answer; `reason` says why it was chosen (tier, privacy, fallback…). */
  | { type: 'model'; model: string; provider: ProviderId | 'vscode'; local: boolean; reason?: string }
  | { type: 'markdown'; text: string }
  /** A tool call the model made; only requests that offer tools (the language-model provider) get these. */
  | { type: 'toolCall'; call: ToolCall }
  /** Something the answer used: a memory, a preference, a file. `uri` opens it when given. */
  | { type: 'reference'; title: string; detail?: string; uri?: string }
  /** A visible note about the answer: escalation, privacy, budget, cache, warnings. */
  /** `actions` offers buttons with the note (e.g. /forget's "Forget 3 memories…", which asks first). */
  | { type: 'notice'; level: 'info' | 'warning'; message: string; actions?: ChatAction[] }
  | { type: 'error'; code: JarvisErrorCode; message: string; actions: ChatAction[] }
  /**
   * The local answer so far is replaced by a better one (the quality gate escalated it): front ends
   * fold what they showed under the one-line `note` ("local answer replaced: repeats itself"), and
   * the markdown that follows is the answer. `text` is the replaced answer when the front end never
   * showed it (answerMode `hold`); absent otherwise.
   */
  | { type: 'replaced'; note: string; model: string; text?: string }
  | {
      type: 'done';
      model: string;
      usage: TokenUsage;
      durationMs: number;
      truncated: boolean;
      /** Where the final answer was computed. @default true */
      local?: boolean;
      cost?: ChatCost;
      /** Time to first token, when known. */
      ttftMs?: number;
      /** True when the answer came from the response cache. */
      cached?: boolean;
    };

export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

/** A file or selection the user attached (#file, "Ask Jarvis about selection"). */
/** Lines of a file, 1-based and inclusive, as editors show them. */
export interface LineRange {
  startLine: number;
  endLine: number;
}

export interface ChatAttachment {
  /** Workspace-relative path or a label. */
  name: string;
  content: string;
  languageId?: string;
  uri?: string;
  /** Workspace-relative path of the file the text comes from (privacy globs and the egress ledger match it, not the label). */
  path?: string;
  /** The lines of `path` the text is (absent: the whole file, or not one span of it). */
  range?: LineRange;
}

export interface ChatEngineRequest {
  prompt: string;
  /** Earlier turns, oldest first. The engine keeps the last `jarvis.chat.historyTurns`. */
  history: ChatTurn[];
  signal: AbortSignal;
  /**
   * Slash command without the slash (the participant gets it from VS Code). When absent, a leading
   * "/name" in the prompt is parsed, so the chat view offers the same commands.
   */
  command?: string;
  attachments?: ChatAttachment[];
  /** VS Code language id of the active editor (where the requested programming language may come from). */
  editorLanguageId?: string;
  /** How a replaced local answer reaches this front end; see AnswerMode. @default 'fold' */
  answerMode?: AnswerMode;
}

/**
 * How a front end shows an escalated local answer:
 * - `fold`: the local answer streams as it comes; on escalation a `replaced` chunk says to fold
 *   what was shown (the Jarvis chat view, which can collapse its own DOM).
 * - `hold`: a local answer that may still be escalated is held back until the quality gate has
 *   passed it; on escalation it arrives in `replaced.text`, never as markdown (@jarvis: VS Code's
 *   chat cannot take back streamed text).
 * - `final-only`: like `hold`, and the replaced answer is dropped: only the final answer's markdown
 *   is emitted (the language-model provider for agents and other extensions).
 */
export type AnswerMode = 'fold' | 'hold' | 'final-only';
