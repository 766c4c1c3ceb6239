import type { Cost } from '../llm/pricing/PricingTable';
import type { BudgetSnapshot } from '../audit/egressRecord';
import type { PrivacyVerdict } from '../security/PrivacyGuard';
import type { ComplexityAssessment } from './complexity/analyzeComplexity';
import type { Placement } from './HybridRequest';
import type { JudgeVerdict } from './quality/judgeAnswer';
import type { QualityScore } from './quality/QualityScore';
import type { Refusal } from './RouteRequest';
import type { RouteChunk, RouteResult } from './RouteResult';

export interface HybridDecision {
  complexity: ComplexityAssessment;
  /** What the request asked for (`auto` unless /local or /cloud). */
  requested: Placement;
  placement: 'local' | 'cloud';
  /** Why local or cloud, for the trace. */
  why: string;
  privacy: PrivacyVerdict;
  cloudBlocked?: Refusal;
  /** The budget when this was decided (absent without a budget): what the ledger records as budget state. */
  budget?: BudgetSnapshot;
}

export interface HybridResult extends RouteResult {
  /** What the answer cost, a cloud quality judge included (see judgeCost). */
  cost: Cost;
  /** The cloud quality judge's share of `cost`, when one was asked. */
  judgeCost?: Cost;
  decision: HybridDecision;
  /** Score of the local answer, when one was checked. */
  quality?: QualityScore;
  /** The local answer that was replaced, when escalated. */
  escalatedFrom?: RouteResult;
  /** e.g. "local answer scored 0.42 < 0.70 → escalated to gpt-4o". */
  explanation?: string;
  warnings: string[];
}

export type HybridChunk =
  | { type: 'decision'; decision: HybridDecision }
  | Exclude<RouteChunk, { type: 'done' }>
  | { type: 'warning'; message: string }
  | { type: 'escalated'; explanation: string; score: number; reasons: string[]; /** "repeats itself" */ note: string }
  | { type: 'judged'; judge: JudgeVerdict }
  | { type: 'done'; result: HybridResult };
