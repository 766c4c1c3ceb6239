import * as assert from 'node:assert/strict';
import { Emitter } from '../../../src/common/Emitter';
import type { AuditEntry } from '../../../src/core/audit/AuditLog';
import { DEFAULT_SETTINGS, type JarvisSettings } from '../../../src/core/config/settings';
import { nullLogger } from '../../../src/core/ports';
import { auditEgressSettings } from '../../../src/core/security/auditEgressSettings';
import { EGRESS_SETTINGS, egressWidenings } from '../../../src/core/security/egressWidenings';

const base = (): JarvisSettings => structuredClone(DEFAULT_SETTINGS);
const change = (edit: (s: JarvisSettings) => void): JarvisSettings => {
  const s = base();
  edit(s);
  return s;
};

describe('egressWidenings: settings changes that let more leave the machine', () => {
  const widening: Array<[string, (s: JarvisSettings) => void, RegExp]> = [
    ['keepLocal → redact', (s) => (s.privacy.mode = 'redact'), /privacy.mode keepLocal → redact/],
    ['a local-only pattern removed', (s) => (s.privacy.localOnly = s.privacy.localOnly.filter((p) => p !== '**/.env')), /no longer keeps \*\*\/\.env local/],
    ['a lower local share', (s) => (s.routing.localRatio = 0.5), /routing.localRatio 0.8 → 0.5/],
    ['a forced critical tier', (s) => (s.routing.complexity = 'critical'), /forced to critical/],
    ['a new cloud model in a tier', (s) => (s.routing.tiers.low = ['ollama:llama3', 'openai:gpt-4.1']), /add cloud models openai:gpt-4.1/],
    ['a new OpenAI endpoint', (s) => (s.openai.baseUrl = 'https://proxy.example.com/v1'), /openai.baseUrl → https:\/\/proxy.example.com\/v1/],
    ['Ollama on another machine', (s) => (s.ollama.host = 'http://10.0.0.5:11434'), /ollama.host → http:\/\/10.0.0.5:11434 \(not this machine\)/],
    ['a Redis tier', (s) => (s.cache.redisUrl = 'redis://cache.internal:6379'), /Redis tier/],
    ['an alert webhook', (s) => (s.alerts.webhookUrl = 'https://hooks.slack.com/x'), /webhook/],
    ['OpenAI embeddings', (s) => (s.memory.embedder = 'openai'), /embedded by OpenAI/],
    ['a cloud quality judge', (s) => (s.routing.qualityJudge = 'rules+cloud'), /cloud judge/],
    ['a higher daily budget', (s) => (s.budget.dailyUsd = 20), /budget.dailyUsd 5 → 20/],
    ['no monthly cap', (s) => (s.budget.monthlyUsd = 0), /budget.monthlyUsd 50 → no cap/],
  ];
  for (const [label, edit, expected] of widening) {
    it(`widens: ${label}`, () => {
      const found = egressWidenings(base(), change(edit));
      assert.equal(found.length, 1, JSON.stringify(found));
      assert.match(found[0], expected);
    });
  }

  const narrowing: Array<[string, (s: JarvisSettings) => void]> = [
    ['keepLocal → block', (s) => (s.privacy.mode = 'block')],
    ['a local-only pattern added', (s) => s.privacy.localOnly.push('**/*.sql')],
    ['a higher local share', (s) => (s.routing.localRatio = 0.95)],
    ['Ollama moved to another local port', (s) => (s.ollama.host = 'http://127.0.0.1:11500')],
    ['a lower budget', (s) => (s.budget.dailyUsd = 1)],
    ['Redis tier removed', (s) => (s.cache.redisUrl = '')],
    ['a cloud model removed', (s) => (s.routing.tiers.high = ['openai:gpt-4o'])],
    ['an unrelated setting', (s) => (s.chat.historyTurns = 3)],
  ];
  for (const [label, edit] of narrowing) {
    it(`does not widen: ${label}`, () => assert.deepEqual(egressWidenings(base(), change(edit)), []));
  }

  it('auditEgressSettings records each widening against the settings in force before it, once', async () => {
    const emitter = new Emitter<JarvisSettings>();
    const store = { current: base(), onDidChange: emitter.event };
    const entries: AuditEntry[] = [];
    const sub = auditEgressSettings(store, { append: async (e: AuditEntry) => void entries.push(e) }, nullLogger);
    const redact = change((s) => (s.privacy.mode = 'redact'));
    emitter.fire(redact);
    emitter.fire(structuredClone(redact)); // re-read with nothing new: no second record
    emitter.fire(base()); // narrowed back: nothing
    sub.dispose();
    emitter.fire(redact); // after dispose: not watched
    await new Promise<void>((r) => setImmediate(r));
    assert.deepEqual(
      entries.map((e) => [e.type, e.severity, e.data?.changes]),
      [['settings-widened-egress', 'warning', ['privacy.mode keepLocal → redact']]],
    );
  });
});

describe('Workspace Trust: restricted settings', () => {
  it("package.json's restrictedConfigurations is exactly EGRESS_SETTINGS, each a declared setting", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pkg = require('../../../../package.json') as {
      capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
      contributes: { configuration: { properties: Record<string, unknown> } | Array<{ properties: Record<string, unknown> }> };
    };
    const trust = pkg.capabilities.untrustedWorkspaces;
    assert.equal(trust.supported, 'limited');
    assert.deepEqual([...trust.restrictedConfigurations].sort(), [...EGRESS_SETTINGS].sort());
    const sections = Array.isArray(pkg.contributes.configuration) ? pkg.contributes.configuration : [pkg.contributes.configuration];
    const declared = new Set(sections.flatMap((s) => Object.keys(s.properties)));
    for (const key of EGRESS_SETTINGS) assert.ok(declared.has(key), `${key} is not a declared setting`);
  });
});
