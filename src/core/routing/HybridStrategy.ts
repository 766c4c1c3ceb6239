import { isAbortError } from '../../common/abort';
import { JarvisError, errorMessage } from '../../common/errors';
import { addCost } from '../llm/pricing/PricingTable';
import { PrivacyGuard, type PrivacyAttachment, type PrivacyScanInput } from '../security/PrivacyGuard';
import type { QualityScore } from './quality/QualityScore';
import { validateQuality } from './quality/validateQuality';
import { agentSignals, withAgentSignals } from './complexity/agentComplexity';
import { analyzeComplexity } from './complexity/analyzeComplexity';
import type { BudgetGovernor } from './BudgetGovernor';
import { candidateKey, type Candidate } from './Candidate';
import { LocalShareWindow } from './LocalShareWindow';
import { describeAttempt, type Attempt } from './Attempt';
import type { Refusal, RouteResult, Router } from './Router';
import { TaskComplexity, tierName } from './complexity/TaskComplexity';
import type { QualityValidator } from './quality/QualityValidator';
import type { ComplexityAssessor } from './complexity/ComplexityAssessor';
import type { HybridRequest } from './HybridRequest';
import type { HybridChunk, HybridDecision } from './HybridResult';

export type { QualityValidator } from './quality/QualityValidator';
export type { ComplexityAssessor } from './complexity/ComplexityAssessor';
export type { AgentRouting, HybridRequest, Placement } from './HybridRequest';
export type { HybridChunk, HybridDecision, HybridResult } from './HybridResult';

export interface HybridOptions {
  router: Router;
  /** Target share of answers computed locally, over the window. @default 0.8 */
  localRatio?: number;
  /** Local answers scoring below this are escalated to the cloud. @default 0.7 */
  qualityThreshold?: number;
  /** Decisions the local share is measured over. @default 100 */
  windowSize?: number;
  /** Without one, cloud spend is not capped. */
  budget?: BudgetGovernor;
  /** @default new PrivacyGuard() */
  privacy?: PrivacyGuard;
  /** @default the heuristic validateQuality */
  validate?: QualityValidator;
  /**
   * Judges each request's complexity. @default the rules analyzer (analyzeComplexity). The learned
   * ComplexityClassifier also calibrates medium-tier steering to localRatio.
   */
  complexity?: ComplexityAssessor;
  /** Told when a local answer is escalated: evidence that requests like it are harder than they looked. */
  onEscalated?: (prompt: string) => void;
}

const LOCAL_ASKED: Refusal = { code: 'no-model-available', message: 'you asked for a local answer (/local)' };

/**
 * The 80/20 policy. Trivial and low requests run locally, high and critical in the cloud; medium
 * requests go wherever keeps the recent local share at `localRatio` (lowered as the budget runs
 * out). Weak local answers are escalated to the cloud; secrets never leave the machine.
 */
export class HybridStrategy {
  private readonly router: Router;
  private readonly localRatio: number;
  private readonly threshold: number;
  private readonly window: LocalShareWindow;
  private readonly budget: BudgetGovernor | undefined;
  private readonly privacy: PrivacyGuard;
  private readonly validate: QualityValidator;
  private readonly assessor: ComplexityAssessor;
  private readonly onEscalated: ((prompt: string) => void) | undefined;

  constructor(options: HybridOptions) {
    if (!options?.router) throw new JarvisError('invalid-input', 'HybridStrategy needs { router }.');
    this.router = options.router;
    this.localRatio = fraction(options.localRatio, 0.8, 'localRatio');
    this.threshold = fraction(options.qualityThreshold, 0.7, 'qualityThreshold');
    this.window = new LocalShareWindow(options.windowSize ?? 100);
    this.budget = options.budget;
    this.privacy = options.privacy ?? new PrivacyGuard();
    this.validate = options.validate ?? ((answer, ctx) => validateQuality(answer, ctx));
    this.assessor = options.complexity ?? { assess: analyzeComplexity };
    this.onEscalated = options.onEscalated;
  }

  /** Local share over the window; undefined before the first answer. */
  localShare(): number | undefined {
    return this.window.localShare();
  }

