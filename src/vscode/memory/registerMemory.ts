import * as vscode from 'vscode';
import { systemClock } from '../../common/Clock';
import type { MemoryRecord } from '../../core/memory/store/MemoryRecord';
import { errorMessage } from '../../common/errors';
import type { ContextContributor, SlashCommand } from '../../core/chat/ChatPipeline';
import type { SettingsStore } from '../../core/config/SettingsStore';
import type { ApiKeyStore } from '../../core/security/ApiKeyStore';
import { OllamaModels } from '../../core/llm/ollama/OllamaModels';
import type { EmbedderEnvironment } from '../../core/memory/embedders/chooseEmbedder';
import { createMemoryCommands } from '../../core/memory/contributors/memoryCommands';
import { MemoryContextContributor } from '../../core/memory/contributors/MemoryContextContributor';
import { type BackgroundRunner, MemoryService } from '../../core/memory/MemoryService';
import type { Preference } from '../../core/memory/preferences/Preference';
import { PreferenceContextContributor } from '../../core/memory/contributors/PreferenceContextContributor';
import { PreferenceLearner } from '../../core/memory/preferences/PreferenceLearner';
import { SessionContextContributor } from '../../core/memory/contributors/SessionContextContributor';
import { SessionManager } from '../../core/memory/sessions/SessionManager';
import type { WorkspaceTrust } from '../../core/memory/store/WorkspaceTrust';
import type { InsertedCode } from '../chatView/InsertedCode';
import { InsertedCodeWatcher } from './InsertedCodeWatcher';
import { learnFromWorkspaceFiles } from './learnFromWorkspaceFiles';
import { MementoStore } from '../adapters/MementoStore';
import { MEMORY_SCHEME, MemoryDocumentProvider } from './MemoryDocumentProvider';
import { type MemoryNode, MemoryTreeProvider } from './MemoryTreeProvider';
import { StaleMemoryWatcher } from './StaleMemoryWatcher';
import { EditEvidenceLog, type EditExample } from '../../core/memory/preferences/EditEvidenceLog';
import { registerMemoryBrowser } from './registerMemoryBrowser';
import { registerRememberSelection } from './registerRememberSelection';
import { registerReviewPreferences } from './registerReviewPreferences';
import { registerSessionCommands, WorkspaceSession } from './registerSessionCommands';

export interface MemoryDeps {
  settings: SettingsStore;
  keys: ApiKeyStore;
  log: vscode.LogOutputChannel;
  insertedCode: vscode.Event<InsertedCode>;
}

/** For the integration tests (exposed as `api.memory` by the extension). */
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

const HOUR_MS = 3_600_000;
/** A session idle this long is ended and summarised (SessionManager's default). */
const SESSION_TIMEOUT_HOURS = 24;

/**
 * Business memory in the product: the lazily opened store, the chat's memory and preference context,
 * /remember /recall /decisions /forget, the Memory view, preference review, learning from workspace
 * files and edits, and sessions. Nothing heavy happens here: the index is opened on first use.
 */
