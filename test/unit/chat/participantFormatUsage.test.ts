import * as assert from 'node:assert/strict';
import type { ChatChunk } from '../../../src/core/chat/ChatChunk';
import { formatCost, formatUsage } from '../../../src/core/chat/formatUsage';

const done: Extract<ChatChunk, { type: 'done' }> = {
  type: 'done',
  model: 'llama3',
  usage: { inputTokens: 12, outputTokens: 48 },
  durationMs: 1300,
  truncated: false,
};

describe('formatUsage (the footer under answers in both front ends)', () => {
  it('model · where · tokens · cost · latency', () => {
    assert.equal(formatUsage(done), 'llama3 · local · 12 → 48 tokens · free (local) · 1.3 s');
    assert.equal(
      formatUsage({ ...done, model: 'gpt-4o', local: false, cost: { usd: 0.0012 }, durationMs: 850 }),
      'gpt-4o · cloud · 12 → 48 tokens · $0.0012 · 850 ms',
    );
  });

  it('adds first-token time, cache and cut-off when known', () => {
    assert.equal(
      formatUsage({ ...done, ttftMs: 240, cached: true, truncated: true }),
      'llama3 · local · 12 → 48 tokens · 1.3 s (first token 240 ms) · from cache · cut off at the length limit',
    );
  });

  it('done.local wins over the default; an explicit argument wins over both', () => {
    assert.match(formatUsage({ ...done, local: false }), /· cloud · .* · cost unknown ·/);
    assert.match(formatUsage({ ...done, local: true }, false), /· cloud ·/);
  });
});

describe('formatCost', () => {
  it('never shows an unknown price as $0', () => {
    assert.equal(formatCost(undefined, false), 'cost unknown');
    assert.equal(formatCost({ unknown: true }, false), 'cost unknown');
    assert.equal(formatCost({ usd: Number.NaN }, false), 'cost unknown');
    assert.equal(formatCost({ usd: -1 }, false), 'cost unknown');
  });

  it('formats dollars for the size of the amount', () => {
    assert.equal(formatCost({ usd: 0.0012 }, false), '$0.0012');
    assert.equal(formatCost({ usd: 0.00001 }, false), '< $0.0001');
    assert.equal(formatCost({ usd: 2.5 }, false), '$2.50');
    assert.equal(formatCost({ usd: 0 }, false), '$0.00');
  });

  it('local answers are free; a cached answer without a price says nothing', () => {
    assert.equal(formatCost(undefined, true), 'free (local)');
    assert.equal(formatCost({ usd: 0 }, true), 'free (local)');
    assert.equal(formatCost(undefined, false, true), undefined);
  });
});
