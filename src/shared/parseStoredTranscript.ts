import type { TranscriptMessage, UiAction, UiModelInfo, UiTurnStats } from './protocol';

/** Version of the shape saved in workspace state; bump it when TranscriptMessage changes incompatibly. */
export const STORED_TRANSCRIPT_VERSION = 1;

export interface StoredTranscript {
  version: typeof STORED_TRANSCRIPT_VERSION;
  messages: TranscriptMessage[];
}

export interface ParsedTranscript {
  messages: TranscriptMessage[];
  /** Entries that could not be read (kept out of the view and reported to the log). */
  dropped: number;
}

/**
 * Reads a transcript saved by an earlier session. Workspace state can hold anything (older
 * versions, hand edits, a crash mid-write), so each entry is checked and bad ones are dropped
 * rather than failing the whole view. A turn that was streaming when the window closed is shown
 * as stopped: nothing will ever finish it.
 */
export function parseStoredTranscript(raw: unknown): ParsedTranscript {
  if (raw === undefined || raw === null) return { messages: [], dropped: 0 };
  if (!isRecord(raw) || raw.version !== STORED_TRANSCRIPT_VERSION || !Array.isArray(raw.messages)) {
    return { messages: [], dropped: 1 };
  }
  const messages: TranscriptMessage[] = [];
  const seen = new Set<string>();
  let dropped = 0;
  for (const entry of raw.messages) {
    const m = parseMessage(entry);
    if (m && !seen.has(m.id)) {
      seen.add(m.id);
      messages.push(m);
    } else {
      dropped++;
    }
  }
  return { messages, dropped };
}

function parseMessage(x: unknown): TranscriptMessage | undefined {
  if (!isRecord(x) || typeof x.id !== 'string' || x.id === '') return undefined;
  switch (x.role) {
    case 'user':
      return typeof x.text === 'string' ? { role: 'user', id: x.id, text: x.text } : undefined;
    case 'assistant': {
      if (typeof x.text !== 'string') return undefined;
      const status = x.status === 'done' || x.status === 'error' || x.status === 'stopped' ? x.status : 'stopped';
      return { role: 'assistant', id: x.id, text: x.text, status, model: parseModel(x.model), stats: parseStats(x.stats) };
    }
    case 'error': {
      if (typeof x.code !== 'string' || typeof x.message !== 'string') return undefined;
      const actions = Array.isArray(x.actions) ? x.actions.filter(isAction) : [];
      return { role: 'error', id: x.id, code: x.code, message: x.message, actions };
    }
    default:
      return undefined;
  }
}

function parseModel(x: unknown): UiModelInfo | undefined {
  if (!isRecord(x) || typeof x.model !== 'string' || typeof x.provider !== 'string' || typeof x.local !== 'boolean') {
    return undefined;
  }
  return { model: x.model, provider: x.provider, local: x.local };
}

function parseStats(x: unknown): UiTurnStats | undefined {
  if (!isRecord(x) || !isRecord(x.usage) || !isCount(x.durationMs) || typeof x.truncated !== 'boolean') return undefined;
  const { inputTokens, outputTokens } = x.usage;
  if (!isCount(inputTokens) || !isCount(outputTokens)) return undefined;
  return { usage: { inputTokens, outputTokens }, durationMs: x.durationMs, truncated: x.truncated };
}

function isAction(x: unknown): x is UiAction {
  return (
    isRecord(x) &&
    typeof x.title === 'string' &&
    typeof x.command === 'string' &&
    (x.args === undefined || Array.isArray(x.args))
  );
}

function isCount(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x) && x >= 0;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
