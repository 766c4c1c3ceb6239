import * as assert from 'node:assert/strict';
import { formatAnswerFooter, formatDuration, formatModelBadge, formatModelBadgeTitle } from '../../../src/shared/formatModelBadge';

const local = { model: 'llama3', provider: 'ollama', local: true };
const cloud = { model: 'gpt-4o-mini', provider: 'openai', local: false, reason: 'complex question (tier high)' };
const stats = { usage: { inputTokens: 1200, outputTokens: 345 }, durationMs: 2345, truncated: false };

describe('formatModelBadge', () => {
  it('names the model and whether it ran locally', () => {
    assert.equal(formatModelBadge(local, 'streaming'), 'llama3 · local');
    assert.equal(formatModelBadge(cloud, 'done'), 'gpt-4o-mini · cloud (openai)');
  });

  it('says when the answer was stopped', () => {
    assert.equal(formatModelBadge(local, 'stopped'), 'llama3 · local · stopped');
  });

  it('is empty when nothing is known yet', () => {
    assert.equal(formatModelBadge(undefined, 'streaming'), '');
  });

  it('has a tooltip with where, why, and the token split', () => {
    assert.equal(formatModelBadgeTitle(local, stats), 'Answered on this machine by ollama (llama3)\n1200 prompt tokens, 345 answer tokens');
    assert.equal(formatModelBadgeTitle(cloud, undefined), 'Answered in the cloud by openai (gpt-4o-mini)\nWhy: complex question (tier high)');
  });
});

describe('formatAnswerFooter', () => {
  it("shows the host's usage line when there is one", () => {
    assert.equal(
      formatAnswerFooter({ ...stats, footer: 'llama3 · local · 1200 → 345 tokens · free (local) · 2.3 s' }),
      'llama3 · local · 1200 → 345 tokens · free (local) · 2.3 s',
    );
  });

  it('falls back to tokens and time for transcripts saved without it', () => {
    assert.equal(formatAnswerFooter(stats), '1,545 tokens · 2.3 s');
    assert.equal(formatAnswerFooter({ ...stats, truncated: true, cached: true }), '1,545 tokens · 2.3 s · from cache · cut off (length limit)');
    assert.equal(formatAnswerFooter(undefined), '');
  });
});

describe('formatDuration', () => {
  it('uses ms, seconds or minutes as fits', () => {
    assert.equal(formatDuration(0), '0 ms');
    assert.equal(formatDuration(999.4), '999 ms');
    assert.equal(formatDuration(1000), '1.0 s');
    assert.equal(formatDuration(61_000), '1 min 1 s');
    assert.equal(formatDuration(119_999), '2 min 0 s');
  });

  it('prints nothing for impossible durations', () => {
    assert.equal(formatDuration(-1), '');
    assert.equal(formatDuration(Number.NaN), '');
  });
});
