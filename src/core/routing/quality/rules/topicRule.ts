import type { QualityRule } from '../QualityRule';
import { keyTerms, stem } from './keyTerms';

/**
 * Off-topic answers (asked about CORS in FastAPI, told the history of Python): the share of the
 * question's key terms the answer mentions at all. Only long enough answers to questions with enough
 * terms are judged: a one-word answer ("5432.") to a short question is not off-topic.
 */
export const topicRule: QualityRule = {
  name: 'topic',
  check({ question, answer }) {
    const terms = keyTerms(question);
    if (terms.length < 3) return undefined;
    const words =
      answer.text
        .slice(0, 20000)
        .toLowerCase()
        .match(/[\p{L}\p{N}_$#+]+/gu) ?? [];
    if (words.length < 25) return undefined;
    const present = new Set(words.map(stem));
    const textLower = answer.text.slice(0, 20000).toLowerCase();
    const found = terms.filter((t) => present.has(stem(t)) || (t.length >= 4 && textLower.includes(t))).length;
    const overlap = found / terms.length;
    if (overlap > 0.2) return undefined;
    const severity = found === 0 ? 1 : 0.6;
    return {
      rule: 'topic',
      severity,
      reason: `does not address the question (mentions ${found} of its ${terms.length} key terms)`,
      note: 'does not address the question',
    };
  },
};
