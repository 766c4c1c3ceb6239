import type { LineRange } from '../chat/ChatChunk';
import type { ChatMessage } from '../llm/types';
import { canonicalJson, sha256 } from './auditChain';
import type { AuditEntry } from './AuditLog';

/**
 * SHA-256 of the content sent to a model: the canonical JSON of the messages' roles and texts, in
 * order — what an OpenAI-compatible server receives as `messages` for a plain chat.
 */
export function contentSha256(messages: ReadonlyArray<{ role: string; content: string }>): string {
  return sha256(canonicalJson(messages.map((m) => ({ role: m.role, content: m.content }))));
}

/**
 * The budget as a routing decision saw it, for the egress ledger: spend against each cap, `warning`
 * once the cloud share is being lowered (past `throttleFrom`), `exceeded` at a cap, and whether the
 * user's one-time override let this request past it.
 */
export interface BudgetSnapshot {
  state: 'ok' | 'warning' | 'exceeded';
  dayUsd: number;
  /** Absent: no daily cap. */
  dailyUsd?: number;
  monthUsd: number;
  /** Absent: no monthly cap. */
  monthlyUsd?: number;
  /** Cloud calls this month whose price was unknown (not in the spend). */
  unknownCostCalls: number;
  override: boolean;
}

/**
 * A file (or part of one) whose text was in a cloud request: its workspace-relative path and, for a
 * selection, an editor command's code or a `#file` range, the 1-based inclusive lines; no range means
 * the whole file. `name` is the attachment's label when it says more than the path (an editor
 * command's imports or enclosing symbol, sent as context).
 */
export interface LedgerFile {
  path: string;
  range?: LineRange;
  name?: string;
}

/** What one cloud request was, and why it went to the cloud. */
export interface EgressFacts {
  /** The routing request's id (also in the structured log): how an answer finds its record. */
  requestId?: string;
  provider: string;
  model: string;
  why: {
    tier: string;
    requested: string;
    reason: string;
    complexityReasons: string[];
    escalatedFrom?: string;
    qualityScore?: number;
    /** The classifier's P(tier ≥ high), the escalation score medium requests are steered by. */
    cloudScore?: number;
    budgetOverride: boolean;
    /** Spend against the caps when the request was decided, and whether that was ok, a warning or over. */
    budget?: BudgetSnapshot;
  };
  tokens?: { input: number; output: number };
  costUsd?: number;
  messages: readonly ChatMessage[];
  redactions: string[];
  files: LedgerFile[];
  /** `jarvis.audit.storeContent`: keep the text itself too. */
  storeContent: boolean;
}

/** The ledger record of one cloud request: never the content unless storeContent is on. */
export function egressEntry(f: EgressFacts): AuditEntry {
  return {
    type: 'cloud-request',
    severity: 'info',
    message: `${f.provider}:${f.model} — ${f.why.reason}`,
    data: {
      requestId: f.requestId,
      provider: f.provider,
      model: f.model,
      why: f.why,
      tokens: f.tokens,
      costUsd: f.costUsd,
      contentSha256: contentSha256(f.messages),
      contentCharacters: f.messages.reduce((n, m) => n + m.content.length, 0),
      content: f.storeContent ? f.messages.map((m) => ({ role: m.role, content: m.content })) : undefined,
      redactions: { count: f.redactions.length, kinds: [...new Set(f.redactions)] },
      files: f.files,
    },
  };
}