  /** Where this request should run, and why. Pure apart from reading the window and budget. */
  decide(request: HybridRequest): HybridDecision {
    if (request === null || typeof request !== 'object' || typeof request.prompt !== 'string') {
      throw new JarvisError('invalid-input', 'A hybrid request needs { prompt: string }.');
    }
    const analysed = this.assessor.assess({ ...request.context, prompt: request.prompt }, request.complexity);
    const complexity = request.agent ? withAgentSignals(analysed, agentSignals(request.messages ?? [], request.agent.tools.length)) : analysed;
    const privacy = request.privacy ?? this.privacy.scan(this.privacyScanInput(request));
    const budget = this.budget?.check(request.budgetOverride);
    const cloudBlocked = budget && !budget.ok ? { code: budget.error.code, message: budget.error.message } : undefined;
    const budgetState = this.budget?.snapshot(request.budgetOverride === true);
    const level = complexity.level;
    const requested = request.placement ?? 'auto';
    const decision = (placement: 'local' | 'cloud', why: string): HybridDecision => ({
      complexity,
      requested,
      placement,
      why,
      privacy,
      cloudBlocked,
      ...(budgetState ? { budget: budgetState } : {}),
    });

    if (requested === 'local') return { ...decision('local', LOCAL_ASKED.message), cloudBlocked: LOCAL_ASKED };
    if (requested === 'cloud') return decision('cloud', 'you asked for the cloud (/cloud)');
    if (privacy.localOnly) return decision('local', 'sensitive content: kept on this machine');
    const pinned = request.agent?.first;
    if (pinned) {
      // An agent loop stays on the model its conversation started with, unless the step needs more
      // (a local pin meets a high tier: escalate) or the cloud is closed (budget: go local).
      const local = this.router.isLocal(pinned);
      if (local ? level < TaskComplexity.HIGH : !cloudBlocked)
        return decision(local ? 'local' : 'cloud', `agent conversation stays on ${candidateKey(pinned)}`);
    }
    if (level <= TaskComplexity.LOW) return decision('local', `${tierName(level)} tier runs locally`);
    if (level >= TaskComplexity.HIGH) return decision('cloud', `${tierName(level)} tier runs in the cloud`);
    if (cloudBlocked) return decision('local', 'cloud budget reached');
    const factor = request.budgetOverride ? 1 : (this.budget?.cloudShareFactor() ?? 1);
    const target = 1 - (1 - this.localRatio) * factor;
    const share = this.window.localShare();
    const pct = (n: number) => `${Math.round(n * 100)}%`;
    const status = `medium tier: local share ${share === undefined ? 'n/a' : pct(share)}, target ${pct(target)}${factor < 1 ? ` (lowered from ${pct(this.localRatio)} as the budget runs out)` : ''}`;
    const calibrated = complexity.cloudScore === undefined ? undefined : this.assessor.mediumCloudThreshold?.(target);
    if (calibrated !== undefined && complexity.cloudScore !== undefined) {
      // The classifier's own odds decide: the medium requests most likely to be hard go to the cloud first.
      // The threshold is calibrated for the target on a typical traffic mix; the window's drift from the
      // target moves it (a share 10 points under target raises it by half), so real traffic lands there too.
      const drift = share === undefined ? 0 : Math.max(-0.25, Math.min(0.25, target - share));
      const threshold = Math.min(1, calibrated * Math.exp(4 * drift));
      const local = complexity.cloudScore < threshold;
      return decision(
        local ? 'local' : 'cloud',
        `${status}; P(≥high) ${complexity.cloudScore.toFixed(2)} ${local ? '<' : '≥'} ${threshold.toFixed(2)} → ${local ? 'local' : 'cloud'}`,
      );
    }
    // Rules only (no probabilities): pick whichever answer leaves the window's share nearest the target
    // (ties go local: it is free).
    const local = Math.abs(this.window.shareIf(true) - target) <= Math.abs(this.window.shareIf(false) - target);
    return decision(local ? 'local' : 'cloud', `${status} → ${local ? 'local' : 'cloud'}`);
  }

