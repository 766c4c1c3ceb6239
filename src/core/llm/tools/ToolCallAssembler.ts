import { JarvisError } from '../../../common/errors';
import { parseToolArguments } from './parseToolArguments';
import type { ToolCall } from './ToolTypes';

interface Partial {
  id?: string;
  name?: string;
  json: string;
  closed: boolean;
}

/**
 * Collects tool calls that stream in pieces: OpenAI's `delta.tool_calls` (told apart by `index`,
 * arguments as string fragments) and Anthropic's `tool_use` blocks (by block index, arguments as
 * `input_json_delta` fragments). Calls are handed out only by `finish()`, once the stream ended
 * cleanly, so a call cut off mid-stream is never run half-formed.
 */
export class ToolCallAssembler {
  private readonly calls = new Map<number, Partial>();

  constructor(private readonly where: { provider: string; model: string }) {}

  get size(): number {
    return this.calls.size;
  }

  /** A fragment of call `index`; `id` and `name` arrive with its first fragment. */
  add(index: number, fragment: { id?: string | null; name?: string | null; arguments?: string | null }): void {
    let call = this.calls.get(index);
    if (!call) {
      call = { json: '', closed: false };
      this.calls.set(index, call);
    }
    if (fragment.id) call.id = fragment.id;
    if (fragment.name) call.name = (call.name ?? '') + fragment.name;
    if (fragment.arguments) call.json += fragment.arguments;
  }

  /** Anthropic's content_block_stop: the call's arguments are complete. */
  close(index: number): void {
    const call = this.calls.get(index);
    if (call) call.closed = true;
  }

  has(index: number): boolean {
    return this.calls.has(index);
  }

  /**
   * The complete calls in stream order.
   * @param requireClosed every call must have been closed (Anthropic); OpenAI has no per-call end.
   * @throws JarvisError `invalid-response` for a call without a name, unclosed, or with bad JSON.
   */
  finish(requireClosed = false): ToolCall[] {
    return [...this.calls.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, c]) => {
        if (!c.name) throw this.invalid(`tool call ${index + 1} has no tool name`);
        if (requireClosed && !c.closed) throw this.invalid(`the call to "${c.name}" was cut off before its arguments were complete`);
        return { id: c.id ?? `call_${index}`, name: c.name, input: parseToolArguments(c.json, { ...this.where, tool: c.name }) };
      });
  }

  private invalid(why: string): JarvisError {
    return new JarvisError('invalid-response', `${this.where.model} sent an unusable tool call: ${why}. Nothing was run; try again.`, this.where);
  }
}
