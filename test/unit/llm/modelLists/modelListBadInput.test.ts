import * as assert from 'node:assert/strict';
import { FAILURE_BACKOFF_MS, type RefreshOutcome } from '../../../../src/core/llm/modelLists/CloudModelLists';
import { MAX_MODELS } from '../../../../src/core/llm/modelLists/collectPages';
import { ANTHROPIC_KEY, HOUR, type ListsRig, OPENAI_KEY, startRig } from './modelListsSetup';

function failed(o: RefreshOutcome): Extract<RefreshOutcome, { status: 'failed' }> {
  assert.equal(o.status, 'failed', JSON.stringify(o));
  return o as Extract<RefreshOutcome, { status: 'failed' }>;
}

describe('CloudModelLists: bad answers from GET /v1/models', () => {
  let rig: ListsRig;
  afterEach(async () => rig?.close());

  /** A first good list, so each failure below must keep it. */
  async function withCachedList(): Promise<void> {
    rig = await startRig();
    rig.openai.configure({ listedModels: ['gpt-4o', 'gpt-4o-mini'] });
    assert.equal((await rig.lists.refresh('openai')).status, 'updated');
  }

  it('401: says the key was rejected and how to fix it, keeps the cached list, no retry, no key in any log line', async () => {
    await withCachedList();
    rig.openai.configure({ apiKey: 'another-key-entirely', echoKeyInErrors: true });
    const f = failed(await rig.lists.refresh('openai'));
    assert.equal(f.error.code, 'auth-failed');
    assert.match(f.error.message, /OpenAI rejected the API key \(401\)\. Run "Jarvis: Set OpenAI API Key"/);
    assert.equal(f.cached?.models.length, 2);
    assert.equal(rig.lists.state('openai').list?.models.length, 2);
    assert.equal(rig.listCalls('openai'), 2, 'one request for the refresh: no SDK retries');
    // The background does not ask again with a key that was refused, even days later.
    rig.clock.advance(72 * HOUR);
    assert.deepEqual(await rig.lists.refresh('openai', 'background'), { provider: 'openai', status: 'skipped', why: 'backoff' });
    assert.equal(rig.listCalls('openai'), 2);
    const everything = [...rig.logs, f.error.message, JSON.stringify(f.error.details), String((f.error.details.cause as Error)?.message)].join('\n');
    assert.ok(!everything.includes(OPENAI_KEY), 'the key must not reach a log line or the error');
    assert.ok(!everything.includes(ANTHROPIC_KEY));
  });

  it('429 with Retry-After: rate-limited, one request, the background waits the longer of an hour and Retry-After', async () => {
    await withCachedList();
    rig.openai.configure({ failNext: 1, failStatus: 429, retryAfter: '7200' });
    const f = failed(await rig.lists.refresh('openai'));
    assert.equal(f.error.code, 'rate-limited');
    assert.match(f.error.message, /rate-limiting requests \(429\)\. Retry in 7200 s/);
    assert.equal(rig.listCalls('openai'), 2);
    rig.clock.advance(FAILURE_BACKOFF_MS + 1);
    assert.deepEqual(await rig.lists.refresh('openai', 'background'), { provider: 'openai', status: 'skipped', why: 'backoff' });
    rig.clock.advance(2 * HOUR);
    // Past Retry-After, but the cached list is still fresh (fetched ~3 h ago): nothing to do yet.
    assert.deepEqual(await rig.lists.refresh('openai', 'background'), { provider: 'openai', status: 'skipped', why: 'fresh' });
    assert.equal(rig.listCalls('openai'), 2);
  });

  it('500 and 529: a server error, once, with the cached list kept', async () => {
    await withCachedList();
    rig.openai.configure({ failNext: 1, failStatus: 500 });
    assert.match(failed(await rig.lists.refresh('openai')).error.message, /OpenAI had a server error \(500\)/);
    rig.anthropic.configure({ failNext: 1, failStatus: 529 });
    assert.match(failed(await rig.lists.refresh('anthropic')).error.message, /Anthropic is overloaded \(529\)/);
    assert.equal(rig.listCalls('openai'), 2);
    assert.equal(rig.listCalls('anthropic'), 1);
    assert.equal(rig.lists.state('openai').list?.models.length, 2);
    assert.match(rig.lists.state('anthropic').lastError?.message ?? '', /overloaded/);
  });

  it('a dropped connection: unreachable, said plainly, cached list kept', async () => {
    await withCachedList();
    rig.openai.configure({ listFault: 'reset' });
    const f = failed(await rig.lists.refresh('openai'));
    assert.equal(f.error.code, 'provider-unreachable');
    assert.match(f.error.message, /OpenAI/);
    assert.equal(rig.lists.state('openai').list?.models.length, 2);
  });

  it('no answer within the timeout: a timeout error, not a hang', async () => {
    rig = await startRig({ keys: ['openai'], timeoutMs: 300 });
    rig.openai.configure({ stallBeforeHeaders: true });
    const f = failed(await rig.lists.refresh('openai'));
    assert.equal(f.error.code, 'timeout');
    assert.equal(rig.lists.state('openai').list, undefined);
  });

  it('malformed JSON: an invalid-response error naming the list, cached list kept', async () => {
    await withCachedList();
    rig.openai.configure({ listFault: 'malformed' });
    const f = failed(await rig.lists.refresh('openai'));
    assert.equal(f.error.code, 'invalid-response');
    assert.match(f.error.message, /OpenAI sent a model list that is not valid JSON/);
    assert.deepEqual(
      rig.lists.state('openai').list?.models.map((m) => m.id),
      ['gpt-4o', 'gpt-4o-mini'],
    );
  });

  it('an empty list never replaces a cached one, and raises no "not listed" warning', async () => {
    await withCachedList();
    rig.openai.configure({ listedModels: [] });
    const f = failed(await rig.lists.refresh('openai'));
    assert.match(f.error.message, /OpenAI listed no models; the list cached earlier is kept/);
    assert.equal(rig.lists.state('openai').list?.models.length, 2);
    rig.settings.routing = { ...rig.settings.routing, tiers: { ...rig.settings.routing.tiers, high: ['openai:gpt-4o'] } };
    assert.deepEqual(rig.lists.unlisted(), []);
  });

  it('Anthropic pagination: follows has_more / last_id → after_id until the last page', async () => {
    rig = await startRig({ keys: ['anthropic'] });
    const ids = Array.from({ length: 2345 }, (_, i) => `claude-model-${String(i).padStart(4, '0')}`);
    rig.anthropic.configure({ listedModels: ids });
    const o = await rig.lists.refresh('anthropic');
    assert.equal(o.status, 'updated');
    const list = rig.lists.state('anthropic').list!;
    assert.equal(list.models.length, 2345);
    assert.equal(list.complete, true);
    const pages = rig.anthropic.requests.filter((r) => r.path === '/v1/models');
    assert.equal(pages.length, 3, 'pages of 1000');
    assert.equal(list.models[2344].id, 'claude-model-2344');
  });

  it('Anthropic: a cursor that never advances is refused instead of followed forever', async () => {
    rig = await startRig({ keys: ['anthropic'] });
    rig.anthropic.configure({ listedModels: ['claude-a-20250101', 'claude-b-20250101'], listFault: 'stuck-cursor' });
    const f = failed(await rig.lists.refresh('anthropic'));
    assert.match(f.error.message, /repeats the same page/);
    assert.equal(rig.listCalls('anthropic'), 2);
  });

  it('a huge list is cut at the limit, marked incomplete, and then proves nothing about missing models', async () => {
    rig = await startRig({ keys: ['openai'] });
    rig.openai.configure({ listedModels: Array.from({ length: MAX_MODELS + 500 }, (_, i) => `m-${i}`) });
    assert.equal((await rig.lists.refresh('openai')).status, 'updated');
    const list = rig.lists.state('openai').list!;
    assert.equal(list.models.length, MAX_MODELS);
    assert.equal(list.complete, false);
    assert.deepEqual(rig.lists.unlisted(), [], 'gpt-4o may be past the cut');
  });

  it('odd ids: fine-tunes, slashes and markup are kept as they are; whitespace, control characters, non-strings and overlong ids are dropped and counted', async () => {
    rig = await startRig({ keys: ['openai'] });
    const odd = ['ft:gpt-4o-mini-2024-07-18:acme::AbC123', 'org/model@v2', '<img/src=x/onerror=alert(1)>', 'gpt-4o`**', 'modèle-ü'];
    const bad = ['gpt-4o\nfake', 'has space', 'zero\u200bwidth', '', 'x'.repeat(201)];
    rig.openai.configure({ listedModels: [...odd, ...bad, 'gpt-4o'] });
    assert.equal((await rig.lists.refresh('openai')).status, 'updated');
    const list = rig.lists.state('openai').list!;
    assert.deepEqual(
      list.models.map((m) => m.id),
      [...odd, 'gpt-4o'],
    );
    assert.equal(list.rejected, bad.length);
  });

  it('a failure in the background waits an hour before the next try', async () => {
    rig = await startRig({ keys: ['openai'] });
    rig.openai.configure({ failNext: 1, failStatus: 503 });
    assert.equal((await rig.lists.refresh('openai', 'background')).status, 'failed');
    rig.clock.advance(FAILURE_BACKOFF_MS - 1);
    assert.deepEqual(await rig.lists.refresh('openai', 'background'), { provider: 'openai', status: 'skipped', why: 'backoff' });
    rig.clock.advance(1);
    assert.equal((await rig.lists.refresh('openai', 'background')).status, 'updated');
    assert.equal(rig.lists.state('openai').lastError, undefined, 'a success clears the failure');
  });
});
