/**
 * The contract between the chat view's host (src/vscode/ChatViewProvider.ts) and its webview
 * (src/webview/chat). Both sides switch on `type` exhaustively (`assertNever`), so adding a message
 * kind is a compile error until both handle it.
 *
 * src/shared imports nothing: the UI-side chunk types below mirror core's ChatChunk structurally,
 * which lets the host hand a ChatChunk over without the webview bundle depending on core.
 */

/** A button shown with an error; runs a VS Code command (allow-listed by the host). */
export interface UiAction {
  title: string;
  command: string;
  args?: unknown[];
}

export interface UiTokenUsage {
  inputTokens: number;
  outputTokens: number;
}

/** Something an answer used (a memory, a preference, a file); `uri` makes it openable. */
export interface UiReference {
  title: string;
  detail?: string;
  uri?: string;
}

/** A visible note about an answer: escalation, privacy, budget, cache, warnings. */
export interface UiNotice {
  level: 'info' | 'warning';
  message: string;
  /** Buttons offered with the note (e.g. /forget's "Forget 3 memories…", which asks first). */
  actions?: UiAction[];
}

/** What a call cost: unknown prices stay unknown rather than showing $0. */
export type UiCost = { usd: number } | { unknown: true };

/** How an answer finished, beyond the tokens: mirrors the extras of core's `done` chunk. */
export interface UiDoneExtras {
  local?: boolean;
  cost?: UiCost;
  ttftMs?: number;
  cached?: boolean;
  /** The usage line core's formatUsage wrote (same text as under @jarvis answers). */
  footer?: string;
}

/** Mirrors core's ChatChunk (src/core/chat/ChatChunk.ts). */
export type UiChunk =
  | { type: 'progress'; message: string }
  | { type: 'model'; model: string; provider: string; local: boolean; reason?: string }
  | { type: 'markdown'; text: string }
  | ({ type: 'reference' } & UiReference)
  | ({ type: 'notice' } & UiNotice)
  | { type: 'error'; code: string; message: string; actions: UiAction[] }
  /** The answer shown so far was replaced (escalated): fold it under `note`; what follows is the answer. */
  | { type: 'replaced'; note: string }
  | ({ type: 'done'; model: string; usage: UiTokenUsage; durationMs: number; truncated: boolean } & UiDoneExtras);

export interface UiModelInfo {
  model: string;
  provider: string;
  local: boolean;
  /** Why this model was chosen (tier, privacy, fallback…), shown as the badge's tooltip. */
  reason?: string;
}

export interface UiTurnStats extends UiDoneExtras {
  usage: UiTokenUsage;
  durationMs: number;
  truncated: boolean;
}

/** A slash command offered by completion in the prompt box (the host sends the list in `init`). */
export interface UiSlashCommand {
  name: string;
  description: string;
}

/** How a turn ended: `stopped` = the user pressed Stop (or the view went away). */
export type TurnEndReason = 'done' | 'stopped' | 'error';

export type AssistantStatus = 'streaming' | TurnEndReason;

/** One entry of the transcript, as stored in workspace state and drawn by the webview. */
export type TranscriptMessage =
  | { role: 'user'; id: string; text: string }
  | {
      role: 'assistant';
      id: string;
      /** Markdown from the model: UNTRUSTED, the webview sanitises it before display. */
      text: string;
      status: AssistantStatus;
      model?: UiModelInfo;
      stats?: UiTurnStats;
      /** What the answer used, in arrival order (absent when nothing). */
      references?: UiReference[];
      /** Notes about the answer, in arrival order (absent when none). */
      notices?: UiNotice[];
      /** A local answer the quality gate replaced, folded under its one-line note ("show it" expands it). */
      replaced?: { note: string; text: string };
      /** Latest progress note while nothing has been written yet; not persisted meaningfully. */
      progress?: string;
    }
  | { role: 'error'; id: string; code: string; message: string; actions: UiAction[] };

export type HostToWebviewMessage =
  | { type: 'init'; messages: TranscriptMessage[]; busy: boolean; commands: UiSlashCommand[] }
  | { type: 'turnStart'; turnId: string; prompt: string }
  | { type: 'chunk'; turnId: string; chunk: UiChunk }
  | { type: 'turnEnd'; turnId: string; reason: TurnEndReason }
  | { type: 'cleared' }
  /** A short, polite note (e.g. "still answering"), shown until the next turn starts. */
  | { type: 'notice'; message: string };

export type WebviewToHostMessage =
  | { type: 'ready' }
  | { type: 'send'; prompt: string }
  | { type: 'stop' }
  | { type: 'newChat' }
  | { type: 'copy'; code: string }
  | { type: 'insert'; code: string }
  | { type: 'runAction'; command: string; args?: unknown[] }
  /** Open a reference's uri; the host opens only file:, untitled: and notebook-cell URIs it sent. */
  | { type: 'openReference'; uri: string };

/** Longest prompt or code snippet the host accepts from the webview (characters). */
export const MAX_WEBVIEW_TEXT = 1_000_000;
/** Longest command id accepted in `runAction`. */
const MAX_COMMAND_ID = 200;
/** Longest URI accepted in `openReference`. */
export const MAX_REFERENCE_URI = 8_192;

/** Compile-time exhaustiveness check for switches over the unions above. */
export function assertNever(x: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(x)}`);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isBoundedString(x: unknown, max: number): x is string {
  return typeof x === 'string' && x.length <= max;
}

/**
 * Validates a message received from the webview. The webview renders untrusted model output, so
 * the host treats everything it posts as hostile: exact shape, bounded sizes, no extra trust.
 */
export function isWebviewToHostMessage(x: unknown): x is WebviewToHostMessage {
  if (!isRecord(x) || typeof x.type !== 'string') return false;
  const type = x.type as WebviewToHostMessage['type'];
  switch (type) {
    case 'ready':
    case 'stop':
    case 'newChat':
      return true;
    case 'send':
      return isBoundedString(x.prompt, MAX_WEBVIEW_TEXT);
    case 'copy':
    case 'insert':
      return isBoundedString(x.code, MAX_WEBVIEW_TEXT);
    case 'runAction':
      return isBoundedString(x.command, MAX_COMMAND_ID) && x.command.length > 0 && (x.args === undefined || Array.isArray(x.args));
    case 'openReference':
      return isBoundedString(x.uri, MAX_REFERENCE_URI) && x.uri.length > 0;
    default:
      // Not assertNever: unknown input is expected here and must be refused, not thrown on.
      return false;
  }
}

/** Light check for the webview side: the host is trusted, but stray window messages are not. */
export function isHostToWebviewMessage(x: unknown): x is HostToWebviewMessage {
  if (!isRecord(x)) return false;
  switch (x.type as HostToWebviewMessage['type']) {
    case 'init':
      return Array.isArray(x.messages) && typeof x.busy === 'boolean' && Array.isArray(x.commands);
    case 'turnStart':
      return typeof x.turnId === 'string' && typeof x.prompt === 'string';
    case 'chunk':
      return typeof x.turnId === 'string' && isRecord(x.chunk) && typeof x.chunk.type === 'string';
    case 'turnEnd':
      return typeof x.turnId === 'string' && typeof x.reason === 'string';
    case 'cleared':
      return true;
    case 'notice':
      return typeof x.message === 'string';
    default:
      return false;
  }
}
