import type { ChatAction, ChatChunk } from '../../core/chat/ChatChunk';
import { formatUsage } from '../../core/chat/formatUsage';
import { addAnswerCost, type ConversationCost } from '../../core/chat/conversationCost';
import { assertNever, type UiAction, type UiChunk, type UiCost } from '../../shared/protocol';

/**
 * Core chunk → the webview's chunk. Fields are copied one by one so nothing the engine adds later
 * (e.g. internal details) crosses into the webview by accident. Optional fields are copied only
 * when present, so stored transcripts hold no `undefined` keys.
 * @param turn.local where the turn's last `model` chunk ran, for a `done` that does not say.
 * @param turn.conversation what the conversation's earlier answers cost (the footer adds this one).
 */
export function toUiChunk(chunk: ChatChunk, turn: { local?: boolean; conversation?: ConversationCost } = {}): UiChunk {
  switch (chunk.type) {
    case 'progress':
      return { type: 'progress', message: chunk.message };
    case 'model':
      return {
        type: 'model',
        model: chunk.model,
        provider: chunk.provider,
        local: chunk.local,
        ...(chunk.reason !== undefined ? { reason: chunk.reason } : {}),
      };
    case 'markdown':
      return { type: 'markdown', text: chunk.text };
    case 'toolCall':
      // Chat view requests offer no tools, so this is a model asking for one unprompted: say so, run nothing.
      return { type: 'progress', message: `The model asked to run the tool "${chunk.call.name}"; the chat view runs no tools.` };
    case 'reference':
      return {
        type: 'reference',
        title: chunk.title,
        ...(chunk.detail !== undefined ? { detail: chunk.detail } : {}),
        ...(chunk.uri !== undefined ? { uri: chunk.uri } : {}),
      };
    case 'notice':
      return {
        type: 'notice',
        level: chunk.level,
        message: chunk.message,
        ...(chunk.actions !== undefined && chunk.actions.length > 0 ? { actions: chunk.actions.map(toUiAction) } : {}),
      };
    case 'error':
      return { type: 'error', code: chunk.code, message: chunk.message, actions: chunk.actions.map(toUiAction) };
    case 'replaced':
      // The view folds the text it already shows; the replaced text itself is not sent again.
      return { type: 'replaced', note: chunk.note };
    case 'done': {
      const cost: UiCost | undefined = chunk.cost === undefined ? undefined : 'unknown' in chunk.cost ? { unknown: true } : { usd: chunk.cost.usd };
      return {
        type: 'done',
        model: chunk.model,
        usage: { inputTokens: chunk.usage.inputTokens, outputTokens: chunk.usage.outputTokens },
        durationMs: chunk.durationMs,
        truncated: chunk.truncated,
        ...(chunk.local !== undefined ? { local: chunk.local } : {}),
        ...(cost !== undefined ? { cost } : {}),
        ...(chunk.ttftMs !== undefined ? { ttftMs: chunk.ttftMs } : {}),
        ...(chunk.cached !== undefined ? { cached: chunk.cached } : {}),
        // The host formats the line so both front ends show exactly the same words.
        footer: formatUsage(
          chunk,
          chunk.local ?? turn.local ?? true,
          turn.conversation && addAnswerCost(turn.conversation, chunk.cost, chunk.local ?? turn.local ?? true),
        ),
      };
    }
    default:
      return assertNever(chunk, 'chat chunk');
  }
}

function toUiAction(a: ChatAction): UiAction {
  return a.args === undefined ? { title: a.title, command: a.command } : { title: a.title, command: a.command, args: a.args };
}
