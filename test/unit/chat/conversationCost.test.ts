import { strict as assert } from 'node:assert';
import { addAnswerCost, formatConversationCost, NO_COST } from '../../../src/core/chat/conversationCost';
import { formatUsage } from '../../../src/core/chat/formatUsage';

describe('conversation running total', () => {
  it('adds priced, free local and unpriced answers; says nothing for the first answer', () => {
    let t = addAnswerCost(NO_COST, { usd: 0.0012 }, false);
    assert.equal(formatConversationCost(t), undefined);
    t = addAnswerCost(t, undefined, true);
    assert.equal(formatConversationCost(t), 'conversation $0.0012 over 2 answers');
    t = addAnswerCost(t, { unknown: true }, false);
    t = addAnswerCost(t, undefined, false);
    assert.deepEqual(t, { usd: 0.0012, answers: 4, unpriced: 2 });
    assert.equal(formatConversationCost(t), 'conversation $0.0012 over 4 answers (2 unpriced)');
    assert.equal(formatConversationCost({ usd: 12.5, answers: 9, unpriced: 0 }), 'conversation $12.50 over 9 answers');
    assert.equal(formatConversationCost({ usd: 0, answers: 3, unpriced: 0 }), 'conversation $0.00 over 3 answers');
  });

  it('formatUsage appends the total last', () => {
    const done = { type: 'done' as const, model: 'llama3', usage: { inputTokens: 1, outputTokens: 2 }, durationMs: 500, truncated: false, local: true };
    assert.equal(formatUsage(done), 'llama3 · local · 1 → 2 tokens · free (local) · 500 ms');
    assert.equal(
      formatUsage(done, true, { usd: 0.5, answers: 3, unpriced: 0 }),
      'llama3 · local · 1 → 2 tokens · free (local) · 500 ms · conversation $0.5000 over 3 answers',
    );
  });
});
