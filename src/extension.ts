// Composition root: builds the object graph once and hands VS Code a single disposable that owns it all.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { AuditLog } from './core/audit/AuditLog';
import { lastCloudUse } from './core/audit/describeAuditRecord';
import { auditEgressSettings } from './core/security/auditEgressSettings';
import { registerAuditBrowse } from './vscode/commands/registerAuditBrowse';
import { registerAuditCommands } from './vscode/commands/registerAuditCommands';
import { DisposableStore } from './common/Disposable';
import { systemClock } from './common/Clock';
import { SettingsStore } from './core/config/SettingsStore';
import { ChatEngine } from './core/chat/ChatEngine';
import { EditorContextContributor } from './core/editor/EditorContextContributor';
import { TokenCounter } from './core/llm/tokens/TokenCounter';
import { TreeSitterSyntax } from './core/routing/quality/TreeSitterSyntax';
import { ApiKeyStore } from './core/security/ApiKeyStore';
import { OllamaModels } from './core/llm/ollama/OllamaModels';
import { OllamaProvider } from './core/llm/ollama/OllamaProvider';
import { createMemoryCommands } from './core/memory/contributors/memoryCommands';
import { MemoryContextContributor } from './core/memory/contributors/MemoryContextContributor';
import { PreferenceContextContributor } from './core/memory/contributors/PreferenceContextContributor';
import { SessionContextContributor } from './core/memory/contributors/SessionContextContributor';
import { embedderEnvironment } from './core/memory/embedders/embedderEnvironment';
import { MemoryService } from './core/memory/MemoryService';
import { EditEvidenceLog } from './core/memory/preferences/EditEvidenceLog';
import { LlmPreferenceReader } from './core/memory/preferences/LlmPreferenceReader';
import { PreferenceLearner } from './core/memory/preferences/PreferenceLearner';
import { SessionManager } from './core/memory/sessions/SessionManager';
import type { WorkspaceTrust } from './core/memory/store/WorkspaceTrust';
import { RoutingService } from './core/routing/RoutingService';
import { QualityGate } from './core/routing/quality/QualityGate';
import { EldLanguageIdentifier } from './core/routing/quality/EldLanguageIdentifier';
import { KNOWN_APIS_FILE, KnownApis } from './core/routing/quality/KnownApis';
import { OllamaStatusMonitor } from './core/llm/ollama/OllamaStatusMonitor';
import { startActivationProfile } from './vscode/activationProfile';
import { registerChatParticipant } from './vscode/chat/registerChatParticipant';
import { registerChatView } from './vscode/chatView/registerChatView';
import { WebviewTap } from './vscode/WebviewTap';
import { registerRouting } from './vscode/commands/registerRouting';
import type { InsertedCode } from './vscode/chatView/InsertedCode';
import { learnFromWorkspaceFiles } from './vscode/memory/learnFromWorkspaceFiles';
import { offerPreferenceReview } from './vscode/memory/offerPreferenceReview';
import { registerMemory, withNotificationProgress } from './vscode/memory/registerMemory';
import { WorkspaceSession } from './vscode/memory/registerSessionCommands';
import { currentAuditWorkspace } from './vscode/adapters/currentAuditWorkspace';
import { MementoStore } from './vscode/adapters/MementoStore';
import { VscodeLmModelSource } from './vscode/lm/VscodeLmModelSource';
import { registerEditorCommands } from './vscode/editor/registerEditorCommands';
import { registerKeyCommands } from './vscode/commands/registerKeyCommands';
import { registerOllamaCommands } from './vscode/commands/registerOllamaCommands';
import { StatusBar } from './vscode/statusBar/StatusBar';
import { registerWorkbenchCommands } from './vscode/commands/registerWorkbenchCommands';
import { registerSettingsWarnings } from './vscode/adapters/registerSettingsWarnings';
import { VscodeSecretStore } from './vscode/adapters/VscodeSecretStore';
import { VscodeSettingsSource } from './vscode/adapters/VscodeSettingsSource';
import { registerWalkthrough } from './vscode/walkthrough/registerWalkthrough';
import { AgentResponder } from './core/routing/AgentResponder';
import { vscodeMissingKeyWarnings } from './vscode/adapters/vscodeMissingKeyWarnings';
import { LogFile } from './core/observability/LogFile';
import { loggerSink, StructuredLogger } from './core/observability/StructuredLogger';
import { PrivacyGuard } from './core/security/PrivacyGuard';
import { AlertManager } from './core/observability/alerts/AlertManager';
import { builtInRules } from './core/observability/alerts/builtInRules';
import { WebhookNotifier } from './core/observability/alerts/WebhookNotifier';
import { registerAlerts } from './vscode/commands/registerAlerts';
import { UsageLedger } from './core/observability/dashboard/UsageLedger';
import { registerDashboard } from './vscode/dashboard/registerDashboard';
import { registerLanguageModel } from './vscode/lm/registerLanguageModel';
import { GatewayAuditor } from './core/gateway/GatewayAuditor';
import { GatewayKeyStore } from './core/gateway/GatewayKeyStore';
import { GatewayRunner } from './core/gateway/GatewayRunner';
import { GatewayServer } from './core/gateway/GatewayServer';
import { McpEndpoint } from './core/gateway/McpEndpoint';
import { listModelCatalog } from './core/routing/listModelCatalog';
import { gatewayStatusText, registerGateway } from './vscode/gateway/registerGateway';
import { CloudModelLists } from './core/llm/modelLists/CloudModelLists';
import { registerCloudModels } from './vscode/commands/registerCloudModels';
import type { JarvisTestApi } from './vscode/JarvisTestApi';

