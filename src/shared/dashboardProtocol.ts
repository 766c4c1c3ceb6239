/**
 * The contract between the dashboard panel's host (src/vscode/dashboard) and its page
 * (src/webview/dashboard). The snapshot type is core's (a type-only import: the page bundle gets no
 * core code); both sides switch on `type` exhaustively.
 */
import type { DashboardSnapshot } from '../core/observability/dashboard/DashboardSnapshot';

export type { DashboardSnapshot };

/** Settings the page may open (each figure links to the setting that moves it). */
export const DASHBOARD_SETTINGS = ['jarvis.routing.localRatio', 'jarvis.budget', 'jarvis.pricing.overrides', 'jarvis.alerts', 'jarvis.routing.tiers'] as const;
export type DashboardSetting = (typeof DASHBOARD_SETTINGS)[number];

/** What the empty state's buttons may start. */
export const DASHBOARD_START_ACTIONS = ['openChat', 'setOpenAIKey', 'setAnthropicKey', 'chooseCloudModel', 'refreshCloudModels'] as const;
export type DashboardStartAction = (typeof DASHBOARD_START_ACTIONS)[number];

export type DashboardHostMessage = { type: 'snapshot'; snapshot: DashboardSnapshot };

export type DashboardPageMessage =
  | { type: 'ready' }
  | { type: 'acknowledge'; alertId: string }
  /** Open the egress-ledger record of a cloud answer (jarvis.audit.whyCloud). */
  | { type: 'why'; requestId: string }
  | { type: 'openSetting'; key: DashboardSetting }
  | { type: 'start'; action: DashboardStartAction };

/** What the page keeps across a reload (webview state; also what the serializer hands back). */
export interface DashboardPageState {
  /** The last snapshot drawn, so a restored panel shows figures before the host posts fresh ones. */
  snapshot?: DashboardSnapshot;
}

const ID = /^[A-Za-z0-9._:-]{1,100}$/;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The host's check of what the page posts: exact shapes, bounded ids, listed settings and actions only. */
export function isDashboardPageMessage(x: unknown): x is DashboardPageMessage {
  if (!isRecord(x) || typeof x.type !== 'string') return false;
  const type = x.type as DashboardPageMessage['type'];
  switch (type) {
    case 'ready':
      return true;
    case 'acknowledge':
      return typeof x.alertId === 'string' && ID.test(x.alertId);
    case 'why':
      return typeof x.requestId === 'string' && ID.test(x.requestId);
    case 'openSetting':
      return (DASHBOARD_SETTINGS as readonly unknown[]).includes(x.key);
    case 'start':
      return (DASHBOARD_START_ACTIONS as readonly unknown[]).includes(x.action);
    default:
      return false;
  }
}

/** The page's check of window messages (the host is trusted; stray messages are not). */
export function isDashboardHostMessage(x: unknown): x is DashboardHostMessage {
  return isRecord(x) && x.type === 'snapshot' && isRecord(x.snapshot) && x.snapshot.version === 1;
}
