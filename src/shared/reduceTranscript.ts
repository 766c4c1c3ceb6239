import type { HostToWebviewMessage, TranscriptMessage, UiChunk, UiNotice, UiReference, UiTurnStats } from './protocol';
import { assertNever } from './protocol';

/**
 * The chat view's state. Host and webview fold the SAME host→webview messages through
 * `reduceTranscript`, so what is stored and what is drawn cannot drift apart. The reducer never
 * mutates: a message object changes identity exactly when its content changes, which lets the
 * webview redraw only what changed.
 */
export interface TranscriptState {
  readonly messages: readonly TranscriptMessage[];
  readonly busy: boolean;
}

export const emptyTranscript: TranscriptState = { messages: [], busy: false };

export const userMessageId = (turnId: string): string => `${turnId}/user`;
export const assistantMessageId = (turnId: string): string => `${turnId}/assistant`;

type AssistantMessage = Extract<TranscriptMessage, { role: 'assistant' }>;

/** References or notices kept per answer: enough for any real answer, bounded for storage. */
export const MAX_ITEMS_PER_MESSAGE = 50;

export function reduceTranscript(state: TranscriptState, msg: HostToWebviewMessage): TranscriptState {
  switch (msg.type) {
    case 'init':
      return { messages: msg.messages, busy: msg.busy };
    case 'cleared':
      return emptyTranscript;
    case 'notice':
      return state;
    case 'turnStart':
      return {
        busy: true,
        messages: [
          ...state.messages,
          { role: 'user', id: userMessageId(msg.turnId), text: msg.prompt },
          { role: 'assistant', id: assistantMessageId(msg.turnId), text: '', status: 'streaming' },
        ],
      };
    case 'turnEnd':
      // A stale end (its turn was wiped by "New chat") must not mark a newer turn as finished.
      if (!state.messages.some((m) => m.id === userMessageId(msg.turnId))) return state;
      return {
        busy: false,
        messages: updateAssistant(state.messages, msg.turnId, (a) => (a.status === 'streaming' ? { ...withoutProgress(a), status: msg.reason } : a)),
      };
    case 'chunk':
      return applyChunk(state, msg);
    default:
      return assertNever(msg, 'host message');
  }
}

function applyChunk(state: TranscriptState, msg: Extract<HostToWebviewMessage, { type: 'chunk' }>): TranscriptState {
  const { chunk, turnId } = msg;
  const id = assistantMessageId(turnId);
  switch (chunk.type) {
    case 'progress':
      return withMessages(
        state,
        updateAssistant(state.messages, turnId, (a) => ({ ...a, progress: chunk.message })),
      );
    case 'model':
      return withMessages(
        state,
        updateAssistant(state.messages, turnId, (a) => ({
          ...a,
          model: {
            model: chunk.model,
            provider: chunk.provider,
            local: chunk.local,
            ...(chunk.reason !== undefined ? { reason: chunk.reason } : {}),
          },
        })),
      );
    case 'reference': {
      const ref: UiReference = { title: chunk.title };
      if (chunk.detail !== undefined) ref.detail = chunk.detail;
      if (chunk.uri !== undefined) ref.uri = chunk.uri;
      return withMessages(
        state,
        updateAssistant(state.messages, turnId, (a) => {
          const refs = a.references ?? [];
          const duplicate = refs.some((r) => r.title === ref.title && r.uri === ref.uri);
          return duplicate || refs.length >= MAX_ITEMS_PER_MESSAGE ? a : { ...a, references: [...refs, ref] };
        }),
      );
    }
    case 'notice': {
      const notice: UiNotice = { level: chunk.level, message: chunk.message };
      if (chunk.actions !== undefined && chunk.actions.length > 0) notice.actions = chunk.actions;
      return withMessages(
        state,
        updateAssistant(state.messages, turnId, (a) => {
          const notices = a.notices ?? [];
          return notices.length >= MAX_ITEMS_PER_MESSAGE ? a : { ...a, notices: [...notices, notice] };
        }),
      );
    }
    case 'markdown':
      return withMessages(
        state,
        updateAssistant(state.messages, turnId, (a) => ({ ...withoutProgress(a), text: a.text + chunk.text })),
      );
    case 'replaced':
      // The local text moves under the note; the answer starts again empty.
      return withMessages(
        state,
        updateAssistant(state.messages, turnId, (a) => ({ ...a, text: '', replaced: { note: chunk.note, text: a.text } })),
      );
    case 'done':
      return withMessages(
        state,
        updateAssistant(state.messages, turnId, (a) => ({
          ...a,
          model: a.model ? { ...a.model, model: chunk.model, local: chunk.local ?? a.model.local } : undefined,
          stats: toStats(chunk),
        })),
      );
    case 'error': {
      if (!state.messages.some((m) => m.id === id || m.id === userMessageId(turnId))) return state;
      // An answer that never started is noise next to the error that explains why, unless it
      // carries notices (e.g. "kept local: …") that the error does not repeat.
      const kept = state.messages.filter((m) => !(m.id === id && m.role === 'assistant' && m.text === '' && !m.notices?.length));
      return withMessages(state, [
        ...kept,
        {
          role: 'error',
          id: `${turnId}/error${state.messages.length}`,
          code: chunk.code,
          message: chunk.message,
          actions: chunk.actions,
        },
      ]);
    }
    default:
      return assertNever(chunk, 'chunk');
  }
}

function toStats(chunk: Extract<UiChunk, { type: 'done' }>): UiTurnStats {
  const stats: UiTurnStats = { usage: chunk.usage, durationMs: chunk.durationMs, truncated: chunk.truncated };
  // Only what is known is stored: absent stays absent (not `undefined` keys) through JSON and back.
  if (chunk.local !== undefined) stats.local = chunk.local;
  if (chunk.cost !== undefined) stats.cost = chunk.cost;
  if (chunk.ttftMs !== undefined) stats.ttftMs = chunk.ttftMs;
  if (chunk.cached !== undefined) stats.cached = chunk.cached;
  if (chunk.footer !== undefined) stats.footer = chunk.footer;
  return stats;
}

/** Progress notes only matter until text arrives or the turn ends. */
function withoutProgress(a: AssistantMessage): AssistantMessage {
  if (a.progress === undefined) return a;
  const { progress: _dropped, ...rest } = a;
  return rest;
}

function withMessages(state: TranscriptState, messages: readonly TranscriptMessage[]): TranscriptState {
  return messages === state.messages ? state : { ...state, messages };
}

/** Replaces the turn's assistant message; unknown turns (e.g. stale after "New chat") change nothing. */
function updateAssistant(
  messages: readonly TranscriptMessage[],
  turnId: string,
  update: (a: AssistantMessage) => AssistantMessage,
): readonly TranscriptMessage[] {
  const id = assistantMessageId(turnId);
  // The streaming answer is almost always last: search from the end.
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m.id === id && m.role === 'assistant') {
      const next = update(m);
      if (next === m) return messages;
      const copy = messages.slice();
      copy[i] = next;
      return copy;
    }
  }
  return messages;
}
