import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { errorMessage } from '../../common/errors';
import { PROPOSAL_CONTEXT_KEY } from '../../core/editor/EditorCommand';
import { decideApply, followChanges, type FollowedRange } from '../../core/editor/followRange';
import type { InsertedCode } from '../chatView/InsertedCode';
import { withEol } from '../chatView/insertedRanges';
import { PROPOSAL_SCHEME, ProposalDocuments } from './ProposalDocuments';

/** Finished proposals remembered (for their state) before the oldest are forgotten. */
const MAX_FINISHED = 20;

export type ProposalState = 'streaming' | 'ready' | 'applied' | 'discarded' | 'failed';

/** What an edit command proposes: code that replaces a range of a document, or a new file. */
export interface Proposal {
  readonly id: string;
  /** Command title, e.g. "Refactor". */
  readonly title: string;
  /** The document the code goes into (for Add Tests, the test file, which may not exist yet). */
  readonly target: vscode.Uri;
  /** True when Apply creates `target` (Add Tests with no test file yet). */
  readonly createsFile: boolean;
  readonly requestVersion: number;
  /** The code being replaced, as it was when the command ran ('' for an insertion). */
  readonly original: string;
  /** The whole document then: the proposal document is this with the range replaced. */
  readonly baseText: string;
  /** Where the replaced code started in `baseText`. */
  readonly baseStart: number;
  /** Added before the code when it is appended to a file (a blank line between old and new tests). */
  readonly prefix: string;
  followed: FollowedRange;
  state: ProposalState;
  code: string;
  readonly proposalUri: vscode.Uri;
  readonly originalUri: vscode.Uri;
}

export interface ApplyResult {
  applied: boolean;
  message: string;
}

/**
 * Pending proposals: their virtual documents, the diff editors showing them, and Apply/Discard.
 * Every target is followed through the user's edits, so Apply re-bases onto moved code or refuses
 * when the code itself was edited — it never overwrites the user's changes. Apply is one
 * WorkspaceEdit: one undo reverts it.
 */
export class EditProposals implements vscode.Disposable {
  private readonly proposals = new Map<string, Proposal>();
  private readonly subscriptions: vscode.Disposable[];
  private readonly appliedEmitter = new vscode.EventEmitter<InsertedCode>();
  /** Fired with where applied code landed, so learning from the user's later edits can start. */
  readonly onDidApply = this.appliedEmitter.event;

