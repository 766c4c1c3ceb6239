import * as vscode from 'vscode';
import { commandIds } from '../../core/commandIds';
import { errorMessage } from '../../common/errors';
import type { IChatEngine } from '../../core/chat/ChatEngine';
import { EDITOR_COMMAND_KINDS, EDITOR_COMMANDS, PROPOSAL_COMMANDS, type EditorCommandKind } from '../../core/editor/EditorCommand';
import type { EditorContextContributor } from '../../core/editor/EditorContextContributor';
import type { WarmableSyntax } from '../../core/routing/quality/QualityGate';
import type { InsertedCode } from '../chatView/InsertedCode';
import { askInChat, type ChatAskResult } from './askInChat';
import { EditProposals, type ApplyResult } from './EditProposals';
import { FixCodeActionProvider } from './FixCodeActionProvider';
import { PROPOSAL_SCHEME, ProposalDocuments } from './ProposalDocuments';
import { runEditCommand, type EditRunResult } from './runEditCommand';

export interface EditorCommandDeps {
  /** Build the integration tests' hooks (ExtensionMode.Test only: in other modes none exist). */
  testHooks?: boolean;
  engine: IChatEngine;
  context: EditorContextContributor;
  /** Full parses of proposals where a tree-sitter grammar exists (optional: the bracket check remains). */
  syntax?: WarmableSyntax;
  askChatView(prompt: string): Promise<void>;
  /** Told where applied code landed (learning from the user's next edits to it). */
  onDidApply(code: InsertedCode): void;
  log: vscode.LogOutputChannel;
}

/** For the integration tests: the state of a proposal. */
export interface EditorTestApi {
  proposal(id: string): { state: string; code: string; target: string } | undefined;
}

/**
 * The commands on selected code (Explain, Refactor, Fix, Add Tests, Add Docs, Review, Ask), the
 * proposal diff's Apply and Discard, and the "Fix with Jarvis" quick fix.
 */
export function registerEditorCommands(deps: EditorCommandDeps): { disposable: vscode.Disposable; api: EditorTestApi | undefined } {
  const docs = new ProposalDocuments();
  const proposals = new EditProposals(docs, deps.log);
  const run = async (
    kind: EditorCommandKind,
    editor: vscode.TextEditor | undefined,
    extra: { range?: vscode.Range; diagnostics?: vscode.Diagnostic[]; question?: string; quiet?: boolean } = {},
  ): Promise<EditRunResult | ChatAskResult> => {
    if (!editor) {
      void vscode.window.showInformationMessage(`Jarvis: open a file and select code first, then run ${EDITOR_COMMANDS[kind].title} again.`);
      return { failed: 'no editor' };
    }
    try {
      if (EDITOR_COMMANDS[kind].answersIn === 'chat') return await askInChat(kind, editor, deps, extra.question);
      return await runEditCommand(
        kind,
        editor,
        { engine: deps.engine, markGenerated: (p) => deps.context.markGenerated(p), proposals, log: deps.log, ...(deps.syntax ? { syntax: deps.syntax } : {}) },
        extra,
      );
    } catch (e) {
      deps.log.warn(`${EDITOR_COMMANDS[kind].title} failed: ${errorMessage(e)}`);
      void vscode.window.showErrorMessage(`Jarvis: ${EDITOR_COMMANDS[kind].title} failed: ${errorMessage(e)}. Nothing was changed.`);
      return { failed: errorMessage(e) };
    }
  };

  const commands = EDITOR_COMMAND_KINDS.map((kind) =>
    // Arguments (tests, other commands): an options object; from menus VS Code passes the document's uri, which is ignored.
    vscode.commands.registerCommand(EDITOR_COMMANDS[kind].id, (options?: unknown) =>
      run(kind, vscode.window.activeTextEditor, isOptions(options) ? options : {}),
    ),
  );

  const fix = vscode.commands.registerCommand(
    commandIds.editorFixDiagnostics,
    async (uri?: vscode.Uri, range?: vscode.Range, diagnostics?: vscode.Diagnostic[]) => {
      if (!(uri instanceof vscode.Uri) || !(range instanceof vscode.Range)) return run('fix', vscode.window.activeTextEditor);
      const editor = await vscode.window.showTextDocument(uri, { preserveFocus: false });
      // An empty range: Fix widens it to the enclosing function, or the lines around the problem.
      return run('fix', editor, { range: new vscode.Range(range.start, range.start), ...(Array.isArray(diagnostics) ? { diagnostics } : {}) });
    },
  );

  const proposalOf = (id: unknown) =>
    (typeof id === 'string' ? proposals.get(id) : undefined) ??
    (id instanceof vscode.Uri ? proposals.get(ProposalDocuments.idOf(id) ?? '') : undefined) ??
    proposals.current();
  const apply = vscode.commands.registerCommand(PROPOSAL_COMMANDS.apply, async (id?: unknown): Promise<ApplyResult> => {
    const p = proposalOf(id);
    if (!p) {
      void vscode.window.showInformationMessage('Jarvis: there is no proposal to apply.');
      return { applied: false, message: 'no proposal' };
    }
    const result = await proposals.apply(p);
    if (result.applied) vscode.window.setStatusBarMessage(`$(check) Jarvis: ${result.message}`, 5000);
    else void vscode.window.showWarningMessage(`Jarvis: ${result.message}`);
    if (result.applied && result.message.startsWith('The file changed')) void vscode.window.showWarningMessage(`Jarvis: ${result.message}`);
    return result;
  });
  const discard = vscode.commands.registerCommand(PROPOSAL_COMMANDS.discard, async (id?: unknown): Promise<boolean> => {
    const p = proposalOf(id);
    if (!p) return false;
    await proposals.discard(p);
    vscode.window.setStatusBarMessage('Jarvis: proposal discarded; nothing was changed.', 4000);
    return true;
  });

  const disposable = vscode.Disposable.from(
    docs,
    proposals,
    vscode.workspace.registerTextDocumentContentProvider(PROPOSAL_SCHEME, docs),
    proposals.onDidApply((c) => deps.onDidApply(c)),
    ...commands,
    fix,
    apply,
    discard,
    vscode.languages.registerCodeActionsProvider(
      [{ scheme: 'file' }, { scheme: 'untitled' }],
      new FixCodeActionProvider(commandIds.editorFixDiagnostics),
      FixCodeActionProvider.metadata,
    ),
  );
  return {
    disposable,
    api: deps.testHooks
      ? {
          proposal: (id) => {
            const p = proposals.get(id);
            return p && { state: p.state, code: p.code, target: p.target.toString() };
          },
        }
      : undefined,
  };
}

function isOptions(v: unknown): v is { question?: string; quiet?: boolean } {
  return typeof v === 'object' && v !== null && !(v instanceof vscode.Uri);
}