export function registerMemory(
  context: vscode.ExtensionContext,
  deps: MemoryDeps,
): { contributors: ContextContributor[]; commands: SlashCommand[]; disposable: vscode.Disposable; api: MemoryTestApi } {
  const { settings, log } = deps;
  const current = () => settings.current;
  const trust: WorkspaceTrust = { isTrusted: () => vscode.workspace.isTrusted };
  const storageRoot = context.storageUri ?? context.globalStorageUri;
  // Per workspace when a folder is open (like the memories), so one project's conventions do not steer another.
  const state = new MementoStore(context.storageUri ? context.workspaceState : context.globalState);
  const disposables: vscode.Disposable[] = [];

  const memory = new MemoryService({
    folder: vscode.Uri.joinPath(storageRoot, 'memory').fsPath,
    settings: current,
    env: embedderEnvironment(deps),
    trust,
    state,
    runInBackground: withNotificationProgress,
    onProblem: (m) => void vscode.window.showWarningMessage(m, 'Show Log').then((a) => a && log.show()),
  });
  disposables.push(memory);
  disposables.push(settings.onDidChange(() => memory.settingsChanged()));
  const cleanupTimer = setInterval(() => void memory.cleanupIfDue().catch((e: unknown) => log.warn(`Memory cleanup failed: ${errorMessage(e)}`)), HOUR_MS);
  cleanupTimer.unref?.();
  disposables.push({ dispose: () => clearInterval(cleanupTimer) });

  const learner = PreferenceLearner.load({ store: state, trust, threshold: current().preferences.confidenceThreshold });
  const learning = () => current().preferences.learning && vscode.workspace.isTrusted;
  const preferenceContext = new PreferenceContextContributor({
    learner,
    settings: current,
    logger: log,
    prepare: async () => {
      if (learning()) await learnFromWorkspaceFiles(learner, log);
    },
  });

  const ws = new WorkspaceSession(
    new SessionManager({
      store: new MementoStore(context.workspaceState),
      timeoutHours: SESSION_TIMEOUT_HOURS,
      // Buffered synchronously, so a summary written as the window closes is still stored: the
      // memory service is disposed after the session (see the order below) and flushes it.
      memory: { store: (m) => memory.remember(m) },
    }),
  );
  const sessionContext = new SessionContextContributor({ current: ws, idleMs: SESSION_TIMEOUT_HOURS * HOUR_MS, logger: log });
  const tree = new MemoryTreeProvider(memory, log);
  disposables.push(tree);
  const treeView = vscode.window.createTreeView(MemoryTreeProvider.viewId, { treeDataProvider: tree, showCollapseAll: true });
  disposables.push(treeView);

  const commands = createMemoryCommands({
    memory,
    settings: current,
    scope: () => ({ project: ws.projectName(), user: ws.user }),
    onRemembered: async (record) => {
      tree.refresh();
      // "/remember preference: I prefer tabs" is the user stating a preference outright.
      if (record.type === 'preference' && current().preferences.learning) await learner.learnFromText(record.text, 'explicit');
    },
  });

  // Memories remembered from a selection are flagged when their code is rewritten or deleted.
  const staleness = new StaleMemoryWatcher(() => memory.current, () => tree.refresh(), systemClock, log);
  const evidence = new EditEvidenceLog(state, systemClock);
  const watcher = new InsertedCodeWatcher(learner, learning, log, { evidenceLog: evidence });
  disposables.push(watcher, deps.insertedCode((code) => watcher.track(code)));

  disposables.push(
    vscode.workspace.registerTextDocumentContentProvider(MEMORY_SCHEME, new MemoryDocumentProvider((id) => memory.current?.get(id))),
    registerMemoryBrowser(memory, tree, log),
    registerRememberSelection(memory, () => tree.refresh(), log),
    staleness,
    vscode.commands.registerCommand('jarvis.memory.confirm', async (node?: MemoryNode) => {
      if (node?.kind !== 'memory') return;
      await staleness.confirm(node.record).catch((e: unknown) => {
        log.warn(`Could not confirm the memory: ${errorMessage(e)}`);
        void vscode.window.showErrorMessage(`Jarvis could not confirm the memory: ${errorMessage(e)}`);
      });
    }),
    registerReviewPreferences(learner, log, evidence),
    registerSessionCommands(ws, log),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      log.info('Workspace trusted: Jarvis may now learn from its files and remember its content.');
      preferenceContext.resetPreparation();
      void ws
        .current()
        .then((s) => ws.sessions.setUntrusted(s.id, false))
        .catch((e: unknown) => log.warn(`Could not update the session's trust: ${errorMessage(e)}`));
    }),
  );

  // Disposed in reverse: the session ends (and queues its summary) before the memory store closes.
  disposables.push(sessionContext);

  return {
    contributors: [sessionContext, new MemoryContextContributor({ memory, settings: current }), preferenceContext],
    commands,
    disposable: vscode.Disposable.from(...disposables.reverse()),
    api: {
      recordInsertion: (code) => watcher.track(code),
      flushEdits: () => watcher.flush(),
      preferences: () => learner.getPreferences(undefined, { includeRejected: true }),
      checkStaleness: (uri) => staleness.check(uri),
      memory: (id) => memory.current?.get(id),
      evidence: (id) => evidence.examples(id),
    },
  };
}

function embedderEnvironment(deps: MemoryDeps): EmbedderEnvironment {
  const { settings, keys, log } = deps;
  const connection = () => ({ host: settings.current.ollama.host });
  const models = new OllamaModels(connection, log);
  return {
    ollamaConnection: connection,
    async ollamaHasModel(model, signal) {
      if (!settings.current.ollama.enabled) return false;
      // A short look: choosing an embedder must not hang the first chat on a slow or absent Ollama.
      const timeout = AbortSignal.timeout(3_000);
      return models.has(model, signal ? AbortSignal.any([signal, timeout]) : timeout).catch(() => false);
    },
    hasOpenAIKey: () => keys.has('openai'),
    openai: {
      async embed(model, inputs, signal) {
        const apiKey = await keys.get('openai');
        // Imported on first use: a static import would evaluate the openai SDK at activation.
        const { OpenAIProvider } = await import('../../core/llm/openai/OpenAIProvider.js');
        // maxRetries 0: the project keeps one retry layer, and a failed embedding only delays a memory.
        return new OpenAIProvider(() => ({ baseUrl: settings.current.openai.baseUrl, apiKey, maxRetries: 0 }), log).embed(model, inputs, signal);
      },
    },
    ollamaEmbed: (model, texts, signal) => models.embed(model, texts, signal),
    logger: log,
  };
}

const withNotificationProgress: BackgroundRunner = (title, job) =>
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