  constructor(
    private readonly docs: ProposalDocuments,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => this.follow(e)),
      vscode.window.tabGroups.onDidChangeTabs(() => this.updateContext()),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateContext()),
    ];
  }

  /** Starts a proposal for `range` of `document` (the diff opens once there is code to show). */
  create(init: { title: string; document: vscode.TextDocument; range: vscode.Range; fileName: string }): Proposal {
    const id = randomUUID();
    const doc = init.document;
    const p: Proposal = {
      id,
      title: init.title,
      target: doc.uri,
      createsFile: false,
      requestVersion: doc.version,
      original: doc.getText(init.range),
      baseText: doc.getText(),
      baseStart: doc.offsetAt(init.range.start),
      prefix: '',
      followed: { range: { start: doc.offsetAt(init.range.start), end: doc.offsetAt(init.range.end) }, touched: false },
      state: 'streaming',
      code: doc.getText(init.range),
      proposalUri: ProposalDocuments.uriFor(id, init.fileName),
      originalUri: doc.uri,
    };
    this.proposals.set(id, p);
    this.render(p);
    return p;
  }

  /** Add Tests: code appended to an existing test file, or a test file Apply creates. */
  createForFile(init: { title: string; uri: vscode.Uri; document?: vscode.TextDocument; fileName: string }): Proposal {
    const id = randomUUID();
    const doc = init.document;
    const end = doc ? doc.getText().length : 0;
    const text = doc?.getText() ?? '';
    const p: Proposal = {
      id,
      title: init.title,
      target: init.uri,
      createsFile: !doc,
      requestVersion: doc?.version ?? 0,
      original: '',
      baseText: text,
      baseStart: end,
      prefix: text === '' ? '' : text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n',
      followed: { range: { start: end, end }, touched: false },
      state: 'streaming',
      code: '',
      proposalUri: ProposalDocuments.uriFor(id, init.fileName),
      originalUri: doc ? doc.uri : ProposalDocuments.uriFor(id, init.fileName, 'empty'),
    };
    this.proposals.set(id, p);
    if (!doc) this.docs.set(p.originalUri, '');
    this.render(p);
    return p;
  }

  get(id: string): Proposal | undefined {
    return this.proposals.get(id);
  }

  /** The proposal the active diff editor shows, else the newest one still waiting. */
  current(): Proposal | undefined {
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    const input = tab?.input;
    if (input instanceof vscode.TabInputTextDiff) {
      const id = ProposalDocuments.idOf(input.modified);
      const p = id ? this.proposals.get(id) : undefined;
      if (p && p.state === 'ready') return p;
    }
    return [...this.proposals.values()].reverse().find((p) => p.state === 'ready');
  }

  /** New code streamed in: the proposal document follows it. */
  stream(p: Proposal, code: string): void {
    if (p.state !== 'streaming') return;
    p.code = code;
    this.render(p);
  }

  ready(p: Proposal, code: string): void {
    p.code = code;
    p.state = 'ready';
    this.render(p);
    this.updateContext();
  }

  async showDiff(p: Proposal): Promise<void> {
    const name = p.proposalUri.path.slice(p.proposalUri.path.lastIndexOf('/') + 1);
    await vscode.commands.executeCommand('vscode.diff', p.originalUri, p.proposalUri, `${name} ↔ Jarvis: ${p.title}`, { preview: false });
    this.updateContext();
  }

  /** Writes the proposal as one WorkspaceEdit, after checking the user's edits are safe. */
  async apply(p: Proposal): Promise<ApplyResult> {
    if (p.state !== 'ready')
      return { applied: false, message: p.state === 'streaming' ? 'Jarvis is still writing this proposal.' : `This proposal was already ${p.state}.` };
    const edit = new vscode.WorkspaceEdit();
    let landed: { document: vscode.TextDocument; start: number; text: string } | undefined;
    let note: string | undefined;
    if (p.createsFile) {
      const exists = await vscode.workspace.fs.stat(p.target).then(
        () => true,
        () => false,
      );
      if (exists)
        return { applied: false, message: `${p.target.fsPath} was created since Jarvis was asked; nothing was changed. Run Add Tests again to extend it.` };
      edit.createFile(p.target, { contents: new TextEncoder().encode(`${p.code}\n`) });
    } else {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === p.target.toString());
      const current =
        document && !document.isClosed
          ? document.getText(new vscode.Range(document.positionAt(p.followed.range.start), document.positionAt(p.followed.range.end)))
          : '';
      const decision = decideApply({
        requestVersion: p.requestVersion,
        currentVersion: document?.version ?? -1,
        followed: p.followed,
        original: p.original,
        current,
        gone: !document || document.isClosed,
      });
      if (decision.action === 'refuse') return { applied: false, message: decision.message };
      if (decision.action === 'rebase') note = decision.message;
      const doc = document!;
      const text = withEol(p.prefix + p.code, doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n');
      edit.replace(doc.uri, new vscode.Range(doc.positionAt(decision.range.start), doc.positionAt(decision.range.end)), text);
      landed = { document: doc, start: decision.range.start + p.prefix.length, text: text.slice(p.prefix.length) };
    }
    let ok: boolean;
    try {
      ok = await vscode.workspace.applyEdit(edit);
    } catch (e) {
      this.log.warn(`Apply failed: ${errorMessage(e)}`);
      return { applied: false, message: `VS Code could not apply the change: ${errorMessage(e)}. Nothing was changed.` };
    }
    if (!ok) return { applied: false, message: 'VS Code refused the edit (is the file read-only?). Nothing was changed.' };
    p.state = 'applied';
    await this.close(p);
    if (landed) {
      const { document, start, text } = landed;
      this.appliedEmitter.fire({
        document: document.uri,
        range: new vscode.Range(document.positionAt(start), document.positionAt(start + text.length)),
        text,
        languageId: document.languageId,
      });
    }
    this.log.info(`Applied Jarvis ${p.title} to ${vscode.workspace.asRelativePath(p.target, false)}${note ? ' (re-based)' : ''}.`);
    return { applied: true, message: note ?? `Applied. One undo (${process.platform === 'darwin' ? 'Cmd' : 'Ctrl'}+Z in the file) reverts it.` };
  }

  async discard(p: Proposal, state: 'discarded' | 'failed' = 'discarded'): Promise<void> {
    if (p.state === 'applied' || p.state === 'discarded') return;
    p.state = state;
    await this.close(p);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.appliedEmitter.dispose();
    this.proposals.clear();
  }

  private render(p: Proposal): void {
    const before = p.baseText.slice(0, p.baseStart);
    const after = p.baseText.slice(p.baseStart + p.original.length);
    this.docs.set(p.proposalUri, `${before}${p.code === '' ? '' : p.prefix}${p.code}${after}`);
  }

  private async close(p: Proposal): Promise<void> {
    const tabs = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputTextDiff && ProposalDocuments.idOf(t.input.modified) === p.id);
    if (tabs.length > 0) await vscode.window.tabGroups.close(tabs).then(undefined, () => undefined);
    this.docs.delete(p.proposalUri);
    if (p.originalUri.scheme === PROPOSAL_SCHEME) this.docs.delete(p.originalUri);
    // Finished proposals stay listed (state only) so a late Apply says "already applied"; the oldest go.
    const finished = [...this.proposals.values()].filter((x) => x.state !== 'streaming' && x.state !== 'ready');
    for (const old of finished.slice(0, Math.max(0, finished.length - MAX_FINISHED))) this.proposals.delete(old.id);
    this.updateContext();
  }

  private follow(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) return;
    const key = e.document.uri.toString();
    for (const p of this.proposals.values()) if (p.target.toString() === key && !p.createsFile) p.followed = followChanges(p.followed, e.contentChanges);
  }

  private updateContext(): void {
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    const p = input instanceof vscode.TabInputTextDiff ? this.proposals.get(ProposalDocuments.idOf(input.modified) ?? '') : undefined;
    const active = p !== undefined && (p.state === 'ready' || p.state === 'streaming');
    void vscode.commands.executeCommand('setContext', PROPOSAL_CONTEXT_KEY, active);
  }
}
