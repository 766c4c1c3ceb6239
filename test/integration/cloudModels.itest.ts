import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FakeOpenAIServer } from '../fakes/FakeOpenAIServer';
import { activateJarvis, type JarvisApi } from './jarvisApi';

const KEY = 'sk-itest-model-lists-0123456789';

/** What this test reads of the extension (it does not import src/). */
type ListsApi = JarvisApi & {
  cloudModels: { warnings(): string[]; unlisted(): Array<{ provider: string; model: string; tiers: string[] }> };
};
type DashboardSnap = { cloudModels?: { lists: string[]; unlisted: string[] } };
type DashboardApi = { onDidPost(listener: (s: DashboardSnap) => void): vscode.Disposable };
type Outcome = { provider: string; status: string; why?: string; list?: { models: Array<{ id: string; chat: boolean }> }; cached?: unknown };

describe('Cloud model lists in the real extension host (fake OpenAI server): refresh, warning, status, choose', function () {
  this.timeout(120_000);
  let api: ListsApi;
  let fake: FakeOpenAIServer;
  const config = () => vscode.workspace.getConfiguration('jarvis');
  let saved: { key: string | undefined; anthropicKey: string | undefined; baseUrl: unknown; tiers: unknown };

  before(async () => {
    api = (await activateJarvis()) as ListsApi;
    assert.equal(typeof api.cloudModels?.warnings, 'function', 'activate() must return `cloudModels` in the test API');
    // The default tiers name openai:gpt-4o-mini and openai:gpt-4o; this OpenAI lists only the first (plus models that are not chat models).
    fake = await FakeOpenAIServer.start({ apiKey: KEY, listedModels: ['gpt-4o-mini', 'gpt-5', 'text-embedding-3-small', 'tts-1'] });
    saved = {
      key: await api.secrets.get('openai'),
      anthropicKey: await api.secrets.get('anthropic'),
      baseUrl: config().inspect('openai.baseUrl')?.globalValue,
      tiers: config().inspect('routing.tiers')?.globalValue,
    };
    await api.secrets.clear();
    await config().update('openai.baseUrl', fake.url, vscode.ConfigurationTarget.Global);
    await config().update('routing.tiers', undefined, vscode.ConfigurationTarget.Global);
    await api.secrets.set('openai', KEY);
  });

  after(async () => {
    await config().update('routing.tiers', saved.tiers, vscode.ConfigurationTarget.Global);
    await config().update('openai.baseUrl', saved.baseUrl, vscode.ConfigurationTarget.Global);
    await api.secrets.clear();
    if (saved.key) await api.secrets.set('openai', saved.key);
    if (saved.anthropicKey) await api.secrets.set('anthropic', saved.anthropicKey);
    await fake?.close();
  });

  it('"Refresh Cloud Model Lists" fetches the list with the key, and one warning names the configured model that is not listed', async () => {
    const outcomes = (await vscode.commands.executeCommand('jarvis.refreshCloudModels', { quiet: true })) as Outcome[];
    const openai = outcomes.find((o) => o.provider === 'openai');
    assert.equal(openai?.status, 'updated', JSON.stringify(outcomes));
    assert.deepEqual(
      openai?.list?.models.filter((m) => m.chat).map((m) => m.id),
      ['gpt-4o-mini', 'gpt-5'],
    );
    assert.deepEqual(
      outcomes.find((o) => o.provider === 'anthropic'),
      { provider: 'anthropic', status: 'skipped', why: 'no-key' },
    );
    const sent = fake.requests.filter((r) => r.path === '/v1/models');
    assert.equal(sent.length, 1);
    assert.equal(sent[0].headers.authorization, `Bearer ${KEY}`);

    assert.deepEqual(
      api.cloudModels.unlisted().map((u) => [u.provider, u.model, u.tiers]),
      [['openai', 'gpt-4o', ['high', 'critical']]],
    );
    const warnings = api.cloudModels.warnings();
    assert.equal(warnings.length, 1, JSON.stringify(warnings));
    assert.match(warnings[0], /^Jarvis: OpenAI no longer lists gpt-4o \(used in the high and critical tiers; list from .+\)\. Requests to it fail/);

    // A second refresh (same list) does not repeat the warning.
    await vscode.commands.executeCommand('jarvis.refreshCloudModels', { quiet: true });
    assert.equal(api.cloudModels.warnings().length, 1);
  });

  it('"Show Routing Status" shows the list, its age and the same warning', async () => {
    const markdown = (await vscode.commands.executeCommand('jarvis.showRoutingStatus')) as string;
    assert.match(markdown, /## Cloud model lists/);
    assert.match(markdown, /- OpenAI: 2 chat models \(of 4 listed\), fetched .+ \(just now\)/);
    assert.match(markdown, /- Anthropic: no API key, so no list/);
    assert.match(markdown, /\*\*Warning:\*\* OpenAI no longer lists gpt-4o/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("the dashboard shows the same warning and the list's age", async () => {
    const dash = (api as unknown as { dashboard: DashboardApi }).dashboard;
    const seen = new Promise<DashboardSnap>((resolve) => {
      const sub = dash.onDidPost((snap) => {
        if (!snap.cloudModels?.unlisted.length) return;
        sub.dispose();
        resolve(snap);
      });
    });
    await vscode.commands.executeCommand('jarvis.openDashboard');
    const snap = await seen;
    assert.match(snap.cloudModels?.unlisted[0] ?? '', /^OpenAI no longer lists gpt-4o \(used in the high and critical tiers/);
    assert.match(snap.cloudModels?.lists[0] ?? '', /^OpenAI: 2 chat models \(of 4 listed\), fetched /);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('"Choose Cloud Model…" replaces one tier entry in the settings; the warning then names only the other tier', async () => {
    const chosen = await vscode.commands.executeCommand('jarvis.chooseCloudModel', { tier: 'high', index: 0, choose: 'openai:gpt-5' });
    assert.equal(chosen, 'openai:gpt-5');
    const tiers = config().inspect<Record<string, string[]>>('routing.tiers')?.globalValue;
    assert.deepEqual(tiers?.high, ['openai:gpt-5', 'anthropic:claude-sonnet-4-0']);
    assert.deepEqual(tiers?.critical, ['anthropic:claude-opus-4-0', 'openai:gpt-4o']);
    assert.deepEqual(
      api.cloudModels.unlisted().map((u) => [u.model, u.tiers]),
      [['gpt-4o', ['critical']]],
    );
    assert.equal(api.cloudModels.warnings().length, 1, 'the same model is not warned about again');
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('jarvis.chooseCloudModel', { tier: 'high', index: 0, choose: 'openai:bad id' })),
      /"choose" must be openai:<model> or anthropic:<model>/,
    );
  });

  it('offline: the refresh fails plainly and the cached list stays, "cached from" on the status page', async () => {
    await fake.close();
    const outcomes = (await vscode.commands.executeCommand('jarvis.refreshCloudModels', { quiet: true })) as Outcome[];
    const openai = outcomes.find((o) => o.provider === 'openai');
    assert.equal(openai?.status, 'failed');
    assert.ok(openai?.cached, 'the cached list is still in use');
    const markdown = (await vscode.commands.executeCommand('jarvis.showRoutingStatus')) as string;
    assert.match(markdown, /OpenAI: 2 chat models .*failed: Cannot reach OpenAI.* Showing the list cached from /);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
