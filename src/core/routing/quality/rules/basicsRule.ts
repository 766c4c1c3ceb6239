import { validateQuality } from '../validateQuality';
import type { QualityRule } from '../QualityRule';

/**
 * The original heuristic checks (refusal, token-limit cut-off, unbalanced fences, JavaScript and JSON
 * that do not parse, missing expected terms), as one rule: its severity is how far validateQuality's
 * score falls below 1.
 */
export const basicsRule: QualityRule = {
  name: 'basics',
  check({ answer, finishReason, expectedCriteria }) {
    const q = validateQuality(answer.text, { finishReason, expectedCriteria });
    if (q.reasons.length === 0) return undefined;
    const note =
      q.reasons[0].startsWith('truncated') || q.reasons[0].startsWith('unbalanced')
        ? 'is cut off'
        : q.reasons[0] === 'refusal'
          ? 'refuses to answer'
          : q.reasons[0];
    return { rule: 'basics', severity: Math.min(1, 1 - q.score), reason: q.reasons.join('; '), note };
  },
};
