import * as vscode from 'vscode';
import type { ChatChunk } from '../../core/chat/ChatChunk';
import { buildEditorPrompt } from '../../core/editor/buildEditorPrompt';
import type { EditorCommandKind } from '../../core/editor/EditorCommand';
import type { EditorContextContributor } from '../../core/editor/EditorContextContributor';
import { gatherCodeTarget } from './gatherCodeTarget';

export interface ChatAskDeps {
  context: EditorContextContributor;
  /** Opens the Jarvis chat view and sends `prompt` as if typed (the fallback without a native Chat view). */
  askChatView(prompt: string): Promise<void>;
  log: vscode.LogOutputChannel;
}

/** Where the answer went, for the caller (and the tests). */
export type ChatAskResult = { sentTo: 'native' | 'chatView'; prompt: string } | { failed: string };

const NATIVE_OPEN = 'workbench.action.chat.open';

/**
 * Explain / Review / Ask About Selection: the answer appears in the chat — `@jarvis` in VS Code's
 * Chat view when this build has one, otherwise the Jarvis chat view — with the code as a reference.
 * The chat request is an ordinary one (router, memories, preferences); the language, enclosing
 * symbol and imports reach it through the editor context contributor.
 */
export async function askInChat(kind: EditorCommandKind, editor: vscode.TextEditor, deps: ChatAskDeps, question?: string): Promise<ChatAskResult> {
  const { target, range } = await gatherCodeTarget(editor);
  if (kind === 'ask') {
    const q =
      question ??
      (await vscode.window.showInputBox({
        title: 'Ask Jarvis About the Selection',
        prompt: `About ${target.source === 'selection' ? 'the selected code' : (target.enclosing?.name ?? target.file)}`,
        placeHolder: 'e.g. Why is this loop quadratic?',
        validateInput: (v) => (v.trim() === '' ? 'Type a question, or press Escape to cancel.' : undefined),
      }));
    if (q === undefined) return { failed: 'cancelled' };
    target.question = q;
  }
  let built;
  try {
    built = buildEditorPrompt(kind, target);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    void vscode.window.showWarningMessage(`Jarvis: ${message}`);
    return { failed: message };
  }
  const doc = editor.document;
  const reference: Extract<ChatChunk, { type: 'reference' }> = {
    type: 'reference',
    title: `${target.file}:${target.startLine}-${target.endLine}`,
    detail: target.source === 'selection' ? 'selection' : (target.enclosing?.kind ?? 'file'),
    uri: doc.uri.with({ fragment: `L${target.startLine}-L${target.endLine}` }).toString(),
  };
  const codeBlock = `${target.file} (lines ${target.startLine}–${target.endLine}):\n\`\`\`${target.languageId}\n${target.code}\n\`\`\``;
  const notices: Extract<ChatChunk, { type: 'notice' }>[] = built.scopeNote ? [{ type: 'notice', level: 'info', message: built.scopeNote }] : [];
  // The Jarvis chat view gets the code through the system prompt, not an attachment: the ledger still lists it.
  const lines = target.source === 'file' ? {} : { range: { startLine: target.startLine, endLine: target.endLine } };
  const files = [{ path: target.file, ...lines }];
  deps.context.expect(built.prompt, { system: built.context, code: codeBlock, references: [reference], notices, files });
  if (await hasNativeChat()) {
    try {
      await vscode.commands.executeCommand(NATIVE_OPEN, { query: `@jarvis ${built.prompt}`, attachFiles: [{ uri: doc.uri, range }] });
      return { sentTo: 'native', prompt: built.prompt };
    } catch (e) {
      deps.log.info(`The Chat view would not open (${e instanceof Error ? e.message : String(e)}); using the Jarvis chat view.`);
    }
  }
  await deps.askChatView(built.prompt);
  return { sentTo: 'chatView', prompt: built.prompt };
}

/** VS Code's own Chat view, with the participant API: not in VSCodium/code-server builds without chat. */
async function hasNativeChat(): Promise<boolean> {
  if (typeof vscode.chat?.createChatParticipant !== 'function') return false;
  return (await vscode.commands.getCommands(true)).includes(NATIVE_OPEN);
}
