import * as vscode from 'vscode';
import type { ChatChunk, ChatCost } from '../../core/chat/ChatChunk';
import { commandIds } from '../../core/commandIds';
import type { IChatEngine } from '../../core/chat/ChatEngine';
import { formatUsage } from '../../core/chat/formatUsage';
import { addAnswerCost, NO_COST, type ConversationCost } from '../../core/chat/conversationCost';
import { listReferences } from '../../shared/describeReferences';
import { isOpenableReferenceUri } from '../../shared/isOpenableReferenceUri';
import { sanitizeSlashCommands } from '../../shared/matchSlashCommands';
import type { UiSlashCommand } from '../../shared/protocol';
import { toAttachments, type AttachmentReader } from './toAttachments';
import { FOOTER_MARK, toChatTurns } from './toChatTurns';

export const PARTICIPANT_ID = 'jarvis.chat';

/**
 * The slash commands @jarvis declares in package.json (contributes.chatParticipants), so the chat
 * view offers exactly the list VS Code shows for the participant. Malformed entries are left out.
 */
export function participantCommands(packageJSON: unknown): UiSlashCommand[] {
  const participants = (packageJSON as { contributes?: { chatParticipants?: unknown } } | undefined)?.contributes?.chatParticipants;
  const ours = Array.isArray(participants) ? participants.find((p: { id?: unknown }) => p?.id === PARTICIPANT_ID) : undefined;
  return sanitizeSlashCommands((ours as { commands?: unknown } | undefined)?.commands);
}

/** Reads #file / selection references with the workspace's documents (open editors included). */
const workspaceReader: AttachmentReader = {
  open: async (uri) => vscode.workspace.openTextDocument(uri),
  relativeName: (uri) => (uri.scheme === 'file' || uri.scheme === 'vscode-notebook-cell' ? vscode.workspace.asRelativePath(uri, false) : uri.toString()),
};

/**
 * The @jarvis handler: translates a VS Code ChatRequest into an engine request and engine chunks into
 * response-stream calls. No logic of its own beyond that translation.
 */
export function createChatHandler(engine: IChatEngine, reader: AttachmentReader = workspaceReader): vscode.ChatRequestHandler {
  return async (request, context, stream, token) => {
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    if (token.isCancellationRequested) abort.abort();
    const renderer = new ResponseRenderer(stream, conversationSoFar(context.history));
    try {
      const { attachments, skipped } = await toAttachments(request.references, reader);
      for (const s of skipped) renderer.render({ type: 'notice', level: 'warning', message: `Not attached: ${s}` });
      const chunks = engine.run({
        prompt: request.prompt,
        history: toChatTurns(context.history),
        signal: abort.signal,
        ...(request.command ? { command: request.command } : {}),
        ...(attachments.length > 0 ? { attachments } : {}),
        ...(vscode.window.activeTextEditor ? { editorLanguageId: vscode.window.activeTextEditor.document.languageId } : {}),
        // VS Code's chat cannot take back streamed text: a local answer the gate may replace is held.
        answerMode: 'hold',
      });
      for await (const chunk of chunks) {
        if (token.isCancellationRequested) break;
        renderer.render(chunk);
      }
      renderer.finish();
    } finally {
      sub.dispose();
    }
    // The answer's cost rides in the result's metadata, so the next turn's footer can add it up.
    const result: vscode.ChatResult = { metadata: { model: renderer.model, command: request.command, ...(renderer.cost ? { cost: renderer.cost } : {}) } };
    if (renderer.errorCode) result.errorDetails = { message: `Jarvis could not answer (${renderer.errorCode}).` };
    return result;
  };
}

/**
 * Engine chunks → response stream, in arrival order. References without an openable uri are
 * gathered into one "Used 3 memories: …" line, written when the next other chunk arrives.
 *
 * Everything Jarvis writes itself (notices, the references line, errors) is a MarkdownString with
 * theme icons on; model text never is. toChatTurns relies on that to keep our notes out of the
 * history sent back to the model.
 */
class ResponseRenderer {
  model: string | undefined;
  errorCode: string | undefined;
  /** This answer's cost, for the result metadata (the next turn adds it to the running total). */
  cost: AnswerCost | undefined;
  private local = true;
  private pendingRefs: Extract<ChatChunk, { type: 'reference' }>[] = [];

  constructor(
    private readonly stream: vscode.ChatResponseStream,
    private readonly conversation: ConversationCost = NO_COST,
  ) {}

