import type { TranscriptMessage, UiAction, UiCost, UiModelInfo, UiNotice, UiReference, UiTurnStats } from './protocol';
import { MAX_ITEMS_PER_MESSAGE } from './reduceTranscript';

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
      const references = parseList(x.references, parseReference);
      const notices = parseList(x.notices, parseNotice);
      return {
        role: 'assistant',
        id: x.id,
        text: x.text,
        status,
        model: parseModel(x.model),
        stats: parseStats(x.stats),
        ...(references.length > 0 ? { references } : {}),
        ...(notices.length > 0 ? { notices } : {}),
        ...(isRecord(x.replaced) && typeof x.replaced.note === 'string' && typeof x.replaced.text === 'string'
          ? { replaced: { note: x.replaced.note, text: x.replaced.text } }
          : {}),
      };
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
  return { model: x.model, provider: x.provider, local: x.local, ...(typeof x.reason === 'string' ? { reason: x.reason } : {}) };
}

function parseStats(x: unknown): UiTurnStats | undefined {
  if (!isRecord(x) || !isRecord(x.usage) || !isCount(x.durationMs) || typeof x.truncated !== 'boolean') return undefined;
  const { inputTokens, outputTokens } = x.usage;
  if (!isCount(inputTokens) || !isCount(outputTokens)) return undefined;
  const stats: UiTurnStats = { usage: { inputTokens, outputTokens }, durationMs: x.durationMs, truncated: x.truncated };
  // Extras are optional: a bad one is left out, the rest of the stats stay.
  if (typeof x.local === 'boolean') stats.local = x.local;
  const cost = parseCost(x.cost);
  if (cost) stats.cost = cost;
  if (isCount(x.ttftMs)) stats.ttftMs = x.ttftMs;
  if (typeof x.cached === 'boolean') stats.cached = x.cached;
  if (typeof x.footer === 'string') stats.footer = x.footer;
  return stats;
}

function parseCost(x: unknown): UiCost | undefined {
  if (!isRecord(x)) return undefined;
  if (x.unknown === true) return { unknown: true };
  return isCount(x.usd) ? { usd: x.usd } : undefined;
}

/** Bad entries are skipped one by one; a list that is not an array reads as empty. */
function parseList<T>(x: unknown, parse: (entry: unknown) => T | undefined): T[] {
  if (!Array.isArray(x)) return [];
  const out: T[] = [];
  for (const entry of x) {
    const parsed = parse(entry);
    if (parsed !== undefined) out.push(parsed);
    if (out.length >= MAX_ITEMS_PER_MESSAGE) break;
  }
  return out;
}

function parseReference(x: unknown): UiReference | undefined {
  if (!isRecord(x) || typeof x.title !== 'string') return undefined;
  if ((x.detail !== undefined && typeof x.detail !== 'string') || (x.uri !== undefined && typeof x.uri !== 'string')) return undefined;
  const ref: UiReference = { title: x.title };
  if (typeof x.detail === 'string') ref.detail = x.detail;
  if (typeof x.uri === 'string') ref.uri = x.uri;
  return ref;
}

function parseNotice(x: unknown): UiNotice | undefined {
  if (!isRecord(x) || typeof x.message !== 'string' || (x.level !== 'info' && x.level !== 'warning')) return undefined;
  const notice: UiNotice = { level: x.level, message: x.message };
  const actions = Array.isArray(x.actions) ? x.actions.filter(isAction) : [];
  if (actions.length > 0) notice.actions = actions;
  return notice;
}

function isAction(x: unknown): x is UiAction {
  return isRecord(x) && typeof x.title === 'string' && typeof x.command === 'string' && (x.args === undefined || Array.isArray(x.args));
}

function isCount(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x) && x >= 0;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
