import * as assert from 'node:assert/strict';
import { formatDuration, formatModelBadge, formatModelBadgeTitle } from '../../src/shared/formatModelBadge';

const local = { model: 'llama3', provider: 'ollama', local: true };
const cloud = { model: 'gpt-4o-mini', provider: 'openai', local: false };
const stats = { usage: { inputTokens: 1200, outputTokens: 345 }, durationMs: 2345, truncated: false };

describe('formatModelBadge', () => {
  it('names the model and whether it ran locally while streaming', () => {
    assert.equal(formatModelBadge(local, undefined, 'streaming'), 'llama3 · local');
    assert.equal(formatModelBadge(cloud, undefined, 'streaming'), 'gpt-4o-mini · cloud (openai)');
  });

  it('adds tokens and duration when done', () => {
    assert.equal(formatModelBadge(local, stats, 'done'), 'llama3 · local · 1,545 tokens · 2.3 s');
  });

  it('says when the answer was cut off or stopped', () => {
    assert.equal(formatModelBadge(local, { ...stats, truncated: true }, 'done'), 'llama3 · local · 1,545 tokens · 2.3 s · cut off (length limit)');
    assert.equal(formatModelBadge(local, undefined, 'stopped'), 'llama3 · local · stopped');
  });

  it('is empty when nothing is known yet', () => {
    assert.equal(formatModelBadge(undefined, undefined, 'streaming'), '');
  });

  it('has a tooltip with the token split', () => {
    assert.equal(formatModelBadgeTitle(local, stats), 'Answered on this machine by ollama (llama3)\n1200 prompt tokens, 345 answer tokens');
    assert.equal(formatModelBadgeTitle(cloud, undefined), 'Answered in the cloud by openai (gpt-4o-mini)');
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
