import { JarvisError } from '../../../common/errors';
import type { ToolDefinition, ToolMode } from './ToolTypes';

/** A tool as every provider's request needs it: a name, a description and an object schema. */
export interface CheckedTool {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

/** What OpenAI and Anthropic accept as a function name (Ollama accepts more; the strictest wins). */
const NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * Checks a request's tools before anything is sent, so a bad definition is reported naming the tool
 * rather than as a provider's 400. A tool without a schema gets the empty object schema, which
 * OpenAI and Anthropic require and VS Code tools often omit.
 * @throws JarvisError `invalid-input`
 */
export function validateTools(tools: readonly ToolDefinition[] | undefined, toolMode: ToolMode | undefined, label: string): CheckedTool[] {
  if (tools === undefined) tools = [];
  if (!Array.isArray(tools)) throw new JarvisError('invalid-input', `The tools of a ${label} request must be a list.`);
  if (toolMode !== undefined && toolMode !== 'auto' && toolMode !== 'required') {
    throw new JarvisError('invalid-input', `toolMode must be "auto" or "required" (got ${JSON.stringify(toolMode)}).`);
  }
  if (toolMode === 'required' && tools.length === 0) {
    throw new JarvisError('invalid-input', 'This request requires a tool call (toolMode "required") but offers no tools.');
  }
  const seen = new Set<string>();
  return tools.map((t, i) => {
    const name = (t as { name?: unknown } | null)?.name;
    if (typeof name !== 'string' || !NAME.test(name)) {
      throw new JarvisError('invalid-input', `Tool ${i + 1} has the name ${JSON.stringify(name)}; ${label} accepts 1–64 letters, digits, "_" and "-".`);
    }
    if (seen.has(name)) throw new JarvisError('invalid-input', `Two tools are named "${name}"; tool names must be unique.`);
    seen.add(name);
    const schema = t.inputSchema;
    if (schema !== undefined && (typeof schema !== 'object' || schema === null || Array.isArray(schema))) {
      throw new JarvisError('invalid-input', `The input schema of tool "${name}" is not a JSON object.`);
    }
    const type = (schema as { type?: unknown } | undefined)?.type;
    if (type !== undefined && type !== 'object') {
      throw new JarvisError(
        'invalid-input',
        `The input schema of tool "${name}" has type ${JSON.stringify(type)}; a tool's input must be an object (type "object").`,
      );
    }
    const parameters: Record<string, unknown> = { ...(schema as Record<string, unknown> | undefined) };
    parameters.type = 'object';
    if (parameters.properties === undefined) parameters.properties = {};
    return { name, description: typeof t.description === 'string' ? t.description : '', parameters };
  });
}
