import type { Clock } from '../../../common/Clock';
import type { QualityJudgeSetting } from '../../config/settings';
import type { Cost } from '../../llm/pricing/PricingTable';
import type { LlmProvider, TokenUsage } from '../../llm/types';
import type { Timer } from '../../resilience/Timer';
import type { QualityValidator } from './QualityValidator';
import { judgeAnswer } from './judgeAnswer';
import type { QualityGate } from './QualityGate';

export interface JudgeModel {
  provider: LlmProvider;
  model: string;
}

export interface GateValidatorOptions {
  gate: QualityGate;
  mode: QualityJudgeSetting;
  /** The judge for `rules+local` (the configured Ollama model). */
  localJudge?: () => JudgeModel | undefined;
  /** The judge for `rules+cloud` (the cheapest allowed cloud model). */
  cloudJudge?: () => JudgeModel | undefined;
  /**
   * The privacy mode applied to what a cloud judge would receive: the texts to send (redacted when
   * the mode redacts), or undefined when a secret keeps them on this machine. Without it nothing is
   * checked beyond `cloudAllowed`.
   */
  cloudContent?: (question: string, answer: string) => { question: string; answer: string } | undefined;
  price: (model: string, usage: TokenUsage) => Cost;
  /** Counts a cloud judge's cost against the budget. */
  recordCost: (cost: Cost) => void;
  clock: Clock;
  timer?: Timer;
  timeoutMs?: number;
}

/**
 * The validator HybridStrategy calls on every local answer: the rules, then — only when they are
 * unsure and a judge is configured — the model judge. A cloud judge is asked only when the request
 * may reach the cloud at all (privacy, budget); its verdict moves the score across the threshold
 * (bad → just below it, good → at it), and an `unknown` verdict leaves the rules' score alone.
 */
export function gateValidator(o: GateValidatorOptions): QualityValidator {
  return async (answer, ctx) => {
    const verdict = await o.gate.assess({
      question: ctx.question,
      answer,
      finishReason: ctx.finishReason,
      expectedCriteria: ctx.expectedCriteria,
      context: ctx.languages,
      threshold: ctx.threshold,
      codeViaTools: ctx.codeViaTools,
    });
    const base = { score: verdict.score, reasons: verdict.reasons, ...(verdict.note ? { note: verdict.note } : {}) };
    if (!verdict.unsure || o.mode === 'rules') return base;
    const judge = o.mode === 'rules+cloud' ? (ctx.cloudAllowed ? o.cloudJudge?.() : undefined) : o.localJudge?.();
    if (!judge) return base;
    // The local answer may quote what the question did not show (a key from an attached file): it is
    // scanned like any cloud-bound text, and a secret the mode does not redact keeps the judge away.
    const content = judge.provider.local || !o.cloudContent ? { question: ctx.question, answer } : o.cloudContent(ctx.question, answer);
    if (!content) return { ...base, reasons: [...verdict.reasons, 'cloud judge not asked: the answer holds a secret that stays on this machine'] };
    const j = await judgeAnswer({
      provider: judge.provider,
      model: judge.model,
      question: content.question,
      answer: content.answer,
      ruleNotes: verdict.reasons,
      price: o.price,
      clock: o.clock,
      timer: o.timer,
      timeoutMs: o.timeoutMs,
      signal: ctx.signal,
    });
    if (!judge.provider.local) o.recordCost(j.cost);
    const said = `judge ${j.model}: ${j.verdict === 'unknown' ? j.reason : `${j.verdict} — ${j.reason}`}`;
    if (j.verdict === 'bad')
      return {
        score: Math.min(verdict.score, Math.max(0, Math.round((ctx.threshold - 0.05) * 100) / 100)),
        reasons: [...verdict.reasons, said],
        note: verdict.note ?? `judge: ${j.reason}`,
        judge: j,
      };
    if (j.verdict === 'good') return { ...base, score: Math.max(verdict.score, ctx.threshold), reasons: [...verdict.reasons, said], judge: j };
    return { ...base, reasons: [...verdict.reasons, said], judge: j };
  };
}
