import { commandIds } from '../../core/commandIds';

/**
 * Commands the chat view may run on behalf of a button in the webview: exactly those its buttons
 * need (the actions of error chunks, of /forget's confirmation and of a cloud answer's ledger note). The
 * webview draws untrusted model output, so a compromised page must not reach any other command —
 * in particular not `jarvis.clearApiKeys`, `jarvis.memory.delete` or anything outside Jarvis.
 * A prefix rule (`jarvis.*`) was used before; an explicit list keeps new commands out by default.
 * ChatViewSession also requires the command and its arguments to be those of a button it rendered.
 */
export const CHAT_VIEW_ACTION_COMMANDS: ReadonlySet<string> = new Set<string>([
  commandIds.showLog,
  commandIds.openSettings,
  commandIds.checkOllama,
  commandIds.pullModel,
  commandIds.allowOverBudgetOnce,
  commandIds.setOpenAIKey,
  commandIds.setAnthropicKey,
  commandIds.memoryForget,
  // Read-only: opens a cloud answer's egress-ledger record.
  commandIds.auditWhyCloud,
]);

export function isAllowedActionCommand(command: string): boolean {
  return CHAT_VIEW_ACTION_COMMANDS.has(command);
}
