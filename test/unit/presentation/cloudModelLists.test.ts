import * as assert from 'node:assert/strict';
import { JarvisError } from '../../../src/common/errors';
import { describeListState, formatAge, unlistedWarning } from '../../../src/core/presentation/formatCloudModelLists';
import { formatRoutingStatus } from '../../../src/core/presentation/formatRoutingStatus';

const T0 = Date.parse('2026-12-01T09:00:00Z');
const time = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
const list = {
  provider: 'openai' as const,
  baseUrl: 'https://api.openai.com/v1',
  fetchedAt: T0,
  models: [
    { id: 'gpt-4o', chat: true },
    { id: 'tts-1', chat: false },
  ],
  rejected: 0,
  complete: true,
};

describe('cloud model lists as the user reads them', () => {
  it("the list's age", () => {
    assert.equal(formatAge(T0, T0 + 20_000), 'just now');
    assert.equal(formatAge(T0, T0 + 5 * 60_000), '5 minutes ago');
    assert.equal(formatAge(T0, T0 + 3 * 3_600_000), '3 hours ago');
    assert.equal(formatAge(T0, T0 + 3 * 86_400_000), '3 days ago');
  });

  it('a fresh list, a failed refresh over a cached one, no key, never fetched', () => {
    assert.equal(
      describeListState({ provider: 'openai', list, refreshing: false }, true, T0 + 3_600_000, time),
      'OpenAI: 1 chat model (of 2 listed), fetched 2026-12-01 09:00 (1 hour ago)',
    );
    const failed = new JarvisError('provider-unreachable', 'Cannot reach OpenAI at https://api.openai.com/v1: fetch failed.');
    assert.equal(
      describeListState(
        { provider: 'openai', list, lastError: { message: failed.message, code: failed.code, at: T0 + 86_400_000 }, refreshing: false },
        true,
        T0 + 86_400_000,
        time,
      ),
      'OpenAI: 1 chat model (of 2 listed), fetched 2026-12-01 09:00 (24 hours ago); the last refresh (2026-12-02 09:00) failed: Cannot reach OpenAI at https://api.openai.com/v1: fetch failed. Showing the list cached from 2026-12-01 09:00.',
    );
    assert.equal(
      describeListState({ provider: 'anthropic', refreshing: false }, false, T0, time),
      'Anthropic: no API key, so no list (run Jarvis: Set Anthropic API Key)',
    );
    assert.equal(
      describeListState({ provider: 'anthropic', refreshing: true }, true, T0, time),
      'Anthropic: not fetched yet (run Jarvis: Refresh Cloud Model Lists); refreshing now',
    );
  });

  it('one warning for one model, one sentence for several', () => {
    const u = { provider: 'openai' as const, model: 'gpt-4o', tiers: ['high', 'critical'], listFetchedAt: T0 };
    assert.equal(
      unlistedWarning([u], time),
      'Jarvis: OpenAI no longer lists gpt-4o (used in the high and critical tiers; list from 2026-12-01 09:00). Requests to it fail and fall back to the next model of the tier.',
    );
    assert.match(
      unlistedWarning([u, { ...u, provider: 'anthropic', model: 'claude-opus-4-0', tiers: ['critical'] }], time),
      /^Jarvis: 2 configured cloud models .*: openai:gpt-4o \(high, critical\), anthropic:claude-opus-4-0 \(critical\)\./,
    );
  });

  it('the routing status page escapes a listed name and adds the warning with its fix', () => {
    const md = formatRoutingStatus({
      spend: { todayUsd: 0, monthUsd: 0, dailyBudgetUsd: 5, monthlyBudgetUsd: 50, localShare: 1, unknownCostCalls: 0 } as never,
      circuits: [],
      keys: { openai: true, anthropic: false },
      ollama: 'running',
      vscodeModels: { enabled: false, models: [] },
      generatedAt: 'now',
      cloudModels: { lists: ['OpenAI: 1 chat model <b>|x|</b>'], unlisted: ['OpenAI no longer lists gpt_4o*.'] },
    });
    assert.match(md, /## Cloud model lists\n\n- OpenAI: 1 chat model \\<b\\>\\\|x\\\|\\<\/b\\>/);
    assert.match(md, /\*\*Warning:\*\* OpenAI no longer lists gpt\\_4o\\\*\. Run \*\*Jarvis: Choose Cloud Model…\*\* to pick a listed one\./);
  });
});
