import { JarvisError } from '../../common/errors';
import type { AuditEntry, AuditSink } from '../audit/AuditLog';
import { egressEntry } from '../audit/egressRecord';
import { recordAudit } from '../audit/recordAudit';
import type { JarvisSettings } from '../config/settings';
import type { Logger } from '../ports';
import type { PrivacyGuard, PrivacyVerdict } from '../security/PrivacyGuard';
import { applyPrivacyMode, type PrivacyOutcome } from './applyPrivacyMode';
import { candidateKey } from './Candidate';
import type { HybridDecision, HybridRequest, HybridResult, HybridStrategy } from './HybridStrategy';
import { tierName } from './complexity/TaskComplexity';

/** Why a request in an untrusted workspace stays on this machine (shown with the answer and in the ledger). */
export const RESTRICTED_MODE_REASON = 'Restricted Mode: this workspace is not trusted, so nothing from it goes to a cloud model';

export interface PreparedPrivacy extends PrivacyOutcome {
  /** The deep scan's verdict before the mode was applied. */
  found: PrivacyVerdict;
}

/**
 * The privacy steps of one request, in order: the deep scan (guard rules + secretlint), the mode
 * (`jarvis.privacy.mode`), the block check once routing decided, and the audit records of what was
 * kept local, redacted, blocked or sent.
 */
export class RequestPrivacy {
  constructor(private readonly deps: { logger: Logger; audit?: AuditSink; trusted?: () => boolean }) {}

  async prepare(parts: { privacy: PrivacyGuard; hybrid: HybridStrategy }, request: HybridRequest, settings: JarvisSettings): Promise<PreparedPrivacy> {
    const input = parts.hybrid.privacyScanInput(request);
    let found: PrivacyVerdict;
    try {
      found = await parts.privacy.scanDeep(input);
    } catch (e) {
      // A broken detector must not open the way to the cloud, nor stop the chat: the rules decide.
      this.deps.logger.warn(`secret detection: secretlint failed (${e instanceof Error ? e.message : String(e)}); the guard's own rules decided`);
      found = parts.privacy.scan(input);
    }
    const outcome = await applyPrivacyMode(settings.privacy.mode, parts.privacy, request, found);
    if (this.deps.trusted?.() === false) {
      outcome.verdict = { ...outcome.verdict, localOnly: true, reasons: [...outcome.verdict.reasons, RESTRICTED_MODE_REASON] };
    }
    outcome.request.privacy = outcome.verdict;
    if (outcome.redactions.length) {
      this.audit({
        type: 'privacy-redacted',
        message: `${outcome.redactions.length} secrets redacted before routing`,
        data: { count: outcome.redactions.length, kinds: [...new Set(outcome.redactions)] },
      });
    }
    return { ...outcome, found };
  }

  /** After decide(): refuses a blocked request bound for the cloud; a local one runs without escalation. */
  settle(p: PreparedPrivacy, decision: HybridDecision): HybridDecision {
    if (p.blockCloud !== undefined) {
      if (decision.placement === 'cloud') {
        this.audit({
          type: 'privacy-blocked',
          severity: 'warning',
          message: 'a cloud request with a secret was refused (privacy mode block)',
          data: { reasons: p.found.reasons },
        });
        throw new JarvisError(
          'privacy-blocked',
          `Not sent to the cloud: jarvis.privacy.mode is "block" and this request contains ${p.blockCloud}. Nothing left this machine. Remove the secret, or choose "keepLocal" (answer locally) or "redact".`,
        );
      }
      return { ...decision, privacy: p.found };
    }
    if (p.verdict.localOnly && decision.placement === 'local') {
      this.audit({
        type: 'privacy-kept-local',
        message: 'a request was kept on this machine',
        data: { reasons: p.verdict.reasons, requested: decision.requested },
      });
    }
    return decision;
  }

  /** The egress-ledger record of an answer that came from a cloud model. */
  recordCloudAnswer(p: PreparedPrivacy, result: HybridResult, settings: JarvisSettings, budgetOverride: boolean, requestId?: string): boolean {
    if (result.local || !this.deps.audit) return false;
    const d = result.decision;
    const request = p.request;
    this.audit(
      egressEntry({
        requestId,
        provider: result.provider,
        model: result.model,
        why: {
          tier: tierName(d.complexity.level),
          requested: d.requested,
          reason: result.escalatedFrom ? (result.explanation ?? 'escalated') : d.why,
          complexityReasons: d.complexity.reasons,
          escalatedFrom: result.escalatedFrom ? candidateKey(result.escalatedFrom.candidate) : undefined,
          qualityScore: result.quality?.score,
          cloudScore: d.complexity.cloudScore,
          budgetOverride,
          budget: d.budget,
        },
        tokens: { input: result.usage.inputTokens, output: result.usage.outputTokens },
        costUsd: answerCostUsd(result),
        messages: request.messages ?? [{ role: 'user', content: request.prompt }],
        redactions: p.redactions,
        files: request.files ?? (request.attachments ?? []).flatMap((a) => (a.path ? [{ path: a.path }] : [])),
        storeContent: settings.audit.storeContent,
      }),
    );
    return true;
  }

  /**
   * The egress-ledger record of a cloud quality judge's request: the question and local answer went
   * to a cloud model as surely as an escalation does.
   */
  recordCloudJudge(p: PreparedPrivacy, result: HybridResult, settings: JarvisSettings, requestId?: string): boolean {
    const j = result.quality?.judge;
    if (!j || j.local || !this.deps.audit) return false;
    const d = result.decision;
    this.audit(
      egressEntry({
        requestId,
        provider: j.provider,
        model: j.model,
        why: {
          tier: tierName(d.complexity.level),
          requested: d.requested,
          reason: `quality judge: the rules were unsure about the local answer (${j.verdict})`,
          complexityReasons: d.complexity.reasons,
          qualityScore: result.quality?.score,
          cloudScore: d.complexity.cloudScore,
          budgetOverride: false,
          budget: d.budget,
        },
        tokens: j.usage ? { input: j.usage.inputTokens, output: j.usage.outputTokens } : undefined,
        costUsd: 'usd' in j.cost ? j.cost.usd : undefined,
        messages: j.messages,
        redactions: p.redactions,
        files: [],
        storeContent: settings.audit.storeContent,
      }),
    );
    return true;
  }

  private audit(entry: AuditEntry): void {
    recordAudit(this.deps.audit, entry, this.deps.logger);
  }
}

/** The answer's own cost: a judge's share is recorded with the judge's request. */
function answerCostUsd(result: HybridResult): number | undefined {
  if (!('usd' in result.cost)) return undefined;
  const judge = result.judgeCost && 'usd' in result.judgeCost ? result.judgeCost.usd : 0;
  return Math.max(0, result.cost.usd - judge);
}
