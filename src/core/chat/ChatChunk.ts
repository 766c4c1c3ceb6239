import type { JarvisErrorCode } from '../../common/errors';
import type { ProviderId, TokenUsage } from '../llm/types';

/** A button offered with a message: runs a VS Code command (by id) with JSON arguments. */
export interface ChatAction {
  title: string;
  command: string;
  args?: unknown[];
}

/**
 * What the chat engine yields. Both front ends (the @jarvis participant and the Jarvis chat view)
 * render exactly these, so behaviour is defined once in core.
 */
export type ChatChunk =
  | { type: 'progress'; message: string }
  | { type: 'model'; model: string; provider: ProviderId; local: boolean }
  | { type: 'markdown'; text: string }
  | { type: 'error'; code: JarvisErrorCode; message: string; actions: ChatAction[] }
  | { type: 'done'; model: string; usage: TokenUsage; durationMs: number; truncated: boolean };

export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface ChatEngineRequest {
  prompt: string;
  /** Earlier turns, oldest first. The engine keeps the last `jarvis.chat.historyTurns`. */
  history: ChatTurn[];
  signal: AbortSignal;
}
