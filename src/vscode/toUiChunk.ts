import type { ChatChunk } from '../core/chat/ChatChunk';
import { assertNever, type UiChunk } from '../shared/protocol';

/**
 * Core chunk → the webview's chunk. Fields are copied one by one so nothing the engine adds later
 * (e.g. internal details) crosses into the webview by accident.
 */
export function toUiChunk(chunk: ChatChunk): UiChunk {
  switch (chunk.type) {
    case 'progress':
      return { type: 'progress', message: chunk.message };
    case 'model':
      return { type: 'model', model: chunk.model, provider: chunk.provider, local: chunk.local };
    case 'markdown':
      return { type: 'markdown', text: chunk.text };
    case 'error':
      return {
        type: 'error',
        code: chunk.code,
        message: chunk.message,
        actions: chunk.actions.map((a) => (a.args === undefined ? { title: a.title, command: a.command } : { title: a.title, command: a.command, args: a.args })),
      };
    case 'done':
      return {
        type: 'done',
        model: chunk.model,
        usage: { inputTokens: chunk.usage.inputTokens, outputTokens: chunk.usage.outputTokens },
        durationMs: chunk.durationMs,
        truncated: chunk.truncated,
      };
    default:
      return assertNever(chunk, 'chat chunk');
  }
}
