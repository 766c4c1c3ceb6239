import * as os from 'node:os';
import * as vscode from 'vscode';
import { JarvisError, errorMessage } from '../../common/errors';
import type { SettingsStore } from '../../core/config/SettingsStore';
import type { ApiKeyStore } from '../../core/security/ApiKeyStore';
import type { Logger } from '../../core/ports';
import { formatRoutingStatus } from '../../core/presentation/formatRoutingStatus';
import { formatUsd } from '../../core/presentation/formatUsd';
import type { ExtraModelSource, IRoutingService } from '../../core/routing/RoutingServiceContract';
import { describe, type OllamaStatusMonitor } from '../../core/llm/ollama/OllamaStatusMonitor';
import { commandIds } from '../../core/commandIds';
import type { AgentActivity } from '../../core/routing/AgentResponder';
import type { CloudModelLists } from '../../core/llm/modelLists/CloudModelLists';
import { describeListState, describeUnlisted } from '../../core/presentation/formatCloudModelLists';
import { resetRoutingLearning } from './resetRoutingLearning';

export interface RoutingCommandDeps {
  service: IRoutingService;
  keys: ApiKeyStore;
  monitor: OllamaStatusMonitor;
  settings: SettingsStore;
  extraModels: ExtraModelSource;
  logger: Logger;
  /** Requests through Jarvis's language models, shown on the status page. */
  agentActivity?: () => AgentActivity;
  /** The gateway's state and its requests, for the status page. */
  gateway?: () => Promise<{ state: string; activity: AgentActivity }>;
  /** The providers' model lists: their age and any configured model they no longer name. */
  cloudModels?: CloudModelLists;
}

type ExportFormat = 'json' | 'csv' | 'prometheus';
const EXTENSIONS: Record<ExportFormat, string> = { json: 'json', csv: 'csv', prometheus: 'prom' };
const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'csv', 'prometheus'];
const STATUS_URI = vscode.Uri.from({ scheme: 'jarvis-routing-status', path: '/Jarvis Routing Status.md' });

/** Export Metrics… (JSON, CSV, Prometheus), Allow One Cloud Request Over Budget, Show Routing Status. */
export function registerRoutingCommands(deps: RoutingCommandDeps): vscode.Disposable {
  const { service, logger } = deps;

  const statusMarkdown = async (): Promise<string> => {
    const useVscodeModels = deps.settings.current.routing.useVscodeModels;
    const [openai, anthropic, extra, gateway] = await Promise.all([
      deps.keys.has('openai'),
      deps.keys.has('anthropic'),
      useVscodeModels ? deps.extraModels.list().catch(() => []) : Promise.resolve([]),
      deps.gateway?.(),
    ]);
    const cm = deps.cloudModels;
    const cloudModels = cm && {
      lists: cm.states().map((st) => describeListState(st, st.provider === 'openai' ? openai : anthropic, Date.now())),
      unlisted: cm.unlisted().map((u) => describeUnlisted(u)),
    };
    return formatRoutingStatus({
      spend: service.spend(),
      circuits: service.circuits(),
      keys: { openai, anthropic },
      ollama: describe(deps.monitor.status),
      vscodeModels: { enabled: useVscodeModels, models: extra.map((m) => `${m.model} (${m.vendor})`) },
      generatedAt: new Date().toLocaleString(),
      learning: service.routingLearning?.(),
      ...(deps.agentActivity ? { agent: deps.agentActivity() } : {}),
      ...(gateway ? { gateway } : {}),
      ...(cloudModels ? { cloudModels } : {}),
    });
  };

  // A read-only virtual document: no "save changes?" prompt, and it refreshes after every call.
  const statusChanged = new vscode.EventEmitter<vscode.Uri>();
  const statusProvider: vscode.TextDocumentContentProvider = { onDidChange: statusChanged.event, provideTextDocumentContent: () => statusMarkdown() };

  const resetLearning = resetRoutingLearning({ service, window: vscode.window, onReset: () => statusChanged.fire(STATUS_URI) });

  /** Opens the status page and returns its Markdown (handy for tests and other extensions). */
  const showStatus = async (): Promise<string> => {
    const markdown = await statusMarkdown();
    statusChanged.fire(STATUS_URI);
    try {
      await vscode.commands.executeCommand('markdown.showPreview', STATUS_URI);
    } catch {
      // Builds without the Markdown extension: the source is readable too.
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(STATUS_URI), { preview: true });
    }
    return markdown;
  };

  /**
   * With `{ format, uri }` it writes without any dialog (tests, other extensions) and throws on bad
   * input or a failed write; from the palette it asks for the format and the file, then opens it.
   */
  const exportMetrics = async (arg?: unknown): Promise<vscode.Uri | undefined> => {
    const given = parseExportArg(arg);
    const format = given.format ?? (await pickFormat());
    if (!format) return undefined;
    const uri = given.uri ?? (await pickTarget(format));
    if (!uri) return undefined;
    const interactive = given.uri === undefined;
    try {
      const text = format === 'prometheus' ? await service.exportPrometheus() : service.exportMetrics(format);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      logger.info(`Exported performance metrics (${format.toUpperCase()}) to ${uri.toString(true)}`);
    } catch (e) {
      logger.error(`Could not export performance metrics to ${uri.toString(true)}: ${errorMessage(e)}`);
      if (!interactive) throw e;
      void vscode.window.showErrorMessage(`Jarvis: could not export the metrics to ${uri.fsPath || uri.toString(true)}. ${errorMessage(e)}`);
      return undefined;
    }
    if (interactive) await vscode.window.showTextDocument(uri, { preview: false });
    return uri;
  };

  const allowOverBudget = async (): Promise<boolean> => {
    const s = service.spend();
    const allow = 'Allow One Request';
    const detail =
      `Spent today: ${formatUsd(s.todayUsd)}${s.dailyBudgetUsd > 0 ? ` of ${formatUsd(s.dailyBudgetUsd)}` : ''}; ` +
      `this month: ${formatUsd(s.monthUsd)}${s.monthlyBudgetUsd > 0 ? ` of ${formatUsd(s.monthlyBudgetUsd)}` : ''}. ` +
      'Only the next cloud request is let through; the budget applies again after it.';
    const answer = await vscode.window.showWarningMessage(
      'Send the next request to a cloud model even though the budget is spent?',
      { modal: true, detail },
      allow,
    );
    if (answer !== allow) return false;
    service.allowOverBudgetOnce();
    logger.info(`Budget override granted for one cloud request (spent ${formatUsd(s.todayUsd)} today, ${formatUsd(s.monthUsd)} this month)`);
    void vscode.window.showInformationMessage('Jarvis: the next cloud request may go over the budget. Send your question again.');
    return true;
  };

  return vscode.Disposable.from(
    statusChanged,
    vscode.workspace.registerTextDocumentContentProvider(STATUS_URI.scheme, statusProvider),
    service.onDidRecord(() => statusChanged.fire(STATUS_URI)),
    ...(deps.cloudModels ? [deps.cloudModels.onDidChange(() => statusChanged.fire(STATUS_URI))] : []),
    vscode.commands.registerCommand(commandIds.exportMetrics, exportMetrics),
    vscode.commands.registerCommand(commandIds.allowOverBudgetOnce, allowOverBudget),
    vscode.commands.registerCommand(commandIds.showRoutingStatus, showStatus),
    vscode.commands.registerCommand(commandIds.resetRoutingLearning, resetLearning),
  );
}

