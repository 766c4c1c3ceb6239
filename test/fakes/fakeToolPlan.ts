/**
 * What the fakes answer when a request offers tools, steered by markers in the last user text (as
 * the other markers are), so tests in another process (VS Code, a browser) can script it:
 * - `[[tool:NAME {json}]]` (repeatable): call NAME with that input (`{}` when omitted);
 * - `[[badargs]]`: the call's arguments are not valid JSON;
 * - `[[toolcut]]`: the stream ends in the middle of the call;
 * - `[[slowtool]]`: the arguments arrive in 400 pieces 50 ms apart (to cancel during a call);
 * - no marker but a required tool call: call the first tool with `{}`.
 * When the conversation ends with tool results, the fake answers in text quoting them, which
 * completes a round trip.
 */
export interface ToolPlanCall {
  name: string;
  /** The arguments as the model writes them: a JSON text (invalid with [[badargs]]). */
  argumentsText: string;
}

export type ToolPlan = { kind: 'calls'; calls: ToolPlanCall[]; cut: boolean; slow: boolean } | { kind: 'text'; text: string };

const CALL = /\[\[tool:([a-zA-Z0-9_-]+)(\s+\{.*?\})?\]\]/g;
export const BAD_ARGUMENTS = '{"path": "src/a.ts", ';

/**
 * @param lastUserText the text of the last user message ('' when it holds only tool results)
 * @param toolResults the results the last message carries (empty when it carries none)
 * @param toolNames the tools the request offers, in order
 */
export function fakeToolPlan(lastUserText: string, toolResults: string[], toolNames: string[], required: boolean): ToolPlan | undefined {
  if (toolResults.length > 0) {
    return { kind: 'text', text: `The tool returned: ${toolResults.map((r) => r.slice(0, 200)).join(' | ')}` };
  }
  if (toolNames.length === 0) return undefined;
  const calls: ToolPlanCall[] = [...lastUserText.matchAll(CALL)].map((m) => ({
    name: m[1],
    argumentsText: lastUserText.includes('[[badargs]]') ? BAD_ARGUMENTS : (m[2]?.trim() ?? '{}'),
  }));
  if (
    calls.length === 0 &&
    (required || lastUserText.includes('[[badargs]]') || lastUserText.includes('[[toolcut]]') || lastUserText.includes('[[slowtool]]'))
  ) {
    calls.push({ name: toolNames[0], argumentsText: lastUserText.includes('[[badargs]]') ? BAD_ARGUMENTS : '{}' });
  }
  if (calls.length === 0) return undefined;
  const slow = lastUserText.includes('[[slowtool]]');
  if (slow) calls[0] = { ...calls[0], argumentsText: `{"note": "${'x'.repeat(398)}"}` };
  return { kind: 'calls', calls, cut: lastUserText.includes('[[toolcut]]'), slow };
}

/** Splits arguments into the pieces a model streams: about 8 characters each, or one per character when slow. */
export function argumentPieces(text: string, slow: boolean): string[] {
  const size = slow ? 1 : 8;
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out.length > 0 ? out : [''];
}

/** An array property without `items`: OpenAI refuses such a schema (Ollama and Anthropic take it). */
export function arrayWithoutItems(schema: unknown): string | undefined {
  const props = (schema as { properties?: Record<string, { type?: unknown; items?: unknown }> } | undefined)?.properties;
  for (const [key, p] of Object.entries(props ?? {})) if (p?.type === 'array' && p.items === undefined) return key;
  return undefined;
}
