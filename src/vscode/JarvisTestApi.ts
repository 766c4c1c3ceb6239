import type * as vscode from 'vscode';
import type { AuditLog } from '../core/audit/AuditLog';
import type { GatewayKeyStore } from '../core/gateway/GatewayKeyStore';
import type { GatewayState } from '../core/gateway/GatewayRunner';
import type { IRoutingService } from '../core/routing/RoutingServiceContract';
import type { CloudProvider } from '../core/security/ApiKeyStore';
import type { CloudModelsTestApi } from './commands/registerCloudModels';
import type { DashboardTestApi } from './dashboard/registerDashboard';
import type { EditorTestApi } from './editor/registerEditorCommands';
import type { MemoryTestApi } from './memory/registerMemory';
import type { WebviewTap } from './WebviewTap';

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
  /** The audit log / egress ledger, for the ledger integration test. */
  audit: AuditLog;
  /** The gateway's keys (a test creates one without the prompts) and its state. */
  gateway: { keys: GatewayKeyStore; state(): GatewayState; apply(): Promise<GatewayState> };
  /** Where VS Code's token counts run. */
  tokens: { inWorker(): boolean };
  /** The dashboard panel: whether it is open, the snapshots its page accepted, its serializer. */
  dashboard: DashboardTestApi;
  /** The warnings about configured cloud models their provider no longer lists, and the current set. */
  cloudModels: CloudModelsTestApi;
  /** Every message posted to the chat view's and the dashboard's pages, and messages as if from them. */
  webviews: WebviewTap;
  /** The extension's mementos, to show what it keeps there. */
  state: { global: vscode.Memento; workspace: vscode.Memento };
  secrets: {
    set(provider: CloudProvider, key: string): Promise<void>;
    get(provider: CloudProvider): Promise<string | undefined>;
    clear(): Promise<void>;
  };
}
