// Composition root: builds the object graph once and hands VS Code a single disposable that owns it all.
import * as vscode from 'vscode';
import { DisposableStore } from './common/Disposable';
import { systemClock } from './common/Clock';
import { SettingsStore } from './core/config/SettingsStore';
import { ChatEngine } from './core/chat/ChatEngine';
import { EditorContextContributor } from './core/editor/EditorContextContributor';
import { ApiKeyStore, CloudProvider } from './core/security/ApiKeyStore';
import { OllamaModels } from './core/llm/ollama/OllamaModels';
import { RoutingService } from './core/routing/RoutingService';
import { QualityGate } from './core/routing/quality/QualityGate';
import { TreeSitterSyntax } from './core/routing/quality/TreeSitterSyntax';
import { EldLanguageIdentifier } from './core/routing/quality/EldLanguageIdentifier';
import type { IRoutingService } from './core/routing/RoutingServiceContract';
import { OllamaStatusMonitor } from './core/llm/ollama/OllamaStatusMonitor';
import { createChatHandler, participantCommands, PARTICIPANT_ID } from './vscode/chat/ChatParticipant';
import { ChatViewProvider } from './vscode/chatView/ChatViewProvider';
import { registerRouting } from './vscode/commands/registerRouting';
import type { InsertedCode } from './vscode/chatView/InsertedCode';
import { registerMemory, type MemoryTestApi } from './vscode/memory/registerMemory';
import { registerEditorCommands, type EditorTestApi } from './vscode/editor/registerEditorCommands';
import { registerKeyCommands } from './vscode/commands/registerKeyCommands';
import { registerOllamaCommands } from './vscode/commands/registerOllamaCommands';
import { showStatusMenu, StatusBar } from './vscode/statusBar/StatusBar';
import { VscodeSecretStore } from './vscode/adapters/VscodeSecretStore';
import { VscodeSettingsSource } from './vscode/adapters/VscodeSettingsSource';

/**
 * What activate() returns when VS Code runs the extension's tests (ExtensionMode.Test), and only then:
 * the integration suites drive the chat handler, routing, memory hooks and keys through it. In
 * production and development activate() returns nothing, so no other extension can read a key,
 * spend budget or change memory through Jarvis's exports.
 */
export interface JarvisTestApi {
  chatHandler: vscode.ChatRequestHandler;
  routing: IRoutingService;
  /** Hooks the integration tests use to drive learning from edits. */
  memory: MemoryTestApi;
  /** Proposal state for the editor-command tests. */
  editor: EditorTestApi;
  secrets: {
    set(provider: CloudProvider, key: string): Promise<void>;
    get(provider: CloudProvider): Promise<string | undefined>;
    clear(): Promise<void>;
  };
}

