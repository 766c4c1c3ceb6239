/**
 * What the fake Ollama answers to a chat: the markers tests in another process steer it with
 * ([[slow]] [[error]] [[garbage]] [[code]] [[history]] [[reply-b64:…]]), the configured reply, or a
 * tool-call plan. Kept apart from the server so the answer can be read without the HTTP plumbing.
 */
import { fakeToolPlan, type ToolPlan } from './fakeToolPlan';
import { splitWords } from './ollamaWire';

export interface OllamaMessage {
  role: string;
  content: string;
  tool_calls?: unknown[];
  tool_name?: string;
}

/** A reply: fixed text, or a function of the request's messages. */
export type OllamaReply = string | ((messages: { role: string; content: string }[]) => string);

/** What a chat answers: the chunks, their pacing, and how the stream ends. */
export interface ChatPlan {
  chunks: string[];
  delayMs: number;
  ending: 'done' | 'error' | 'garbage';
}

export const CODE_REPLY =
  'Here is a function that reverses a list:\n\n```python\ndef reverse(xs):\n    return xs[::-1]\n```\n\nSlicing with a step of -1 walks the list backwards.';

export function planChat(messages: OllamaMessage[], reply: OllamaReply | undefined, chunkDelayMs: number): ChatPlan {
  const lastUser = [...messages].reverse().find((m) => m?.role === 'user');
  const prompt = String(lastUser?.content ?? '');
  const base = { delayMs: chunkDelayMs, ending: 'done' as const };
  if (prompt.includes('[[slow]]')) return { ...base, chunks: Array(400).fill('tick '), delayMs: 50 };
  if (prompt.includes('[[error]]')) return { ...base, chunks: ['Partial ', 'answer '], ending: 'error' };
  if (prompt.includes('[[garbage]]')) return { ...base, chunks: ['Hello '], ending: 'garbage' };
  if (prompt.includes('[[code]]')) return { ...base, chunks: splitWords(CODE_REPLY) };
  if (prompt.includes('[[history]]')) return { ...base, chunks: [`history:${messages.length}`] };
  const scripted = /\[\[reply-b64:([A-Za-z0-9+/=]+)\]\]/.exec(prompt);
  if (scripted) return { ...base, chunks: splitWords(Buffer.from(scripted[1], 'base64').toString('utf8')) };
  const text = typeof reply === 'function' ? reply(messages) : (reply ?? `Hello from fake Ollama. You said: ${prompt}`);
  return { ...base, chunks: splitWords(text) };
}

/** The tool round a chat is in: the results after the last user turn, the offered tool names, and whether a tool is required. */
export function planToolRound(messages: OllamaMessage[], tools: { function?: { name?: string } }[]): ToolPlan | undefined {
  const results: string[] = [];
  for (let i = messages.length - 1; i >= 0 && messages[i]?.role === 'tool'; i--) results.unshift(String(messages[i].content));
  const last = messages[messages.length - 1];
  const lastText = last?.role === 'user' ? String(last.content ?? '') : '';
  const required = messages.some((m) => m?.role === 'system' && String(m.content).includes('Answer by calling one of the provided tools'));
  return fakeToolPlan(
    lastText,
    results,
    tools.map((t) => String(t?.function?.name ?? '')),
    required,
  );
}
