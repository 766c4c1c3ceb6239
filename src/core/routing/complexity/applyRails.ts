import type { ComplexitySignals } from './complexityFeatures';
import { ASK_KINDS } from './stakesRails';
import { TaskComplexity, tierName } from './TaskComplexity';

export interface RailOptions {
  /** Add a level for close reading of big code (the learned path; the rules analyzer sizes code itself). */
  closeReading: boolean;
  analysisLines: number;
  analysisFiles: number;
  /** The model's P(≤ low) and the tuned level at which it overrules a stakes floor (learned path only). */
  veto?: { pLow: number; threshold: number };
  /** The model's P(≥ high), P(= critical) and the tuned levels its high/critical must reach with no stakes sign (learned path only). */
  guard?: { pHigh: number; pCritical: number } & UnrailedGuard;
}

/**
 * How sure the model must be to send a request to the high or critical tier on its own, when no stakes
 * rail holds (no incident, money, security, regulated or hard-reasoning words, or the veto read them as
 * context). Why: on the independently written dev-2 set, the costly mistakes were short, easy asks the
 * model alone put at critical (an SQL query over "customers" and "orders", a find-and-delete command);
 * a request with a stakes sign keeps the plain thresholds. Tuned on dev; absent = no guard.
 */
export interface UnrailedGuard {
  /** Below this P(= critical), an unrailed critical is high. */
  critical?: number;
  /** Below this P(≥ high), an unrailed high or critical is medium (then steered by P(≥ high), usually to the cloud). */
  high?: number;
}

/**
 * The rails on a tier chosen by the model (or the rules fallback), with a reason per rail that fired.
 * One function for the shipped classifier and for training (thresholds are tuned on railed tiers), so
 * the two can never disagree about what a rail does.
 */
export function applyRails(tier: TaskComplexity, s: ComplexitySignals, o: RailOptions): { level: TaskComplexity; reasons: string[] } {
  let level: number = tier;
  const reasons: string[] = [];
  // The veto reads stakes words as context of an easy ask; words that describe the ask itself (a security
  // hole, hard reasoning) are not context, so it never overrules those.
  const vetoed = o.veto !== undefined && s.stakes.length > 0 && !s.plainFact && o.veto.pLow >= o.veto.threshold && !s.stakes.some((m) => ASK_KINDS.has(m.kind));
  const stakes = s.stakes.length > 0 && !s.plainFact && !vetoed;
  if (vetoed && o.veto) {
    reasons.push(
      `rail: ${s.stakes.map((m) => `${m.kind} (“${m.words}”)`).join(', ')} read as context: learned P(≤low) ${o.veto.pLow.toFixed(2)} ≥ ${o.veto.threshold} → no floor`,
    );
  }
  const g = o.guard;
  if (g && !stakes && level >= TaskComplexity.HIGH) {
    const was = level;
    if (level === TaskComplexity.CRITICAL && g.critical !== undefined && g.pCritical < g.critical) level = TaskComplexity.HIGH;
    if (g.high !== undefined && g.pHigh < g.high) level = TaskComplexity.MEDIUM;
    if (level !== was) {
      const [p, at] = level === TaskComplexity.MEDIUM ? [g.pHigh, g.high] : [g.pCritical, g.critical];
      reasons.push(
        `guard: learned ${tierName(was as TaskComplexity)} with no stakes sign, P(${level === TaskComplexity.MEDIUM ? '≥high' : '=critical'}) ${p.toFixed(2)} < ${at} → ${tierName(level as TaskComplexity)}`,
      );
    }
  }
  if (stakes && level < TaskComplexity.HIGH) {
    level = TaskComplexity.HIGH;
    reasons.push(`rail: ${s.stakes.map((m) => `${m.kind} (“${m.words}”)`).join(', ')} → at least high`);
  } else if (stakes) {
    reasons.push(`rail: ${s.stakes.map((m) => m.kind).join(', ')} → kept at ${tierName(level as TaskComplexity)}`);
  }
  if (s.smallTalk && s.stakes.length === 0 && s.codeLines === 0 && level > TaskComplexity.TRIVIAL) {
    level = TaskComplexity.TRIVIAL;
    reasons.push('rail: greeting or thanks → trivial');
  } else if (s.plainFact && s.stakes.length === 0 && level > TaskComplexity.LOW) {
    level = TaskComplexity.LOW;
    reasons.push('rail: plain fact → at most low');
  }
  if (o.closeReading && s.analysis && !s.plainFact && (s.codeLines >= o.analysisLines || s.fileCount >= o.analysisFiles) && level < TaskComplexity.CRITICAL) {
    level += 1;
    reasons.push(`rail: close reading of ${s.codeLines >= o.analysisLines ? `${s.codeLines} lines` : `${s.fileCount} files`} → +1`);
  }
  // The labelling guide's mechanical edits are low whatever the file; a whole-project rename is medium. No
  // model guess of high or critical stands for one (its words, not its work, made it look hard), unless a
  // stakes floor holds: an incident or a live migration around the edit.
  if (s.chore && !stakes && level > TaskComplexity.MEDIUM) {
    level = TaskComplexity.MEDIUM;
    reasons.push('rail: mechanical edit → at most medium');
  } else if ((s.coursework || s.lesson) && !stakes && level > TaskComplexity.MEDIUM) {
    // Medium, not low: such a request the model found hard (P(≥ high) above the steering threshold) still goes
    // to a cloud model, only not to the big ones.
    level = TaskComplexity.MEDIUM;
    reasons.push(`rail: ${s.coursework ? 'coursework exercise' : 'lesson or concept'} → at most medium`);
  }
  return { level: level as TaskComplexity, reasons };
}