export function activate(context: vscode.ExtensionContext): JarvisTestApi | undefined {
  const started = performance.now();
  const root = new DisposableStore();
  context.subscriptions.push(root);

  const log = root.add(vscode.window.createOutputChannel('Jarvis', { log: true }));
  const settings = root.add(new SettingsStore(root.add(new VscodeSettingsSource()), log));
  root.add(settings.onInvalidSettings(showSettingsWarning));
  if (settings.warnings.length > 0) showSettingsWarning(settings.warnings);

  const connection = () => ({ host: settings.current.ollama.host });
  const models = new OllamaModels(connection, log);
  const monitor = root.add(new OllamaStatusMonitor(models, () => settings.current, log));
  const keys = new ApiKeyStore(new VscodeSecretStore(context.secrets));
  // Grammars and the language identifier load on the first local answer, from the packaged dist/vendor/.
  const qualityGate = new QualityGate({
    syntax: new TreeSitterSyntax({ wasmDir: vscode.Uri.joinPath(context.extensionUri, 'dist', 'vendor').fsPath, logger: log }),
    naturalLanguage: () => EldLanguageIdentifier.load(),
    logger: log,
  });
  const routing = registerRouting(context, {
    settings,
    keys,
    models,
    monitor,
    log,
    createService: (deps) => new RoutingService({ ...deps, qualityGate }),
  });
  root.add(routing.disposable);
  // The chat view (created below, after the engine) reports inserted code; memory learns from later edits.
  const inserted = root.add(new vscode.EventEmitter<InsertedCode>());
  const memory = registerMemory(context, { settings, keys, log, insertedCode: inserted.event });
  root.add(memory.disposable);
  // Explain/Review/Ask open a chat request; this carries the editor's context (symbol, imports) into it.
  const editorContext = new EditorContextContributor(systemClock);
  const engine = new ChatEngine({
    settings: () => settings.current,
    responder: routing.service,
    contributors: [...memory.contributors, editorContext],
    commands: memory.commands,
    clock: systemClock,
    logger: log,
    onFailure: () => void monitor.refresh(),
  });

  const chatHandler = createChatHandler(engine);
  // Forks without the chat API (or with it disabled) still get the Jarvis chat view below.
  if (typeof vscode.chat?.createChatParticipant === 'function') {
    const participant = root.add(vscode.chat.createChatParticipant(PARTICIPANT_ID, chatHandler));
    participant.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'jarvis.png');
  } else {
    log.info('This VS Code build has no chat API: use the Jarvis chat view.');
  }

  const chatView = root.add(
    new ChatViewProvider(context.extensionUri, engine, context.workspaceState, log, {
      commands: participantCommands(context.extension.packageJSON),
    }),
  );
  root.add(chatView.onDidInsertCode((c) => inserted.fire(c)));
  root.add(
    vscode.window.registerWebviewViewProvider(ChatViewProvider.viewId, chatView, {
      webviewOptions: { retainContextWhenHidden: true },
    }),
  );
  root.add(new StatusBar(monitor));
  const editorCommands = registerEditorCommands({
    engine,
    context: editorContext,
    askChatView: (prompt) => chatView.ask(prompt),
    // Code applied from a proposal is watched like inserted code: the user's restyling of it teaches preferences.
    onDidApply: (code) => inserted.fire(code),
    log,
  });
  root.add(editorCommands.disposable);

  root.add(registerKeyCommands(keys, log));
  root.add(registerOllamaCommands(models, monitor, settings, log));
  root.add(
    vscode.Disposable.from(
      vscode.commands.registerCommand('jarvis.openChat', () => chatView.reveal()),
      vscode.commands.registerCommand('jarvis.newChat', () => chatView.newChat()),
      vscode.commands.registerCommand('jarvis.showStatusMenu', () => showStatusMenu(monitor)),
      vscode.commands.registerCommand('jarvis.showLog', () => log.show()),
      vscode.commands.registerCommand('jarvis.showReplacedAnswer', async (text?: unknown, model?: unknown) => {
        if (typeof text !== 'string') return;
        const heading = `<!-- Local answer${typeof model === 'string' ? ` by ${model}` : ''}, replaced by the quality gate -->\n\n`;
        const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: heading + text });
        await vscode.window.showTextDocument(doc, { preview: true });
      }),
      vscode.commands.registerCommand('jarvis.openSettings', (key?: unknown) =>
        vscode.commands.executeCommand('workbench.action.openSettings', typeof key === 'string' ? key : '@ext:jarvis-hybrid.jarvis'),
      ),
    ),
  );
  root.add(settings.onDidChange(() => void monitor.refresh()));

  // The first Ollama check runs after activation returns: activation itself makes no network call.
  const firstCheck = setTimeout(() => void monitor.refresh(), 0);
  root.add({ dispose: () => clearTimeout(firstCheck) });

  const ms = (performance.now() - started).toFixed(1);
  log.info(`Jarvis activated in ${ms} ms`);
  console.log(`Jarvis activated in ${ms} ms`);

  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return {
    chatHandler,
    routing: routing.service,
    memory: memory.api,
    editor: editorCommands.api,
    secrets: {
      set: (provider, key) => keys.set(provider, key),
      get: (provider) => keys.get(provider),
      clear: () => keys.clear(),
    },
  };
}

export function deactivate(): void {
  // Everything is owned by the root disposable in context.subscriptions.
}

function showSettingsWarning(warnings: string[]): void {
  const open = 'Open Settings';
  const text = warnings.length === 1 ? warnings[0] : `${warnings.length} Jarvis settings are invalid: ${warnings.join(' ')}`;
  void vscode.window.showWarningMessage(`Jarvis: ${text}`, open).then((a) => {
    if (a === open) void vscode.commands.executeCommand('workbench.action.openSettings', '@ext:jarvis-hybrid.jarvis');
  });
}
