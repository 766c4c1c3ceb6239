import * as assert from 'node:assert/strict';
import { MODEL_LISTS_KEY } from '../../../../src/core/llm/modelLists/CloudModelLists';
import { HOUR, type ListsRig, startRig } from './modelListsSetup';

describe("CloudModelLists: the providers' own lists, cached (fake OpenAI and Anthropic servers)", () => {
  let rig: ListsRig;
  afterEach(async () => rig?.close());

  it('fetches both lists with the SDKs, keeps chat models apart from the rest, and caches them with the time', async () => {
    rig = await startRig();
    rig.openai.configure({ listedModels: ['gpt-4o', 'gpt-4o-mini', 'text-embedding-3-small', 'tts-1', 'whisper-1', 'dall-e-3', 'omni-moderation-latest'] });
    rig.anthropic.configure({
      listedModels: ['claude-sonnet-4-20250514', { id: 'claude-opus-4-20250514', lifecycle: 'deprecated', retiresAt: '2027-05-14T00:00:00Z' }],
    });
    const outcomes = await rig.lists.refreshAll();
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['updated', 'updated'],
    );
    const openai = rig.lists.state('openai').list!;
    assert.equal(openai.fetchedAt, rig.clock.now());
    assert.deepEqual(
      openai.models.filter((m) => m.chat).map((m) => m.id),
      ['gpt-4o', 'gpt-4o-mini'],
    );
    assert.equal(openai.models.length, 7, 'non-chat models are kept as listed (a configured embedding model is not "missing")');
    const opus = rig.lists.state('anthropic').list!.models.find((m) => m.id === 'claude-opus-4-20250514');
    assert.deepEqual(opus?.deprecated, { retiresAt: '2027-05-14T00:00:00Z' });
    // A window reload reads the same lists back from global state without asking the servers again.
    const reopened = rig.reopen();
    assert.equal(reopened.state('openai').list?.models.length, 7);
    assert.equal(rig.listCalls('openai'), 1);
  });

  it('records one key read per provider for the purpose "model list", however often it refreshes', async () => {
    rig = await startRig();
    await rig.lists.refreshAll();
    await rig.lists.refreshAll();
    const reads = rig.audit.filter((e) => e.type === 'key-read');
    assert.deepEqual(
      reads.map((e) => e.data),
      [
        { provider: 'openai', purpose: 'model list' },
        { provider: 'anthropic', purpose: 'model list' },
      ],
    );
  });

  it('background refresh: never without a key (and no key read), at most once per refreshHours, and not in Restricted Mode', async () => {
    rig = await startRig({ keys: ['openai'] });
    rig.trusted.value = false;
    assert.deepEqual(
      (await rig.lists.refreshIfDue()).map((o) => (o.status === 'skipped' ? o.why : o.status)),
      ['untrusted', 'no-key'],
    );
    assert.equal(rig.listCalls('openai') + rig.listCalls('anthropic'), 0);
    assert.equal(rig.audit.filter((e) => e.type === 'key-read').length, 0, 'checking for a key is not a key read');
    rig.trusted.value = true;
    assert.equal((await rig.lists.refreshIfDue())[0].status, 'updated');
    rig.clock.advance(23 * HOUR);
    assert.deepEqual((await rig.lists.refreshIfDue())[0], { provider: 'openai', status: 'skipped', why: 'fresh' });
    rig.clock.advance(HOUR);
    assert.equal((await rig.lists.refreshIfDue())[0].status, 'updated');
    assert.equal(rig.listCalls('openai'), 2);
    rig.settings.cloudModels = { refreshHours: 0 };
    rig.clock.advance(100 * HOUR);
    assert.deepEqual((await rig.lists.refreshIfDue())[0], { provider: 'openai', status: 'skipped', why: 'disabled' });
  });

  it('a manual refresh works in Restricted Mode (it sends the key, nothing from the workspace)', async () => {
    rig = await startRig({ keys: ['openai'] });
    rig.trusted.value = false;
    assert.equal((await rig.lists.refresh('openai')).status, 'updated');
    const sent = rig.openai.requests.find((r) => r.path === '/v1/models')!;
    assert.equal(sent.body, undefined, 'a GET with no body');
  });

  it('concurrent refreshes of one provider share a single request', async () => {
    rig = await startRig({ keys: ['openai'] });
    const [a, b] = await Promise.all([rig.lists.refresh('openai'), rig.lists.refresh('openai')]);
    assert.equal(a, b);
    assert.equal(rig.listCalls('openai'), 1);
  });

  it('a list fetched from another base URL does not apply to the current one', async () => {
    rig = await startRig({ keys: ['openai'] });
    await rig.lists.refresh('openai');
    rig.settings.openai = { baseUrl: 'http://127.0.0.1:9/v1' };
    assert.equal(rig.lists.state('openai').list, undefined);
    assert.deepEqual(rig.lists.unlisted(), []);
  });

  it('warns about configured models the list does not name — once per model, with its tiers — and understands Anthropic aliases', async () => {
    rig = await startRig({
      tiers: {
        trivial: ['ollama:phi3'],
        low: ['ollama:llama3'],
        medium: ['ollama:mistral', 'openai:gpt-4o-mini'],
        high: ['openai:gpt-4o', 'anthropic:claude-sonnet-4-0'],
        critical: ['anthropic:claude-opus-4-0', 'openai:gpt-4o', 'anthropic:claude-3-5-haiku-latest'],
      },
    });
    rig.openai.configure({ listedModels: ['gpt-4o-mini', 'gpt-5'] });
    rig.anthropic.configure({ listedModels: ['claude-sonnet-4-20250514', 'claude-3-5-haiku-20241022'] });
    await rig.lists.refreshAll();
    assert.deepEqual(rig.lists.unlisted(), [
      { provider: 'openai', model: 'gpt-4o', tiers: ['high', 'critical'], listFetchedAt: rig.clock.now() },
      { provider: 'anthropic', model: 'claude-opus-4-0', tiers: ['critical'], listFetchedAt: rig.clock.now() },
    ]);
  });

  it('takeNewUnlisted: each missing model is warned about once (also across a reload), and again only after it was fixed and went missing again', async () => {
    rig = await startRig({ keys: ['openai'] });
    rig.openai.configure({ listedModels: ['gpt-4o-mini'] });
    assert.deepEqual(rig.lists.takeNewUnlisted(), undefined, 'no list yet: nothing to say');
    await rig.lists.refresh('openai');
    assert.deepEqual(
      rig.lists.takeNewUnlisted()?.map((u) => u.model),
      ['gpt-4o'],
    );
    assert.equal(rig.lists.takeNewUnlisted(), undefined);
    assert.equal(rig.reopen().takeNewUnlisted(), undefined, 'a reloaded window does not repeat it');
    const tiers = rig.settings.routing.tiers;
    rig.settings.routing = { ...rig.settings.routing, tiers: { ...tiers, high: ['openai:gpt-4o-mini'], critical: ['openai:gpt-4o-mini'] } };
    assert.equal(rig.lists.takeNewUnlisted(), undefined, 'fixed');
    rig.settings.routing = { ...rig.settings.routing, tiers };
    assert.deepEqual(
      rig.lists.takeNewUnlisted()?.map((u) => u.model),
      ['gpt-4o'],
    );
  });

  it('drops a cached entry that is not a list (hand-edited state) and fetches it again', async () => {
    rig = await startRig({ keys: ['openai'] });
    await rig.store.update(MODEL_LISTS_KEY, { openai: { baseUrl: rig.openai.url, fetchedAt: 'yesterday', models: 'gpt-4o' } });
    const lists = rig.reopen();
    assert.equal(lists.state('openai').list, undefined);
    assert.ok(rig.logs.some((l) => /cached openai model list is unreadable/.test(l)));
    assert.equal((await lists.refreshIfDue())[0].status, 'updated');
    lists.dispose();
  });
});
