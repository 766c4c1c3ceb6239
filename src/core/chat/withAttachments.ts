import type { ChatAttachment } from './ChatChunk';

/** Attached text beyond this is cut (and the chat says so): a whole repository is not a prompt. */
export const MAX_ATTACHMENT_CHARS = 100_000;

/**
 * The user's message with attached files/selections in fenced blocks before the question. The blocks
 * are data: each fence is longer than any backtick run in its content, so a file cannot end its block.
 */
export function withAttachments(prompt: string, attachments: ChatAttachment[]): { text: string; cut: string[] } {
  if (attachments.length === 0) return { text: prompt, cut: [] };
  let budget = MAX_ATTACHMENT_CHARS;
  const cut: string[] = [];
  const blocks: string[] = [];
  for (const a of attachments) {
    let content = a.content;
    if (content.length > budget) {
      content = content.slice(0, Math.max(0, budget));
      cut.push(a.name);
    }
    budget -= content.length;
    // Longer than any backtick run inside: attached text can never close its block and speak as the user.
    const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    blocks.push(`${a.name}:\n${fence}${a.languageId ?? ''}\n${content}\n${fence}`);
  }
  return { text: `${blocks.join('\n\n')}\n\n${prompt}`, cut };
}
