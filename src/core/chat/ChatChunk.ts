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
export interface ChatAttachment {
  /** Workspace-relative path or a label. */
  name: string;
  content: string;
  languageId?: string;
  uri?: string;
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
}