export type { JarvisTestApi };

const HOUR_MS = 3_600_000;
/** A session idle this long is ended and summarised (SessionManager's default). */
const SESSION_TIMEOUT_HOURS = 24;

/**
 * The one composition root: every core object is built here, once (one OllamaModels, one settings
 * store, one key store), and every registration is owned by the root DisposableStore, which disposes
 * in reverse order of creation. The register* functions only add VS Code UI over these objects.
 */
export function activate(context: vscode.ExtensionContext): JarvisTestApi | undefined {
  const started = performance.now();
  const testMode = context.extensionMode === vscode.ExtensionMode.Test;
  const stopProfile = startActivationProfile(context.extensionMode !== vscode.ExtensionMode.Production);
  const root = new DisposableStore();
  context.subscriptions.push(root);

  const log = root.add(vscode.window.createOutputChannel('Jarvis', { log: true }));
  const settings = root.add(new SettingsStore(root.add(new VscodeSettingsSource()), log));
  root.add(registerSettingsWarnings(settings));
  // JSON records to the channel and, with jarvis.log.file, a rotated JSON-lines file; the privacy guard redacts secrets.
  const logFile = root.add(new LogFile(systemClock, (m) => log.warn(m)));
  void logFile.apply(settings.current.log);
  root.add(settings.onDidChange((s) => void logFile.apply(s.log)));
  const channelSink = loggerSink(log);
  const redactor = new PrivacyGuard();
  const logger = new StructuredLogger({
    name: 'jarvis',
    sinks: () => (logFile.sink ? [channelSink, logFile.sink] : [channelSink]),
    clock: systemClock,
    redact: (text) => redactor.redact(text),
  });

  const connection = () => ({ host: settings.current.ollama.host });
  const models = new OllamaModels(connection, log);
  const ollama = new OllamaProvider(connection, log); // the one chat provider: routing's and the preference reader's
  const monitor = root.add(new OllamaStatusMonitor(models, () => settings.current, log));
  // One tree-sitter (quality gate and editor commands) and the language identifier, loaded from dist/vendor on first use.
  const treeSitter = new TreeSitterSyntax({ wasmDir: vscode.Uri.joinPath(context.extensionUri, 'dist', 'vendor').fsPath, logger: log });
  const qualityGate = new QualityGate({
    syntax: treeSitter,
    naturalLanguage: () => EldLanguageIdentifier.load(),
    knownApis: () => KnownApis.load(vscode.Uri.joinPath(context.extensionUri, 'dist', 'vendor', KNOWN_APIS_FILE).fsPath),
    logger: log,
  });

  // Audit log and egress ledger in global storage (one per user; each record names its workspace); the head hash in globalState shows cut-off records.
  const audit = new AuditLog({
    dir: path.join(context.globalStorageUri.fsPath, 'audit'),
    clock: systemClock,
    head: new MementoStore(context.globalState),
    logger: log,
    retentionDays: () => settings.current.audit.retentionDays,
    workspace: currentAuditWorkspace,
  });
  const keys = new ApiKeyStore(new VscodeSecretStore(context.secrets), { audit, logger: log });
  // The providers' own model lists (GET /v1/models, cached in globalState): fetched after activation, never during it.
  const cloud = { keys, settings: () => settings.current, store: new MementoStore(context.globalState), clock: systemClock, logger: log };
  const cloudModels = root.add(new CloudModelLists({ ...cloud, trusted: () => vscode.workspace.isTrusted }));
  const cloudModelsUi = root.add(registerCloudModels({ lists: cloudModels, settings, keys, log, testHooks: testMode }));
  root.add(registerAuditCommands({ audit, logger: log }));
  root.add(registerAuditBrowse(audit, log));
  root.add(auditEgressSettings(settings, audit, log));

  // Token counting runs in a worker thread: loading a tokenizer table stalls a thread for seconds.
  const tokens = root.add(new TokenCounter({ workerScript: vscode.Uri.joinPath(context.extensionUri, 'dist', 'tokenWorker.js').fsPath, logger: log }));
  // Routing: the service over VS Code adapters (globalState for statistics and budget, vscode.lm models).
  const extraModels = root.add(new VscodeLmModelSource(log));
  const routing = root.add(
    new RoutingService({
      settings: () => settings.current,
      onDidChangeSettings: settings.onDidChange,
      keys: { get: (provider) => keys.get(provider, 'cloud requests') },
      ollamaModels: () => models.list(),
      ollamaDetails: (model) => models.show(model),
      ollama,
      extraModels,
      store: new MementoStore(context.globalState),
      // Read on the first routed request, not at activation (428 KB of JSON).
      complexityModel: () => fs.readFileSync(path.join(context.extensionPath, 'media', 'router', 'complexity-model.json'), 'utf8'),
      // What routing learns from this user stays with this workspace (and off when no folder is open).
      workspaceStore: vscode.workspace.workspaceFolders?.length ? new MementoStore(context.workspaceState) : undefined,
      clock: systemClock,
      logger: logger.child({}, 'routing'),
      qualityGate,
      audit,
      workspaceTrusted: () => vscode.workspace.isTrusted,
      countTokens: (text) => tokens.count('auto', '', text),
    }),
  );
  // Agents (VS Code's own chat, other extensions) reach the same routing through Jarvis's language models.
  const missingKeys = vscodeMissingKeyWarnings();
  const agent = root.add(new AgentResponder(routing, logger.child({}, 'agent'), missingKeys));
  // Alerts (the seed's rules, cooldown from settings) as notifications and, when set, a webhook.
  const alerts = root.add(new AlertManager({ clock: systemClock, cooldownMs: () => settings.current.alerts.cooldownSeconds * 1000 }));
  const alertSources = { history: routing.history, spend: () => routing.spend(), circuits: () => routing.circuits(), clock: systemClock };
  const heapUsedBytes = () => process.memoryUsage().heapUsed;
  for (const rule of builtInRules({ ...alertSources, heapUsedBytes, settings: () => settings.current.alerts })) alerts.register(rule);
  const alertLog = logger.child({}, 'alerts');
  const webhook = new WebhookNotifier({ url: () => settings.current.alerts.webhookUrl, logger: alertLog });
  root.add(registerAlerts({ alerts, webhook, settings, onDidRecord: routing.onDidRecord, log: alertLog }));
  // Answers per day and model (globalState), so "this month" and its savings outlive the window's history.
  const usage = new UsageLedger({ store: new MementoStore(context.globalState), logger: log });
  root.add(routing.history.onDidFinish((r) => usage.record(r)));
  const posts = testMode ? new WebviewTap() : undefined;
  const dashboard = registerDashboard({
    testHooks: testMode,
    posts,
    extensionUri: context.extensionUri,
    history: routing.history,
    usage,
    routing,
    alerts,
    settings,
    clock: systemClock,
    logger: log,
    onDidRecord: routing.onDidRecord,
    cloudModels,
  });
  root.add(dashboard.disposable);

  // Business memory: the store opens on first use; nothing heavy happens during activation.
  const current = () => settings.current;
  const trust: WorkspaceTrust = { isTrusted: () => vscode.workspace.isTrusted };
  const storageRoot = context.storageUri ?? context.globalStorageUri;
  // Per workspace when a folder is open (like the memories), so one project's conventions do not steer another.
  const memoryState = new MementoStore(context.storageUri ? context.workspaceState : context.globalState);
  const memory = root.add(
    new MemoryService({
      folder: vscode.Uri.joinPath(storageRoot, 'memory').fsPath,
      settings: current,
      env: embedderEnvironment({ settings: current, keys, models, logger: log }),
      trust,
      state: memoryState,
      runInBackground: withNotificationProgress,
      onProblem: (m) => void vscode.window.showWarningMessage(m, 'Show Log').then((a) => a && log.show()),
      cleanupEveryMs: HOUR_MS,
    }),
  );
  const learner = PreferenceLearner.load({ store: memoryState, trust, threshold: current().preferences.confidenceThreshold });
  const evidence = new EditEvidenceLog(memoryState, systemClock);
  const learning = () => current().preferences.learning && vscode.workspace.isTrusted;
  // Explain/Review/Ask open a chat request; this carries the editor's context (symbol, imports) into it.
  const editorContext = new EditorContextContributor(systemClock);
  const preferenceContext = new PreferenceContextContributor({
    // Editor commands' prompts are Jarvis's words ("Answer with ONE fenced block…"), not preferences.
    isGeneratedPrompt: (prompt) => editorContext.isGenerated(prompt),
    learner,
    settings: current,
    logger: log,
    onProposals: (pending) => void offerPreferenceReview(learner, pending, log),
    // The local model as a second reader (jarvis.preferences.llm); it only proposes, for review.
    llmReader: new LlmPreferenceReader({ provider: ollama, model: () => current().ollama.model }),
    localModelReady: async () => (monitor.status.state === 'ready' ? monitor.status : await monitor.refresh()).state === 'ready',
    prepare: async () => void (learning() && (await learnFromWorkspaceFiles(learner, log))),
  });
  const session = new WorkspaceSession(
    new SessionManager({
      store: new MementoStore(context.workspaceState),
      timeoutHours: SESSION_TIMEOUT_HOURS,
      // Buffered synchronously: a summary written as the window closes is flushed by the memory service (disposed later).
      memory: { store: (m) => memory.remember(m) },
    }),
  );
  // The chat view (created below, after the engine) reports inserted code; memory learns from later edits.
  const inserted = root.add(new vscode.EventEmitter<InsertedCode>());
  const memoryDeps = { settings, memory, learner, evidence, preferenceContext, session, learning, log, testHooks: testMode };
  const memoryUi = registerMemory({ ...memoryDeps, insertedCode: inserted.event });
  root.add(memoryUi.disposable);
  const memoryCommands = createMemoryCommands({
    memory,
    settings: current,
    scope: () => ({ project: session.projectName(), user: session.user }),
    onRemembered: async (record) => {
      memoryUi.refreshTree();
      memory.noteRemembered(record);
      // "/remember preference: I prefer tabs" is the user stating a preference outright.
      if (record.type === 'preference' && current().preferences.learning) await learner.learnFromText(record.text, 'explicit');
    },
  });
  // The opt-in loopback gateway: other local tools reach the same routing (their own AgentResponder), models and memory.
  const gatewayLog = logger.child({}, 'gateway');
  const gatewayAuditor = new GatewayAuditor(audit, systemClock, gatewayLog);
  const gatewayKeys = root.add(new GatewayKeyStore(new VscodeSecretStore(context.secrets), systemClock, gatewayAuditor));
  const gatewayAgent = root.add(new AgentResponder(routing, gatewayLog, missingKeys));
  const gatewayRunner = new GatewayRunner(
    new GatewayServer({
      keys: gatewayKeys,
      agent: gatewayAgent,
      models: () => listModelCatalog({ settings: () => settings.current, keys, models, logger: log }),
      registry: () => routing.metrics.registry,
      mcp: new McpEndpoint({ commands: memoryCommands, auditor: gatewayAuditor, version: String(context.extension.packageJSON.version) }),
      auditor: gatewayAuditor,
      clock: systemClock,
      logger: gatewayLog,
    }),
  );
  root.add(registerGateway({ runner: gatewayRunner, keys: gatewayKeys, settings, log }));
  root.add(
    registerRouting({
      service: routing,
      extraModels,
      settings,
      keys,
      models,
      monitor,
      log,
      agentActivity: () => agent.activity,
      usage,
      alerts,
      clock: systemClock,
      gateway: async () => ({ state: await gatewayStatusText(gatewayRunner, gatewayKeys), activity: gatewayAgent.activity }),
      cloudModels,
    }),
  );

  // Disposed before the memory service: the session ends (and queues its summary) before the store closes.
  const sessionContext = root.add(new SessionContextContributor({ current: session, idleMs: SESSION_TIMEOUT_HOURS * HOUR_MS, logger: log }));
  const memoryContributors = [sessionContext, new MemoryContextContributor({ memory, settings: current }), preferenceContext];

  const engine = new ChatEngine({
    settings: () => settings.current,
    responder: routing,
    contributors: [...memoryContributors, editorContext],
    commands: memoryCommands,
    clock: systemClock,
    logger: logger.child({}, 'chat'),
    onFailure: () => void monitor.refresh(),
  });

  const participant = registerChatParticipant(engine, vscode.Uri.joinPath(context.extensionUri, 'media', 'jarvis.png'), log);
  root.add(participant.disposable);

  // Jarvis in VS Code's own model picker (vendor "jarvis"), and its memory as tools for any agent.
  root.add(
    registerLanguageModel({
      agent,
      settings,
      keys,
      models,
      onOllamaChange: monitor.onDidChange,
      memoryCommands,
      secrets: context.secrets,
      tokens,
      log,
    }),
  );

  const { chatView, disposable: chatViewRegistration } = registerChatView({ context, engine, log, onDidInsertCode: (c) => inserted.fire(c), posts });
  root.add(chatViewRegistration);
  root.add(new StatusBar(monitor));
  root.add(
    registerWalkthrough({
      globalState: context.globalState,
      secrets: context.secrets,
      ollama: monitor,
      hasKey: (p) => keys.has(p),
      onDidAnswer: routing.onDidRecord,
      onDidRemember: memory.onDidRemember,
      log,
    }),
  );
  const editorCommands = registerEditorCommands({
    testHooks: testMode,
    engine,
    context: editorContext,
    // Grammars load on the first proposal in their language, never at activation.
    syntax: treeSitter,
    askChatView: (prompt) => chatView.ask(prompt),
    // Code applied from a proposal is watched like inserted code: the user's restyling of it teaches preferences.
    onDidApply: (code) => inserted.fire(code),
    log,
  });
  root.add(editorCommands.disposable);

  root.add(registerKeyCommands(keys, log, async () => lastCloudUse(await audit.search({ type: 'cloud-request' }))));
  root.add(registerOllamaCommands(models, monitor, settings, log));
  root.add(
    registerWorkbenchCommands({
      chatView,
      monitor,
      gateway: { text: () => gatewayStatusText(gatewayRunner, gatewayKeys), running: () => gatewayRunner.state.state === 'running' },
      log,
    }),
  );
  root.add(settings.onDidChange(() => void monitor.refresh()));

  // The first Ollama check runs after activation returns: activation itself makes no network call.
  const firstCheck = setTimeout(() => void monitor.refresh(), 0);
  root.add({ dispose: () => clearTimeout(firstCheck) });

  const ms = (performance.now() - started).toFixed(1);
  stopProfile();
  log.info(`Jarvis activated in ${ms} ms`);
  console.log(`Jarvis activated in ${ms} ms`);

  if (!testMode || !memoryUi.api || !editorCommands.api || !dashboard.api || !cloudModelsUi.api || !posts) return undefined;
  return {
    chatHandler: participant.chatHandler,
    routing,
    audit,
    memory: memoryUi.api,
    editor: editorCommands.api,
    tokens: { inWorker: () => tokens.inWorker },
    dashboard: dashboard.api,
    cloudModels: cloudModelsUi.api,
    webviews: posts,
    state: { global: context.globalState, workspace: context.workspaceState },
    gateway: { keys: gatewayKeys, state: () => gatewayRunner.state, apply: () => gatewayRunner.apply(settings.current.gateway) },
    secrets: {
      set: (provider, key) => keys.set(provider, key),
      get: (provider) => keys.get(provider, 'the test API'),
      clear: () => keys.clear(),
    },
  };
}

/** Everything is owned by the root disposable in context.subscriptions. */
export function deactivate(): void {}