  /**
   * Runs the request where `decision` says (made by {@link decide} for this same request, once:
   * callers that need the decision first pass it in rather than deciding again).
   */
  async *execute(request: HybridRequest, decision: HybridDecision = this.decide(request)): AsyncGenerator<HybridChunk, void, undefined> {
    const explicit = decision.requested !== 'auto';
    if (decision.requested === 'cloud' && !decision.privacy.localOnly && decision.cloudBlocked && !request.budgetOverride) {
      // The user explicitly asked for the cloud: say the budget stops it, with the override, rather than answer locally.
      throw new JarvisError('budget-exceeded', decision.cloudBlocked.message);
    }
    yield { type: 'decision', decision };
    const warnings: string[] = [];
    const warn = (message: string): HybridChunk => {
      warnings.push(message);
      return { type: 'warning', message };
    };
    if (decision.privacy.localOnly && decision.requested === 'cloud') {
      yield warn(`Kept on this machine although you asked for the cloud (/cloud): ${decision.privacy.reasons.join('; ')}.`);
    } else if (decision.privacy.localOnly && decision.requested === 'auto') {
      yield warn(`Kept on this machine, nothing sent to the cloud: ${decision.privacy.reasons.join('; ')}.`);
    }

    const base = {
      tier: decision.complexity.level,
      messages: request.messages ?? [{ role: 'user' as const, content: request.prompt }],
      privacy: decision.privacy,
      // /cloud got here only with the budget open (or overridden): nothing blocks its cloud candidates.
      cloudBlocked: decision.requested === 'cloud' ? undefined : decision.cloudBlocked,
      temperature: request.temperature,
      maxTokens: request.maxTokens,
      signal: request.signal,
      inputTokens: request.inputTokens,
      // The pin leads only while the decision stays on its side: an escalated step starts afresh.
      only: request.only,
      ...(request.agent ? { tools: request.agent.tools, toolMode: request.agent.toolMode, first: this.pinFor(request.agent.first, decision) } : {}),
    };
    // An agent that offered tools acts on the first answer it gets, so one that may still be replaced
    // is held back until it has passed the quality check: it receives exactly one answer. A tool-less
    // request (a plain Ask-mode chat) streams like @jarvis; an escalation follows it with a note.
    const hold =
      request.agent !== undefined &&
      actsOnAnswers(request) &&
      request.only === undefined &&
      !explicit &&
      decision.placement === 'local' &&
      !decision.privacy.localOnly &&
      !decision.cloudBlocked;
    const held: HybridChunk[] = [];
    let first: RouteResult | undefined;
    for await (const c of this.router.executeWithFallback({ ...base, prefer: decision.placement })) {
      if (c.type === 'done') {
        first = c.result;
        continue;
      }
      if (hold && (c.type === 'text' || c.type === 'toolCall' || c.type === 'model')) held.push(c);
      else yield c;
      if (c.type === 'model' && c.local && decision.placement === 'cloud') {
        if (decision.requested === 'cloud' && !decision.privacy.localOnly) {
          yield warn(`Answered locally by ${c.model}: no cloud model was available (${this.cloudFailures(c.attempts)}).`);
        } else if (decision.requested === 'auto' && decision.complexity.level >= TaskComplexity.HIGH) {
          // Only high/critical promise a cloud-grade answer; a medium request falling back locally is routine.
          yield warn(this.degraded(decision, c.model, c.attempts));
        }
      }
    }
    if (!first) throw new JarvisError('invalid-response', 'The router ended without an answer.');

    let final = first;
    let quality: QualityScore | undefined;
    let escalatedFrom: RouteResult | undefined;
    let explanation: string | undefined;
    // The user chose the placement: their answer is neither graded nor replaced.
    // A tool call is a complete answer without prose: it is not graded as text.
    if (first.local && !explicit && first.toolCalls.length === 0 && request.only === undefined) {
      const cloudAllowed = !decision.privacy.localOnly && !decision.cloudBlocked && decision.placement !== 'cloud';
      quality = await this.validate(first.text, {
        question: request.prompt,
        finishReason: first.finishReason,
        expectedCriteria: request.expectedCriteria,
        signal: request.signal,
        languages: request.languages,
        threshold: this.threshold,
        cloudAllowed,
        codeViaTools: request.agent !== undefined && (request.messages ?? []).some((m) => (m.toolCalls?.length ?? 0) > 0),
      });
      if (quality.judge) yield { type: 'judged', judge: quality.judge };
      if (quality.score < this.threshold) {
        const note = quality.note ?? quality.reasons[0] ?? 'low score';
        const low = `local answer scored ${quality.score.toFixed(2)} < ${this.threshold.toFixed(2)}: ${note}`;
        if (decision.privacy.localOnly) yield warn(`${low}; not escalated: this request must stay on this machine`);
        else if (decision.cloudBlocked) yield warn(`${low}; not escalated: ${decision.cloudBlocked.message}`);
        else if (decision.placement === 'cloud') yield warn(`${low}; not escalated: no cloud model was available`);
        else {
          try {
            for await (const c of this.router.executeWithFallback({ ...base, prefer: 'cloud', localBlocked: 'escalation needs a cloud model' })) {
              if (c.type === 'model') {
                explanation = `${low} → escalated to ${c.model}`;
                this.onEscalated?.(request.prompt);
                held.length = 0; // the replaced local answer is never shown to an agent
                yield { type: 'escalated', explanation, score: quality.score, reasons: quality.reasons, note };
                yield c;
              } else if (c.type === 'text' || c.type === 'toolCall') {
                yield c;
              } else {
                escalatedFrom = first;
                final = c.result;
              }
            }
          } catch (e) {
            // Once cloud text has streamed, its failure is what the user is looking at: report it.
            if (isAbortError(e) || explanation !== undefined) throw e;
            yield warn(`${low}; escalation failed (${errorMessage(e)}); kept the local answer`);
          }
        }
      }
    }

    yield* held;
    // The local share measures the policy's own choices; an explicit /local or /cloud is not one.
    if (!explicit) this.window.record(final.local);
    if (!final.local) this.budget?.record(final.cost);
    // A cloud judge is part of what this answer cost (the budget counted it when it was asked).
    const judge = quality?.judge && !quality.judge.local ? quality.judge : undefined;
    const cost = judge ? addCost(final.local ? { usd: 0 } : final.cost, judge.cost) : final.cost;
    yield {
      type: 'done',
      result: { ...final, cost, ...(judge ? { judgeCost: judge.cost } : {}), decision, quality, escalatedFrom, explanation, warnings },
    };
  }

