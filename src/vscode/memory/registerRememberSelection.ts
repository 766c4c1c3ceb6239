import * as vscode from 'vscode';
import { commandIds } from '../../core/commandIds';
import { anchorTags } from '../../core/memory/anchors/memoryAnchor';
import { errorMessage, isJarvisError } from '../../common/errors';
import { MEMORY_TYPE_LABELS } from '../../core/memory/retrieval/describeMemory';
import { inferMemoryType } from '../../core/memory/retrieval/inferMemoryType';
import type { MemoryService } from '../../core/memory/MemoryService';
import { MAX_MEMORY_TEXT_CHARS } from '../../core/memory/store/MemoryRecord';
import { isMemoryType, MEMORY_TYPES, type MemoryType } from '../../core/memory/store/MemoryType';

const TYPE_HINTS: Record<MemoryType, string> = {
  decision: 'Something the team decided',
  action_item: 'Something to do',
  preference: 'How you like things done',
  error_pattern: 'An error and what causes or fixes it',
  insight: 'Something learned',
  observation: 'A fact worth keeping',
  meeting_summary: 'What a meeting concluded',
};

/** "Jarvis: Remember Selection": stores the selected text with its file (and commit, when git knows it). */
export function registerRememberSelection(memory: MemoryService, onStored: () => void, log: vscode.LogOutputChannel): vscode.Disposable {
  // `options.type` skips the type question (other commands and the tests know what they store).
  return vscode.commands.registerCommand(commandIds.rememberSelection, async (options?: unknown) => {
    if (!vscode.workspace.isTrusted) {
      const manage = 'Manage Workspace Trust';
      // Not awaited: the command answers at once (other commands, tests); the button still works.
      void vscode.window
        .showWarningMessage(
          'Jarvis does not remember content from an untrusted workspace: a cloned repository must not plant memories that steer later answers. Trust the folder to enable it.',
          manage,
        )
        .then((a) => {
          if (a === manage) void vscode.commands.executeCommand('workbench.trust.manage');
        });
      return undefined;
    }
    const editor = vscode.window.activeTextEditor;
    const text = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : '';
    if (!editor || text === '') {
      void vscode.window.showInformationMessage('Select the text to remember first.');
      return undefined;
    }
    if (text.length > MAX_MEMORY_TEXT_CHARS) {
      void vscode.window.showWarningMessage(
        `The selection has ${text.length} characters; a memory holds at most ${MAX_MEMORY_TEXT_CHARS}. Select a shorter summary.`,
      );
      return undefined;
    }
    const guess = inferMemoryType(text);
    const items = MEMORY_TYPES.map((type) => ({ label: cap(MEMORY_TYPE_LABELS[type]), description: TYPE_HINTS[type], type, picked: type === guess }));
    items.sort((a, b) => Number(b.type === guess) - Number(a.type === guess));
    const given = (options as { type?: unknown } | undefined)?.type;
    const pick = isMemoryType(given)
      ? { type: given }
      : await vscode.window.showQuickPick(items, { title: 'Remember Selection As…', placeHolder: 'What kind of memory is this?' });
    if (!pick) return undefined;
    const doc = editor.document;
    // The trimmed text's own lines (a selection ending at column 0 does not include the next line).
    const raw = doc.getText(editor.selection);
    const from = doc.offsetAt(editor.selection.start) + raw.length - raw.trimStart().length;
    const span = { startLine: doc.positionAt(from).line + 1, endLine: doc.positionAt(from + text.length).line + 1 };
    const sourceFile = doc.uri.scheme === 'file' ? vscode.workspace.asRelativePath(doc.uri, false) : undefined;
    const sourceCommit = headCommit(doc.uri);
    try {
      const store = await memory.store();
      const record = await store.storeFromWorkspace({
        text,
        type: pick.type,
        // The lines travel with the file, so the memory can be flagged when that code is rewritten.
        metadata: {
          ...(sourceFile ? { sourceFile, tags: anchorTags(span) } : {}),
          ...(sourceCommit ? { sourceCommit } : {}),
        },
      });
      onStored();
      memory.noteRemembered(record);
      void vscode.window.showInformationMessage(`Jarvis remembered this as ${/^[aeio]/.test(pick.type) ? 'an' : 'a'} ${MEMORY_TYPE_LABELS[pick.type]}.`);
      return record.id;
    } catch (e) {
      log.warn(`Remember Selection failed: ${errorMessage(e)}`);
      void vscode.window.showErrorMessage(isJarvisError(e) ? e.message : `Jarvis could not remember the selection: ${errorMessage(e)}`);
      return undefined;
    }
  });
}

interface GitApi {
  getRepository(uri: vscode.Uri): { state: { HEAD?: { commit?: string } } } | null;
}

/** HEAD commit from the built-in git extension, only if it is already running (never activates it). */
function headCommit(uri: vscode.Uri): string | undefined {
  try {
    const git = vscode.extensions.getExtension<{ getAPI(v: 1): GitApi }>('vscode.git');
    if (!git?.isActive) return undefined;
    const commit = git.exports.getAPI(1).getRepository(uri)?.state.HEAD?.commit;
    return typeof commit === 'string' && /^[0-9a-f]{7,64}$/.test(commit) ? commit : undefined;
  } catch {
    return undefined;
  }
}

function cap(s: string): string {
  return `${s[0].toUpperCase()}${s.slice(1)}`;
}
