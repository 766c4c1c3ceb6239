import type { ChatMessage } from '../types';
import { MAX_TOOL_RESULT_CHARS, type ToolResult } from './ToolTypes';

/** Result given to a call that has none (an agent cancelled mid-round), so every provider accepts the history. */
export const MISSING_RESULT = 'No result: this tool call was not run.';

/**
 * Makes a conversation with tool parts valid for every provider: each assistant tool call gets a
 * result in the next user message (OpenAI and Anthropic reject a call left unanswered), a result
 * whose call is not in the turn just before becomes plain text, and oversized results are cut to
 * `maxChars` with a note. Messages without tool parts pass through unchanged.
 */
export function prepareToolMessages(messages: readonly ChatMessage[], maxChars = MAX_TOOL_RESULT_CHARS): ChatMessage[] {
  const out: ChatMessage[] = [];
  let pending: string[] = [];
  const missing = (given: readonly ToolResult[]): ToolResult[] => {
    const ids = new Set(given.map((r) => r.callId));
    return pending.filter((id) => !ids.has(id)).map((callId) => ({ callId, content: MISSING_RESULT, isError: true }));
  };
  for (const m of messages) {
    if (pending.length > 0 && m.role !== 'user') {
      out.push({ role: 'user', content: '', toolResults: missing([]) });
      pending = [];
    }
    if (m.role === 'user' && (m.toolResults?.length || pending.length > 0)) {
      const expected = new Set(pending);
      const kept: ToolResult[] = [];
      const orphans: string[] = [];
      for (const r of m.toolResults ?? []) {
        const content = capResult(r.content, maxChars);
        if (expected.has(r.callId)) kept.push({ ...r, content });
        else orphans.push(`Result of an earlier tool call (${r.callId}):\n${content}`);
      }
      const results = [...kept, ...missing(kept)];
      const content = [...orphans, m.content].filter((t) => t !== '').join('\n\n');
      out.push({ role: 'user', content, ...(results.length > 0 ? { toolResults: results } : {}) });
      pending = [];
      continue;
    }
    if (m.role === 'assistant' && m.toolCalls?.length) pending = m.toolCalls.map((c) => c.id);
    out.push(m);
  }
  if (pending.length > 0) out.push({ role: 'user', content: '', toolResults: missing([]) });
  return out;
}

/** Keeps the head and tail of a long result with a note saying how much was left out. */
export function capResult(content: string, maxChars: number): string {
  if (content.length <= maxChars) return content;
  const keep = Math.max(0, maxChars - 200);
  const head = content.slice(0, Math.ceil(keep * 0.75));
  const tail = content.slice(content.length - Math.floor(keep * 0.25));
  const cut = content.length - head.length - tail.length;
  return `${head}\n\n[Jarvis: ${cut.toLocaleString('en-US')} of ${content.length.toLocaleString('en-US')} characters of this tool result were left out to fit the model; ask the tool for less if the missing part matters.]\n\n${tail}`;
}