  private pinFor(pin: Candidate | undefined, decision: HybridDecision): Candidate | undefined {
    return pin && this.router.isLocal(pin) === (decision.placement === 'local') ? pin : undefined;
  }

  /** Everything of this request that would go to a model, as the privacy guard scans it. */
  privacyScanInput(request: HybridRequest): PrivacyScanInput {
    return { prompt: request.prompt, attachments: this.privacyAttachments(request) };
  }

  private privacyAttachments(request: HybridRequest): PrivacyAttachment[] {
    const out: PrivacyAttachment[] = [...(request.attachments ?? [])];
    if (request.context?.attachedCode) out.push({ label: 'attached code', content: request.context.attachedCode });
    // Earlier turns go to the model too: a key pasted three messages ago would leave with this one.
    for (const [i, m] of (request.messages ?? []).entries()) {
      if (m && typeof m.content === 'string' && m.content !== request.prompt) out.push({ label: `message ${i + 1} (${m.role})`, content: m.content });
      // What tools read (a .env file, a terminal) goes to the model too, as do the inputs of calls.
      for (const r of m?.toolResults ?? []) out.push({ label: `tool result in message ${i + 1}`, content: r.content });
      for (const c of m?.toolCalls ?? []) out.push({ label: `input of ${c.name} in message ${i + 1}`, content: JSON.stringify(c.input) });
    }
    return out;
  }

  /** Why no cloud candidate answered, from the attempts so far. */
  private cloudFailures(attempts: Attempt[]): string {
    return (
      attempts
        .filter((a) => !this.router.isLocal(a.candidate))
        .map((a) => `${candidateKey(a.candidate)}: ${describeAttempt(a)}`)
        .join('; ') || 'no cloud model is configured'
    );
  }

  private degraded(decision: HybridDecision, model: string, attempts: Attempt[]): string {
    const why = decision.cloudBlocked ? decision.cloudBlocked.message : this.cloudFailures(attempts);
    const tier = tierName(decision.complexity.level);
    return `${tier[0].toUpperCase()}${tier.slice(1)} request answered by the local model ${model} because no cloud model was available (${why}). Check this answer carefully.`;
  }
}

/** An agent request that offers tools or continues a tool loop: its consumer acts on what it receives. */
function actsOnAnswers(request: HybridRequest): boolean {
  return (request.agent?.tools.length ?? 0) > 0 || (request.messages ?? []).some((m) => (m.toolCalls?.length ?? 0) > 0 || (m.toolResults?.length ?? 0) > 0);
}

function fraction(v: unknown, def: number, name: string): number {
  if (v === undefined) return def;
  if (typeof v !== 'number' || !(v >= 0 && v <= 1)) {
    throw new JarvisError('invalid-input', `${name} must be a number from 0 to 1 (got ${JSON.stringify(v)}).`);
  }
  return v;
}