  render(chunk: ChatChunk): void {
    if (chunk.type !== 'reference') this.flushReferences();
    switch (chunk.type) {
      case 'progress':
        this.stream.progress(chunk.message);
        return;
      case 'model':
        ({ model: this.model, local: this.local } = chunk);
        this.stream.progress(`Asking ${chunk.model} (${chunk.local ? 'local' : 'cloud'})${chunk.reason ? `: ${chunk.reason}` : ''}…`);
        return;
      case 'markdown':
        this.stream.markdown(chunk.text);
        return;
      case 'toolCall':
        // @jarvis offers no tools to its models; a call nobody asked for is named, not run.
        this.stream.progress(`The model asked to run the tool "${chunk.call.name}"; @jarvis runs no tools.`);
        return;
      case 'reference': {
        const uri = chunk.uri !== undefined && isOpenableReferenceUri(chunk.uri) ? parseUri(chunk.uri) : undefined;
        if (uri) this.stream.reference(uri);
        else this.pendingRefs.push(chunk);
        return;
      }
      case 'notice':
        this.stream.markdown(noticeMarkdown(chunk.level, chunk.message));
        for (const a of chunk.actions ?? []) this.stream.button({ command: a.command, title: a.title, arguments: a.args });
        return;
      case 'error':
        this.errorCode = chunk.code;
        // Our own message (not model output), so its `code` spans are kept; icons need supportThemeIcons.
        this.stream.markdown(new vscode.MarkdownString(`$(error) **Jarvis:** ${chunk.message}`, true));
        for (const a of chunk.actions) this.stream.button({ command: a.command, title: a.title, arguments: a.args });
        return;
      case 'replaced': {
        // Folded: one line, and the replaced answer one click away (never mixed into this answer).
        const md = new vscode.MarkdownString(undefined, true);
        md.appendMarkdown('$(fold) ');
        md.appendText(chunk.note);
        md.appendMarkdown('\n\n');
        this.stream.markdown(md);
        if (chunk.text) this.stream.button({ command: commandIds.showReplacedAnswer, title: 'Show the local answer', arguments: [chunk.text, chunk.model] });
        return;
      }
      case 'done': {
        this.model = chunk.model;
        const local = chunk.local ?? this.local;
        this.cost = { cost: chunk.cost, local };
        const total = addAnswerCost(this.conversation, chunk.cost, local);
        this.stream.markdown(`${FOOTER_MARK}${escapeMarkdown(formatUsage(chunk, local, total))}*`);
        return;
      }
    }
  }

  /** References at the very end (nothing followed them) still get their line. */
  finish(): void {
    this.flushReferences();
  }

  private flushReferences(): void {
    if (this.pendingRefs.length === 0) return;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown('$(references) ');
    md.appendText(listReferences(this.pendingRefs));
    md.appendMarkdown('\n\n');
    this.stream.markdown(md);
    this.pendingRefs = [];
  }
}

/** "$(info) text" or "$(warning) **Warning:** text": warnings stand out by icon AND words. */
export function noticeMarkdown(level: 'info' | 'warning', message: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(level === 'warning' ? '$(warning) **Warning:** ' : '$(info) ');
  // appendText escapes markdown and "$(icon)" syntax: the message may quote file or model names.
  md.appendText(message);
  md.appendMarkdown('\n\n');
  return md;
}

function parseUri(uri: string): vscode.Uri | undefined {
  try {
    return vscode.Uri.parse(uri, true);
  } catch {
    return undefined;
  }
}

function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+!|<>]/g, (c) => `\\${c}`);
}

/** What one answer cost, as kept in its ChatResult's metadata. */
interface AnswerCost {
  cost: ChatCost | undefined;
  local: boolean;
}

/** The earlier answers' costs, from the metadata Jarvis put in their results. */
function conversationSoFar(history: vscode.ChatContext['history']): ConversationCost {
  let total = NO_COST;
  for (const turn of history) {
    if (!(turn instanceof vscode.ChatResponseTurn)) continue;
    const meta = turn.result.metadata as { cost?: Partial<AnswerCost> } | undefined;
    const c = meta?.cost;
    if (!c || typeof c.local !== 'boolean') continue;
    const cost = c.cost && typeof c.cost === 'object' && ('usd' in c.cost ? typeof c.cost.usd === 'number' : 'unknown' in c.cost) ? c.cost : undefined;
    total = addAnswerCost(total, cost, c.local);
  }
  return total;
}
