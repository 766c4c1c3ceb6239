/**
 * Provider-neutral tool calling (function calling). The VS Code side converts its
 * LanguageModelChatTool / ToolCallPart / ToolResultPart into these; each provider converts them
 * into its own wire format (see the to*Tools files beside this one).
 */

/** A tool the model may call: what a `vscode.LanguageModelChatTool` carries. */
export interface ToolDefinition {
  /** As the caller names it; calls come back with exactly this name. */
  name: string;
  description: string;
  /** JSON schema of the input object. Missing means "takes no input". */
  inputSchema?: object;
}

/** A call the model asked for. `id` pairs it with its result in a later message. */
export interface ToolCall {
  id: string;
  name: string;
  /** The parsed arguments (always a JSON object). */
  input: Record<string, unknown>;
}

/** The caller's answer to one tool call, sent back in a later user message. */
export interface ToolResult {
  callId: string;
  /** Text of the result (VS Code result parts joined). */
  content: string;
  /** The tool failed; Anthropic is told so with `is_error`. */
  isError?: boolean;
}

/** `required`: the model must call a tool (VS Code's LanguageModelChatToolMode.Required). */
export type ToolMode = 'auto' | 'required';

/**
 * Longest tool result sent to a model, in characters (about 50k tokens). A tool that returns
 * several MB (a whole log file) would otherwise overflow every context window and be rejected; the
 * head and tail are kept with a note in the middle so the model knows and can ask for less.
 * @default 200_000
 */
export const MAX_TOOL_RESULT_CHARS = 200_000;

/**
 * How many identical tool calls in a row (same name, same input) mean an agent is looping.
 * @default 5
 */
export const LOOP_REPEAT_LIMIT = 5;

/**
 * Most tool-call rounds in one conversation before Jarvis stops the agent with a message.
 * @default 60
 */
export const MAX_TOOL_ROUNDS = 60;
