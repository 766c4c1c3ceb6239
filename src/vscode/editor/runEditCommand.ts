import * as vscode from 'vscode';
import { errorMessage } from '../../common/errors';
import type { IChatEngine } from '../../core/chat/ChatEngine';
import { buildEditorPrompt, describeTarget } from '../../core/editor/buildEditorPrompt';
import { EDITOR_COMMANDS, PROPOSAL_COMMANDS, type EditorCommandKind } from '../../core/editor/EditorCommand';
import { grammarFor, treeSitterProblem } from '../../core/editor/checkCodeSyntax';
import { extractCode, matchIndentation, partialCode } from '../../core/editor/extractCode';
import type { WarmableSyntax } from '../../core/routing/quality/QualityGate';
import type { EditProposals, Proposal } from './EditProposals';
import { diagnosticsIn, gatherCodeTarget, gatherTestPlan } from './gatherCodeTarget';

export interface EditRunDeps {
  engine: IChatEngine;
  /** Told the prompt Jarvis wrote, so preference learning does not read it as the user's words. */
  markGenerated(prompt: string): void;
  /** The quality gate's tree-sitter checker: a full parse for TypeScript, Python, Go… when its grammar loads. */
  syntax?: WarmableSyntax;
  proposals: EditProposals;
  log: vscode.LogOutputChannel;
}

export interface EditRunOptions {
  /** The range to work on instead of the selection (the quick fix passes the diagnostic's). */
  range?: vscode.Range;
  /** The diagnostics a quick fix was offered for. */
  diagnostics?: readonly vscode.Diagnostic[];
  /** Skip the Apply/Discard notification (the diff editor's title actions stay). */
  quiet?: boolean;
}

/** What the command returns: the proposal id when there is one to apply, else why not. */
export type EditRunResult = { proposal: string } | { failed: string };

/**
 * Refactor / Fix / Add Tests / Add Docs: gathers the code and its context, asks the chat engine (so
 * the hybrid router, memories and preferences apply), streams the code into a diff editor and offers
 * Apply and Discard. An answer that is not code, a failure or a cancel leaves every document as it was.
 */
export async function runEditCommand(
  kind: EditorCommandKind,
  editor: vscode.TextEditor,
  deps: EditRunDeps,
  options: EditRunOptions = {},
): Promise<EditRunResult> {
  const info = EDITOR_COMMANDS[kind];
  const doc = editor.document;
  const { target, range } = await gatherCodeTarget(editor, options.range, kind === 'fix' && options.range ? { aroundLines: 3 } : {});
  let proposal: Proposal;
  if (kind === 'fix') target.diagnostics = diagnosticsIn(doc, range, options.diagnostics);
  if (kind === 'addTests') {
    const plan = await gatherTestPlan(doc);
    target.tests = { framework: plan.framework, file: plan.file, ...(plan.existing !== undefined ? { existing: plan.existing } : {}) };
    const testDoc = plan.existing !== undefined ? await vscode.workspace.openTextDocument(plan.uri) : undefined;
    proposal = deps.proposals.createForFile({ title: info.title, uri: plan.uri, ...(testDoc ? { document: testDoc } : {}), fileName: baseName(plan.uri) });
  } else {
    proposal = deps.proposals.create({ title: info.title, document: doc, range, fileName: baseName(doc.uri) });
  }
  let built;
  try {
    built = buildEditorPrompt(kind, target);
  } catch (e) {
    await deps.proposals.discard(proposal, 'failed');
    return fail(errorMessage(e), deps);
  }
  deps.markGenerated(built.prompt);
  const what = describeTarget(target);
  const languageId = target.languageId;
  let answer = '';
  let failure: string | undefined;
  let opened = false;
  const cancelled = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Jarvis is ${info.progressVerb} ${what}`, cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      if (built.scopeNote) progress.report({ message: built.scopeNote });
      try {
        for await (const chunk of deps.engine.run({ prompt: built.prompt, history: [], signal: abort.signal, attachments: built.attachments })) {
          if (abort.signal.aborted) break;
          if (chunk.type === 'model') progress.report({ message: `asking ${chunk.model} (${chunk.local ? 'local' : 'cloud'})…` });
          else if (chunk.type === 'error') failure = chunk.message;
          else if (chunk.type === 'notice' && chunk.level === 'warning') deps.log.warn(`${info.title}: ${chunk.message}`);
          else if (chunk.type === 'markdown') {
            answer += chunk.text;
            const partial = partialCode(answer, languageId);
            if (partial !== undefined) {
              deps.proposals.stream(proposal, partial);
              if (!opened) {
                opened = true;
                await deps.proposals.showDiff(proposal);
              }
            }
          }
        }
      } catch (e) {
        if (!abort.signal.aborted) failure = errorMessage(e);
      } finally {
        sub.dispose();
      }
      return abort.signal.aborted;
    },
  );
  if (cancelled) {
    await deps.proposals.discard(proposal, 'failed');
    void vscode.window.showInformationMessage(`Jarvis: ${info.title} cancelled; nothing was changed.`);
    return { failed: 'cancelled' };
  }
  if (failure) {
    await deps.proposals.discard(proposal, 'failed');
    return fail(`${info.title} failed: ${failure} Nothing was changed.`, deps);
  }
  let extracted = extractCode(answer, languageId, proposal.original === '' ? undefined : proposal.original);
  const grammar = grammarFor(languageId);
  if (extracted.ok && deps.syntax && grammar) {
    await deps.syntax.warm([grammar]);
    const problem = treeSitterProblem(deps.syntax, languageId, proposal.original, extracted.code);
    if (problem) extracted = { ok: false, reason: `The model's ${languageId} code does not parse (${problem}), so it was not applied.` };
  }
  if (!extracted.ok) {
    await deps.proposals.discard(proposal, 'failed');
    deps.log.info(`${info.title}: not applicable (${extracted.reason}). The answer was:\n${answer}`);
    const show = 'Show Answer';
    void vscode.window.showWarningMessage(`Jarvis: ${extracted.reason}`, show).then(async (a) => {
      if (a === show) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: answer }));
    });
    return { failed: extracted.reason };
  }
  deps.proposals.ready(proposal, proposal.original === '' ? extracted.code : matchIndentation(proposal.original, extracted.code));
  if (!opened) await deps.proposals.showDiff(proposal);
  if (!options.quiet)
    offerApply(
      proposal,
      `${built.scopeNote ? `${built.scopeNote} ` : ''}Jarvis proposes a ${info.title.toLowerCase()} of ${what}${extracted.candidates > 1 ? ` (the fullest of ${extracted.candidates} code blocks)` : ''}.`,
    );
  return { proposal: proposal.id };
}

/** The Apply/Discard notification (the diff editor's title has the same two actions). */
function offerApply(p: Proposal, message: string): void {
  void vscode.window.showInformationMessage(message, 'Apply', 'Discard').then(async (a) => {
    if (a === 'Apply') await vscode.commands.executeCommand(PROPOSAL_COMMANDS.apply, p.id);
    else if (a === 'Discard') await vscode.commands.executeCommand(PROPOSAL_COMMANDS.discard, p.id);
  });
}

function fail(message: string, deps: EditRunDeps): EditRunResult {
  deps.log.warn(message);
  void vscode.window.showErrorMessage(`Jarvis: ${message}`);
  return { failed: message };
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || 'untitled';
}
