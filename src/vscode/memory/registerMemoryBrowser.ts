import * as vscode from 'vscode';
import { errorMessage } from '../../common/errors';
import { MEMORY_TYPE_LABELS, memorySnippet } from '../../core/memory/retrieval/describeMemory';
import { FORGET_COMMAND } from '../../core/memory/contributors/memoryCommands';
import { importMemories } from '../../core/memory/store/importMemories';
import { planMemoryImport, toMemoryExport } from '../../core/memory/store/memoryExport';
import type { MemoryService } from '../../core/memory/MemoryService';
import type { MemoryRecord } from '../../core/memory/store/MemoryRecord';
import { memoryUri } from './MemoryDocumentProvider';
import type { MemoryNode, MemoryTreeProvider } from './MemoryTreeProvider';
import { commandIds } from '../../core/commandIds';

/**
 * Commands of the Memory view (open, delete, search, export, import, refresh) and the confirmation
 * step behind /forget's button.
 */
export function registerMemoryBrowser(memory: MemoryService, tree: MemoryTreeProvider, log: vscode.LogOutputChannel): vscode.Disposable {
  const fail = (what: string) => (e: unknown) => {
    log.warn(`${what}: ${errorMessage(e)}`);
    void vscode.window.showErrorMessage(`Jarvis could not ${what}: ${errorMessage(e)}`);
  };
  const recordOf = (node: unknown): MemoryRecord | undefined =>
    (node as MemoryNode | undefined)?.kind === 'memory' ? (node as Extract<MemoryNode, { kind: 'memory' }>).record : undefined;

  return vscode.Disposable.from(
    vscode.commands.registerCommand(commandIds.memoryOpen, async (node?: MemoryNode) => {
      const r = recordOf(node);
      if (!r) return;
      const doc = await vscode.workspace.openTextDocument(memoryUri(r));
      await vscode.window.showTextDocument(doc, { preview: true });
    }),
    vscode.commands.registerCommand(commandIds.memoryDelete, async (node?: MemoryNode) => {
      const r = recordOf(node);
      if (!r) return;
      const ok = await vscode.window.showWarningMessage(
        `Delete this ${MEMORY_TYPE_LABELS[r.type]}?`,
        { modal: true, detail: `${memorySnippet(r.text, 300)}\n\nThis cannot be undone.` },
        'Delete',
      );
      if (ok !== 'Delete') return;
      await (await memory.store()).delete(r.id).catch(fail('delete the memory'));
      tree.refresh();
    }),
    vscode.commands.registerCommand(FORGET_COMMAND, async (...args: unknown[]) => {
      const ids = args.flat().filter((a): a is string => typeof a === 'string' && a !== '');
      if (ids.length === 0) {
        void vscode.window.showInformationMessage('Nothing to forget: use /forget <query> in the chat to find memories first.');
        return;
      }
      const store = await memory.store();
      const records = ids.map((id) => store.get(id)).filter((r): r is MemoryRecord => r !== undefined);
      if (records.length === 0) {
        void vscode.window.showInformationMessage('Those memories are already gone.');
        return;
      }
      const list = records
        .slice(0, 10)
        .map((r) => `• ${MEMORY_TYPE_LABELS[r.type]}: ${memorySnippet(r.text, 100)}`)
        .join('\n');
      const more = records.length > 10 ? `\n…and ${records.length - 10} more` : '';
      const label = records.length === 1 ? 'Forget 1 memory' : `Forget ${records.length} memories`;
      const ok = await vscode.window.showWarningMessage(`${label}?`, { modal: true, detail: `${list}${more}\n\nThis cannot be undone.` }, 'Forget');
      if (ok !== 'Forget') return;
      try {
        const removed = (await Promise.all(records.map((r) => store.delete(r.id)))).filter(Boolean).length;
        void vscode.window.showInformationMessage(`Jarvis forgot ${removed} ${removed === 1 ? 'memory' : 'memories'}.`);
      } catch (e) {
        fail('forget the memories')(e);
      }
      tree.refresh();
    }),
    vscode.commands.registerCommand(commandIds.memorySearch, async (query?: unknown) => {
      const q =
        typeof query === 'string'
          ? query
          : await vscode.window.showInputBox({
              title: 'Search Memory',
              prompt: 'Words or a question; leave empty to show everything',
              value: tree.search ?? '',
            });
      if (q === undefined) return;
      await tree.setSearch(q).catch(fail('search memory'));
    }),
    vscode.commands.registerCommand(commandIds.memoryClearSearch, () => tree.setSearch(undefined).catch(fail('clear the search'))),
    vscode.commands.registerCommand(commandIds.memoryRefresh, () => tree.refresh()),
    vscode.commands.registerCommand(commandIds.memoryExport, async (target?: unknown) => {
      try {
        const store = await memory.store();
        const uri =
          target instanceof vscode.Uri
            ? target
            : await vscode.window.showSaveDialog({ title: 'Export Jarvis Memories', filters: { JSON: ['json'] }, defaultUri: defaultExportUri() });
        if (!uri) return;
        const records = store.list();
        await vscode.workspace.fs.writeFile(uri, Buffer.from(`${JSON.stringify(toMemoryExport(records, Date.now()), null, 2)}\n`, 'utf8'));
        void vscode.window.showInformationMessage(`Exported ${records.length} ${records.length === 1 ? 'memory' : 'memories'} to ${uri.fsPath}.`);
      } catch (e) {
        fail('export memories')(e);
      }
    }),
    vscode.commands.registerCommand(commandIds.memoryImport, async (source?: unknown) => {
      try {
        const uri =
          source instanceof vscode.Uri
            ? source
            : (await vscode.window.showOpenDialog({ title: 'Import Jarvis Memories', filters: { JSON: ['json'] }, canSelectMany: false }))?.[0];
        if (!uri) return undefined;
        const store = await memory.store();
        const text = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
        const plan = planMemoryImport(text, store.list());
        const result = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: `Jarvis: importing ${plan.memories.length} memories`, cancellable: true },
          async (progress, token) => {
            const abort = new AbortController();
            const sub = token.onCancellationRequested(() => abort.abort());
            let shown = 0;
            try {
              return await importMemories(store, plan.memories, {
                signal: abort.signal,
                onProgress: (done, total) => {
                  const pct = (done / total) * 100;
                  progress.report({ increment: pct - shown, message: `${done} of ${total}` });
                  shown = pct;
                },
              });
            } finally {
              sub.dispose();
            }
          },
        );
        tree.refresh();
        const imported = result.successfulItems;
        const failed = result.failedItems + result.skippedItems;
        log.info(`Memory import: ${imported} of ${result.totalItems} stored (${Math.round(result.successRate * 100)}%) in ${result.durationMs} ms.`);
        for (const f of result.failures.slice(0, 10)) log.warn(`Memory import: entry #${f.index + 1} not stored: ${errorMessage(f.error)}`);
        const skipped = plan.skipped.length;
        const why = plan.skipped
          .slice(0, 3)
          .map((s) => `#${s.index}: ${s.reason}`)
          .join('; ');
        const message =
          `Imported ${imported} ${imported === 1 ? 'memory' : 'memories'}` +
          `${skipped ? `; skipped ${skipped} (${why}${skipped > 3 ? '; …' : ''})` : ''}` +
          `${failed ? `; ${failed} could not be stored (see the log) — import the file again to retry them, already stored ones are skipped` : ''}.`;
        if (skipped) log.info(`Memory import skipped: ${plan.skipped.map((s) => `#${s.index}: ${s.reason}`).join('; ')}`);
        void (skipped || failed ? vscode.window.showWarningMessage(message) : vscode.window.showInformationMessage(message));
        return { imported, skipped, failed };
      } catch (e) {
        fail('import memories')(e);
        return undefined;
      }
    }),
  );
}

function defaultExportUri(): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, 'jarvis-memories.json') : undefined;
}
