import type { ChatChunk } from '../chat/ChatChunk';
import { commandIds } from '../commandIds';
import type { HybridResult } from './HybridStrategy';

/**
 * The line under a cloud answer that says it left the machine and was recorded, with the button
 * that opens its egress-ledger record ("Why did this go to the cloud?"). The request id is the
 * record's key; the command looks it up, so the chat never carries the record itself.
 */
export function whyCloudNotice(result: Pick<HybridResult, 'provider' | 'model'>, requestId: string): ChatChunk {
  return {
    type: 'notice',
    level: 'info',
    message: `Sent to ${result.provider} (${result.model}); recorded in the egress ledger.`,
    actions: [{ title: 'Why did this go to the cloud?', command: commandIds.auditWhyCloud, args: [requestId] }],
  };
}
