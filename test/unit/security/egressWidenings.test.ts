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
  // One widening change per restricted setting, keyed by it: the last test below checks every listed
  // setting is here, so a setting cannot be restricted without its widening being audited.
  const widening: Array<[string, string, (s: JarvisSettings) => void, RegExp]> = [
    ['jarvis.privacy.mode', 'keepLocal → redact', (s) => (s.privacy.mode = 'redact'), /privacy.mode keepLocal → redact/],
    [
      'jarvis.privacy.localOnly',
      'a local-only pattern removed',
      (s) => (s.privacy.localOnly = s.privacy.localOnly.filter((p) => p !== '**/.env')),
      /no longer keeps \*\*\/\.env local/,
    ],
    ['jarvis.routing.localRatio', 'a lower local share', (s) => (s.routing.localRatio = 0.5), /routing.localRatio 0.8 → 0.5/],
    ['jarvis.routing.complexity', 'a forced critical tier', (s) => (s.routing.complexity = 'critical'), /forced to critical/],
    [
      'jarvis.routing.tiers',
      'a new cloud model in a tier',
      (s) => (s.routing.tiers.low = ['ollama:llama3', 'openai:gpt-4.1']),
      /add cloud models openai:gpt-4.1/,
    ],
    ['jarvis.routing.useVscodeModels', "other extensions' models", (s) => (s.routing.useVscodeModels = true), /useVscodeModels on/],
    ['jarvis.routing.qualityJudge', 'a cloud quality judge', (s) => (s.routing.qualityJudge = 'rules+cloud'), /cloud judge/],
    [
      'jarvis.routing.qualityThreshold',
      'a higher escalation threshold',
      (s) => (s.routing.qualityThreshold = 0.9),
      /qualityThreshold 0.7 → 0.9: more local answers/,
    ],
    ['jarvis.routing.learnFromFeedback', 'learning from re-asks on', (s) => (s.routing.learnFromFeedback = true), /learnFromFeedback on/],
    ['jarvis.ollama.enabled', 'no local model', (s) => (s.ollama.enabled = false), /ollama.enabled off/],
    [
      'jarvis.openai.baseUrl',
      'a new OpenAI endpoint',
      (s) => (s.openai.baseUrl = 'https://proxy.example.com/v1'),
      /openai.baseUrl → https:\/\/proxy.example.com\/v1/,
    ],
    ['jarvis.anthropic.baseUrl', 'a new Anthropic endpoint', (s) => (s.anthropic.baseUrl = 'https://proxy.example.com'), /anthropic.baseUrl → https:\/\/proxy/],
    [
      'jarvis.ollama.host',
      'Ollama on another machine',
      (s) => (s.ollama.host = 'http://10.0.0.5:11434'),
      /ollama.host → http:\/\/10.0.0.5:11434 \(not this machine\)/,
    ],
    ['jarvis.cloudModels.refreshHours', 'model lists fetched more often', (s) => (s.cloudModels.refreshHours = 1), /refreshHours 24 → 1/],
    ['jarvis.cache.redisUrl', 'a Redis tier', (s) => (s.cache.redisUrl = 'redis://cache.internal:6379'), /Redis tier/],
    ['jarvis.cache.enabled', 'the cache on with a Redis tier', (s) => (s.cache.enabled = true), /cache.enabled on with a Redis tier/],
    ['jarvis.alerts.webhookUrl', 'an alert webhook', (s) => (s.alerts.webhookUrl = 'https://hooks.slack.com/x'), /webhook/],
    ['jarvis.alerts.enabled', 'alerts on with a webhook', (s) => (s.alerts.enabled = true), /alerts.enabled on with a webhook/],
    ['jarvis.memory.embedder', 'OpenAI embeddings', (s) => (s.memory.embedder = 'openai'), /embedded by OpenAI/],
    ['jarvis.memory.enabled', 'memory on', (s) => (s.memory.enabled = true), /memory.enabled on/],
    ['jarvis.memory.contextTokenBudget', 'more memory context', (s) => (s.memory.contextTokenBudget = 8000), /contextTokenBudget 1500 → 8000/],
    ['jarvis.memory.maxResults', 'more memories', (s) => (s.memory.maxResults = 20), /maxResults 5 → 20/],
    ['jarvis.preferences.maxPromptTokens', 'more preferences', (s) => (s.preferences.maxPromptTokens = 2000), /maxPromptTokens 300 → 2000/],
    ['jarvis.chat.historyTurns', 'more history', (s) => (s.chat.historyTurns = 50), /historyTurns 10 → 50: more of the conversation/],
    ['jarvis.budget.dailyUsd', 'a higher daily budget', (s) => (s.budget.dailyUsd = 20), /budget.dailyUsd 5 → 20/],
    ['jarvis.budget.monthlyUsd', 'no monthly cap', (s) => (s.budget.monthlyUsd = 0), /budget.monthlyUsd 50 → no cap/],
    [
      'jarvis.pricing.overrides',
      'a zero price',
      (s) => (s.pricing.overrides = { 'gpt-4o': { input: 0, output: 0 } }),
      /pricing.overrides new or lower prices for gpt-4o/,
    ],
    ['jarvis.resilience.maxRetries', 'more retries', (s) => (s.resilience.maxRetries = 8), /maxRetries 3 → 8/],
    [
      'jarvis.resilience.firstTokenTimeoutSeconds',
      'a shorter first-token wait',
      (s) => (s.resilience.firstTokenTimeoutSeconds = 5),
      /firstTokenTimeoutSeconds 120 → 5/,
    ],
    ['jarvis.resilience.idleTimeoutSeconds', 'a shorter idle wait', (s) => (s.resilience.idleTimeoutSeconds = 5), /idleTimeoutSeconds 60 → 5/],
    ['jarvis.resilience.breakerThreshold', 'a touchier breaker', (s) => (s.resilience.breakerThreshold = 1), /breakerThreshold 5 → 1/],
    [
      'jarvis.resilience.breakerCooldownSeconds',
      'a longer breaker cooldown',
      (s) => (s.resilience.breakerCooldownSeconds = 600),
      /breakerCooldownSeconds 60 → 600/,
    ],
    ['jarvis.audit.storeContent', 'content kept in the ledger', (s) => (s.audit.storeContent = true), /storeContent on/],
    ['jarvis.audit.retentionDays', 'a shorter audit retention', (s) => (s.audit.retentionDays = 7), /retentionDays 90 → 7/],
    ['jarvis.log.file', 'a log file', (s) => (s.log.file = '/var/tmp/jarvis.jsonl'), /log.file → \/var\/tmp\/jarvis.jsonl/],
    ['jarvis.gateway.enabled', 'the gateway on', (s) => (s.gateway.enabled = true), /gateway.enabled: other tools/],
    ['jarvis.gateway.port', 'the gateway moved', (s) => (s.gateway.port = 12000), /gateway.port 11435 → 12000/],
    ['jarvis.gateway.rateLimit.requests', 'a looser rate limit', (s) => (s.gateway.rateLimit.requests = 1000), /rateLimit.requests 100 → 1000/],
    ['jarvis.gateway.rateLimit.window', 'a shorter refill window', (s) => (s.gateway.rateLimit.window = 1), /rateLimit.window 60 → 1/],
    ['jarvis.gateway.rateLimit.burst', 'a larger burst', (s) => (s.gateway.rateLimit.burst = 500), /rateLimit.burst 100 → 500/],
  ];
  /** Where the default is already the widest value, the widening is measured from its narrow side. */
  const before: Record<string, (s: JarvisSettings) => void> = {
    'jarvis.routing.useVscodeModels': (s) => (s.routing.useVscodeModels = false),
    'jarvis.routing.learnFromFeedback': (s) => (s.routing.learnFromFeedback = false),
    'jarvis.cache.enabled': (s) => ((s.cache.enabled = false), (s.cache.redisUrl = 'redis://cache.internal:6379')),
    'jarvis.alerts.enabled': (s) => ((s.alerts.enabled = false), (s.alerts.webhookUrl = 'https://hooks.slack.com/x')),
    'jarvis.memory.enabled': (s) => (s.memory.enabled = false),
    'jarvis.gateway.port': (s) => (s.gateway.enabled = true),
  };
  for (const [key, label, edit, expected] of widening) {
    it(`widens: ${label} (${key})`, () => {
      const from = change(before[key] ?? (() => undefined));
      const to = structuredClone(from);
      edit(to);
      const found = egressWidenings(from, to);
      assert.equal(found.length, 1, JSON.stringify(found));
      assert.match(found[0], expected);
      assert.ok(found[0].startsWith(key.slice('jarvis.'.length)), `the sentence names ${key}: ${found[0]}`);
    });
  }

  it('every restricted setting has a widening here, and each is audited as a settings-widened-egress record', async () => {
    assert.deepEqual(widening.map(([key]) => key).sort(), [...EGRESS_SETTINGS].sort());
    for (const [key, , edit] of widening) {
      const emitter = new Emitter<JarvisSettings>();
      const from = change(before[key] ?? (() => undefined));
      const entries: AuditEntry[] = [];
      const sub = auditEgressSettings({ current: from, onDidChange: emitter.event }, { append: async (e: AuditEntry) => void entries.push(e) }, nullLogger);
      const to = structuredClone(from);
      edit(to);
      emitter.fire(to);
      sub.dispose();
      await new Promise<void>((r) => setImmediate(r));
      assert.equal(entries.length, 1, key);
      assert.equal(entries[0].type, 'settings-widened-egress');
      assert.match(String(entries[0].message), new RegExp(key.slice('jarvis.'.length).replace(/\./g, '\\.')), key);
    }
  });

  const narrowing: Array<[string, (s: JarvisSettings) => void]> = [
    ['keepLocal → block', (s) => (s.privacy.mode = 'block')],
    ['a local-only pattern added', (s) => s.privacy.localOnly.push('**/*.sql')],
    ['a higher local share', (s) => (s.routing.localRatio = 0.95)],
    ['Ollama moved to another local port', (s) => (s.ollama.host = 'http://127.0.0.1:11500')],
    ['a lower budget', (s) => (s.budget.dailyUsd = 1)],
    ['Redis tier removed', (s) => (s.cache.redisUrl = '')],
    ['a cloud model removed', (s) => (s.routing.tiers.high = ['openai:gpt-4o'])],
    ['fewer history turns', (s) => (s.chat.historyTurns = 3)],
    ['a lower escalation threshold', (s) => (s.routing.qualityThreshold = 0.5)],
    ['fewer memories', (s) => (s.memory.maxResults = 2)],
    ['a longer first-token wait', (s) => (s.resilience.firstTokenTimeoutSeconds = 300)],
    ['model lists only on demand', (s) => (s.cloudModels.refreshHours = 0)],
    ['the gateway moved while off', (s) => (s.gateway.port = 12000)],
    ['an unrelated setting', (s) => (s.chat.systemPrompt = 'Be brief.')],
  ];
  for (const [label, edit] of narrowing) {
    it(`does not widen: ${label}`, () => assert.deepEqual(egressWidenings(base(), change(edit)), []));
  }

  it('does not widen: a price override raised, or alerts turned on without a webhook', () => {
    const cheap = change((s) => ((s.pricing.overrides = { 'gpt-4o': { input: 1, output: 4 } }), (s.alerts.enabled = false)));
    const dearer = structuredClone(cheap);
    dearer.pricing.overrides['gpt-4o'] = { input: 2.5, output: 10 };
    dearer.alerts.enabled = true;
    assert.deepEqual(egressWidenings(cheap, dearer), []);
  });

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
