import { JarvisError } from '../../common/errors';
import type { SlashCommand } from '../chat/ChatPipeline';
import type { ChatChunk } from '../chat/ChatChunk';

/** The memory tools Jarvis offers to any agent; declared in package.json under languageModelTools. */
export const MEMORY_TOOLS = {
  jarvis_recall: { command: 'recall', field: 'query' },
  jarvis_remember: { command: 'remember', field: 'text' },
  jarvis_decisions: { command: 'decisions', field: 'topic' },
} as const;

export type MemoryToolName = keyof typeof MEMORY_TOOLS;

/** Longest input a memory tool takes: a model pasting a whole file into /remember is a mistake. */
export const MAX_MEMORY_TOOL_INPUT = 4_000;

/** The text argument of a memory tool call, checked. @throws JarvisError invalid-input */
export function memoryToolArgument(name: MemoryToolName, input: unknown): string {
  const field = MEMORY_TOOLS[name].field;
  const value = (input as Record<string, unknown> | null | undefined)?.[field];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new JarvisError('invalid-input', `${name} needs a non-empty "${field}" string.`);
  }
  if (value.length > MAX_MEMORY_TOOL_INPUT) {
    throw new JarvisError(
      'invalid-input',
      `${name}: "${field}" is ${value.length} characters; at most ${MAX_MEMORY_TOOL_INPUT} are taken. Store a short summary instead.`,
    );
  }
  return value.trim();
}

/**
 * Runs a memory tool through the same command as the chat's /recall, /remember or /decisions, so
 * trust checks, scopes and wording are the same, and returns what it said as plain text for a model.
 */
export async function runMemoryTool(commands: readonly SlashCommand[], name: MemoryToolName, input: unknown, signal: AbortSignal): Promise<string> {
  const arg = memoryToolArgument(name, input);
  const command = commands.find((c) => c.name === MEMORY_TOOLS[name].command);
  if (!command) throw new JarvisError('invalid-input', `Jarvis memory is not available (no /${MEMORY_TOOLS[name].command} command).`);
  const out: string[] = [];
  for await (const chunk of command.run(arg, { prompt: arg, history: [], signal })) {
    const line = asText(chunk);
    if (line) out.push(line);
  }
  return out.join('\n').trim() || 'Nothing found.';
}

function asText(chunk: ChatChunk): string | undefined {
  switch (chunk.type) {
    case 'markdown':
      return chunk.text;
    case 'reference':
      return `- ${chunk.title}${chunk.detail ? ` (${chunk.detail})` : ''}`;
    case 'notice':
      return chunk.message;
    case 'error':
      throw new JarvisError(chunk.code, chunk.message);
    default:
      return undefined;
  }
}
