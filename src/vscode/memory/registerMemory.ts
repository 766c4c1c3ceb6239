import * as vscode from 'vscode';
import { systemClock } from '../../common/Clock';
import { DisposableStore } from '../../common/Disposable';
import { errorMessage } from '../../common/errors';
import { commandIds } from '../../core/commandIds';
import type { SettingsStore } from '../../core/config/SettingsStore';
import type { PreferenceContextContributor } from '../../core/memory/contributors/PreferenceContextContributor';
import type { BackgroundRunner, MemoryService } from '../../core/memory/MemoryService';
import type { EditEvidenceLog, EditExample } from '../../core/memory/preferences/EditEvidenceLog';
import type { Preference } from '../../core/memory/preferences/Preference';
import type { PreferenceLearner } from '../../core/memory/preferences/PreferenceLearner';
import type { MemoryRecord } from '../../core/memory/store/MemoryRecord';
import type { InsertedCode } from '../chatView/InsertedCode';
import { InsertedCodeWatcher } from './InsertedCodeWatcher';
import { MEMORY_SCHEME, MemoryDocumentProvider } from './MemoryDocumentProvider';
import { type MemoryNode, MemoryTreeProvider } from './MemoryTreeProvider';
import { StaleMemoryWatcher } from './StaleMemoryWatcher';
import { registerMemoryBrowser } from './registerMemoryBrowser';
import { registerRememberSelection } from './registerRememberSelection';
import { registerReviewPreferences } from './registerReviewPreferences';
import { registerSessionCommands, type WorkspaceSession } from './registerSessionCommands';

/** The core memory objects, built by the composition root (src/extension.ts). */
export interface MemoryDeps {
  /** Build the integration tests' hooks (ExtensionMode.Test only: in other modes none exist). */
  testHooks?: boolean;
  settings: SettingsStore;
  memory: MemoryService;
  learner: PreferenceLearner;
  /** The edits behind each learned preference (shown by Review Learned Preferences). */
  evidence: EditEvidenceLog;
  preferenceContext: PreferenceContextContributor;
  session: WorkspaceSession;
  /** Whether learning from the user's edits and files is on (setting and workspace trust). */
  learning: () => boolean;
  log: vscode.LogOutputChannel;
  insertedCode: vscode.Event<InsertedCode>;
}

/** For the integration tests (exposed as `api.memory` by the extension in ExtensionMode.Test). */
export interface MemoryTestApi {
  /** Same as the chat view firing InsertedCode after Insert at Cursor. */
  recordInsertion(code: InsertedCode): void;
  /** Compares watched insertions now instead of after the edits settle. */
  flushEdits(): Promise<void>;
  preferences(): Preference[];
  /** Checks the memories anchored in `uri`'s file now; resolves to how many were newly flagged stale. */
  checkStaleness(uri: vscode.Uri): Promise<number>;
  /** A stored memory by id (from an open store). */
  memory(id: string): MemoryRecord | undefined;
  /** The edits behind a preference (what Review Learned Preferences shows). */
  evidence(preferenceId: string): EditExample[];
}

/**
 * The VS Code side of business memory: the Memory view and its document provider, the memory,
 * preference and session commands, the edit watcher, and the reactions to settings and workspace
 * trust. It builds no core object; everything it registers is owned by the returned disposable.
 */
export function registerMemory(deps: MemoryDeps): { disposable: vscode.Disposable; api: MemoryTestApi | undefined; refreshTree(): void } {
  const { settings, memory, learner, evidence, preferenceContext, session: ws, log } = deps;
  const store = new DisposableStore();
  store.add(settings.onDidChange(() => memory.settingsChanged()));

  const tree = store.add(new MemoryTreeProvider(memory, log));
  store.add(vscode.window.createTreeView(MemoryTreeProvider.viewId, { treeDataProvider: tree, showCollapseAll: true }));

  const watcher = store.add(new InsertedCodeWatcher(learner, deps.learning, log, { evidenceLog: evidence }));
  store.add(deps.insertedCode((code) => watcher.track(code)));

  store.add(vscode.workspace.registerTextDocumentContentProvider(MEMORY_SCHEME, new MemoryDocumentProvider((id) => memory.current?.get(id))));
  store.add(registerMemoryBrowser(memory, tree, log));
  store.add(registerRememberSelection(memory, () => tree.refresh(), log));
  // Memories remembered from a selection are flagged when their code is rewritten or deleted.
  const staleness = store.add(
    new StaleMemoryWatcher(
      () => memory.current,
      () => tree.refresh(),
      systemClock,
      log,
    ),
  );
  store.add(
    vscode.commands.registerCommand(commandIds.memoryConfirm, async (node?: MemoryNode) => {
      if (node?.kind !== 'memory') return;
      await staleness.confirm(node.record).catch((e: unknown) => {
        log.warn(`Could not confirm the memory: ${errorMessage(e)}`);
        void vscode.window.showErrorMessage(`Jarvis could not confirm the memory: ${errorMessage(e)}`);
      });
    }),
  );
  store.add(registerReviewPreferences(learner, log, evidence));
  store.add(registerSessionCommands(ws, log));
  store.add(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      log.info('Workspace trusted: Jarvis may now learn from its files and remember its content.');
      preferenceContext.resetPreparation();
      void ws
        .current()
        .then((s) => ws.sessions.setUntrusted(s.id, false))
        .catch((e: unknown) => log.warn(`Could not update the session's trust: ${errorMessage(e)}`));
    }),
  );

  return {
    disposable: store,
    refreshTree: () => tree.refresh(),
    api: deps.testHooks
      ? {
          recordInsertion: (code) => watcher.track(code),
          flushEdits: () => watcher.flush(),
          preferences: () => learner.getPreferences(undefined, { includeRejected: true }),
          checkStaleness: (uri) => staleness.check(uri),
          memory: (id) => memory.current?.get(id),
          evidence: (id) => evidence.examples(id),
        }
      : undefined,
  };
}

/** Runs a long memory job (re-embedding) as a cancellable notification with progress. */
export const withNotificationProgress: BackgroundRunner = (title, job) =>
  Promise.resolve(
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      let shown = 0;
      try {
        await job(({ done, total }) => {
          const pct = total === 0 ? 100 : (done / total) * 100;
          progress.report({ increment: pct - shown, message: `${done} of ${total}` });
          shown = pct;
        }, abort.signal);
      } finally {
        sub.dispose();
      }
    }),
  );