/** Validates the optional programmatic argument of jarvis.exportMetrics. */
function parseExportArg(arg: unknown): { format?: ExportFormat; uri?: vscode.Uri } {
  if (arg === undefined || arg === null) return {};
  if (typeof arg !== 'object' || arg instanceof vscode.Uri) {
    throw new JarvisError('invalid-input', 'jarvis.exportMetrics takes an optional { format: "json" | "csv" | "prometheus", uri } object.');
  }
  const { format, uri } = arg as { format?: unknown; uri?: unknown };
  if (format !== undefined && !EXPORT_FORMATS.includes(format as ExportFormat)) {
    throw new JarvisError('invalid-input', `The export format must be "json", "csv" or "prometheus" (got ${JSON.stringify(format)}). Nothing was written.`);
  }
  return { format: format as ExportFormat | undefined, uri: uri === undefined ? undefined : toUri(uri) };
}

function toUri(value: unknown): vscode.Uri {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && value.trim() !== '') {
    const s = value.trim();
    // An absolute path (POSIX or Windows) is a file; anything else must be a full URI.
    if (s.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(s)) return vscode.Uri.file(s);
    if (/^[a-zA-Z][\w+.-]*:/.test(s)) return vscode.Uri.parse(s, true);
  }
  throw new JarvisError('invalid-input', `The export target must be a file URI or an absolute path (got ${JSON.stringify(value)}). Nothing was written.`);
}

async function pickFormat(): Promise<ExportFormat | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'JSON', description: 'per-model statistics and cost breakdown', format: 'json' as const },
      { label: 'CSV', description: 'one row per model, for spreadsheets', format: 'csv' as const },
      { label: 'Prometheus', description: 'counters, histograms and gauges in the Prometheus text format', format: 'prometheus' as const },
    ],
    { title: 'Jarvis: Export Metrics', placeHolder: 'Choose a file format' },
  );
  return picked?.format;
}

async function pickTarget(format: ExportFormat): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
  const day = new Date().toISOString().slice(0, 10);
  return vscode.window.showSaveDialog({
    title: 'Jarvis: Export Metrics',
    defaultUri: vscode.Uri.joinPath(folder, `jarvis-metrics-${day}.${EXTENSIONS[format]}`),
    filters: format === 'json' ? { JSON: ['json'] } : format === 'csv' ? { CSV: ['csv'] } : { Prometheus: ['prom', 'txt'] },
    saveLabel: 'Export',
  });
}
