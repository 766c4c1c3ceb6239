// placeholder replaced by the lead engineer; see ChatChunk.ts for the contract
import type { ChatChunk, ChatEngineRequest } from './ChatChunk';
export interface IChatEngine {
  run(request: ChatEngineRequest): AsyncIterable<ChatChunk>;
}
