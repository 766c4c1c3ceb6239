import * as assert from 'node:assert/strict';
import { assertJarvisError } from '../../helpers/assertJarvisError';
import { inferMemoryType, memoryTypeFromWord, parseMemoryText } from '../../../../src/core/memory/retrieval/inferMemoryType';
import { formatAge, memoryTitle } from '../../../../src/core/memory/retrieval/describeMemory';

describe('memory type inference (/remember)', () => {
  it('uses a type the user names before a colon, in any common spelling', () => {
    assert.deepEqual(parseMemoryText('decision: Use PostgreSQL for prod'), { type: 'decision', text: 'Use PostgreSQL for prod', explicit: true });
    assert.equal(parseMemoryText('action item: update the docs').type, 'action_item');
    assert.equal(parseMemoryText('TODO: rotate keys').type, 'action_item');
    assert.equal(parseMemoryText('error_pattern: ECONNRESET when Redis restarts').type, 'error_pattern');
    assert.equal(parseMemoryText('Insight:  caching halves p95').text, 'caching halves p95');
    assert.equal(memoryTypeFromWord('meeting summary'), 'meeting_summary');
    assert.equal(memoryTypeFromWord('banana'), undefined);
  });

  it('infers the type from the wording when none is named', () => {
    const cases: [string, string][] = [
      ['We decided to use PostgreSQL for production', 'decision'],
      ['Need to update the API docs by Friday', 'action_item'],
      ['I prefer small pull requests', 'preference'],
      ['The build fails with ENOSPC when the cache is full', 'error_pattern'],
      ['Turns out the slow part was JSON parsing', 'insight'],
      ['Standup: the team will demo on Thursday', 'meeting_summary'],
      ['The staging server runs Ubuntu 22.04', 'observation'],
    ];
    for (const [text, type] of cases) {
      assert.equal(inferMemoryType(text), type, text);
      assert.deepEqual(parseMemoryText(text), { type, text, explicit: false });
    }
  });

  it('keeps a colon that is not a type prefix as part of the text', () => {
    const p = parseMemoryText('Staging URL: https://staging.example.com');
    assert.equal(p.explicit, false);
    assert.equal(p.text, 'Staging URL: https://staging.example.com');
  });

  it('refuses empty and over-long input with an example of what to type', async () => {
    assert.match((await assertJarvisError(async () => parseMemoryText('   '), 'invalid-input')).message, /\/remember decision:/);
    assert.match((await assertJarvisError(async () => parseMemoryText('decision:   '), 'invalid-input')).message, /after the colon/);
    assert.match((await assertJarvisError(async () => parseMemoryText('x'.repeat(8001)), 'invalid-input')).message, /at most 8000/);
  });

  it('titles memories with type, snippet and age', () => {
    const now = Date.UTC(2025, 0, 10);
    const record = {
      id: '1',
      type: 'decision' as const,
      text: 'Use PostgreSQL\nfor prod',
      metadata: { importance: 'medium' as const, createdAt: now - 2 * 86_400_000, updatedAt: now },
    };
    assert.equal(memoryTitle(record, now), 'decision: Use PostgreSQL for prod (2 days ago)');
    assert.equal(formatAge(30_000), 'just now');
    assert.equal(formatAge(-5), 'just now');
    assert.equal(formatAge(3 * 3_600_000), '3 hours ago');
  });
});
