import type { ToolDefinition, ToolMode } from '../llm/tools/ToolTypes';
import type { ProviderId } from '../llm/types';

/**
 * What an agent's request (through VS Code's chat model API) carries beyond a chat message. The
 * routing service then holds back answers that may be replaced, keeps the conversation on one
 * model, counts tools and length in the complexity, and never answers from the response cache.
 */
export interface AgentRequest {
  tools: ToolDefinition[];
  toolMode: ToolMode;
  /** The same for every request of one agent conversation (derived from its opening messages). */
  conversationKey?: string;
  /** A model picked by name in the model picker, instead of Jarvis Auto's routing. */
  model?: { provider: ProviderId; model: string };
}
