import type { QualityRule } from '../QualityRule';

/** Binary junk: control characters or U+FFFD make up more than 5% of the answer. */
export const junkRule: QualityRule = {
  name: 'junk',
  check({ answer }) {
    if (answer.junkShare <= 0.05) return undefined;
    return { rule: 'junk', severity: 1, reason: `binary junk (${Math.round(answer.junkShare * 100)}% control characters)`, note: 'is garbled (binary junk)' };
  },
};
