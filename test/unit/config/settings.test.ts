import * as assert from 'node:assert/strict';
import { parseSettings } from '../../../src/core/config/parseSettings';
import { DEFAULT_SETTINGS } from '../../../src/core/config/settings';

const from = (values: Record<string, unknown>) => (key: string) => values[key];

describe('parseSettings', () => {
  it('gives the defaults, without warnings, when nothing is set', () => {
    const { settings, warnings } = parseSettings(from({}));
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    assert.deepEqual(warnings, []);
  });

  it('accepts valid values, trimming strings and stripping trailing slashes from the host', () => {
    const { settings, warnings } = parseSettings(
      from({
        'ollama.enabled': false,
        'ollama.host': ' https://gpu-box:11434/// ',
        'ollama.model': 'qwen2.5-coder:7b',
        'chat.historyTurns': 0,
        'chat.systemPrompt': 'Be terse.',
      }),
    );
    assert.deepEqual(warnings, []);
    assert.deepEqual(settings.ollama, { enabled: false, host: 'https://gpu-box:11434', model: 'qwen2.5-coder:7b' });
    assert.deepEqual(settings.chat, { historyTurns: 0, systemPrompt: 'Be terse.' });
  });

  // Each malformed value: the warning names the setting and the fallback is the default.
  const cases: { key: string; value: unknown; expect: RegExp; pick: (s: typeof DEFAULT_SETTINGS) => unknown }[] = [
    { key: 'ollama.enabled', value: 'yes', expect: /must be true or false/, pick: (s) => s.ollama.enabled },
    { key: 'ollama.host', value: 42, expect: /must be a string/, pick: (s) => s.ollama.host },
    { key: 'ollama.host', value: 'localhost 11434', expect: /must be a URL/, pick: (s) => s.ollama.host },
    { key: 'ollama.host', value: 'ftp://localhost:11434', expect: /must start with http:\/\/ or https:\/\//, pick: (s) => s.ollama.host },
    { key: 'ollama.host', value: 'http://me:secret@localhost:11434', expect: /must not contain credentials/, pick: (s) => s.ollama.host },
    { key: 'ollama.model', value: '   ', expect: /must not be empty/, pick: (s) => s.ollama.model },
    { key: 'ollama.model', value: 'llama 3; rm -rf', expect: /must be an Ollama model name/, pick: (s) => s.ollama.model },
    { key: 'ollama.model', value: null, expect: /must be a string/, pick: (s) => s.ollama.model },
    { key: 'chat.historyTurns', value: 101, expect: /from 0 to 100/, pick: (s) => s.chat.historyTurns },
    { key: 'chat.historyTurns', value: -1, expect: /from 0 to 100/, pick: (s) => s.chat.historyTurns },
    { key: 'chat.historyTurns', value: 2.5, expect: /whole number/, pick: (s) => s.chat.historyTurns },
    { key: 'chat.historyTurns', value: '10', expect: /whole number/, pick: (s) => s.chat.historyTurns },
    { key: 'chat.systemPrompt', value: ['a'], expect: /must be a string/, pick: (s) => s.chat.systemPrompt },
    { key: 'routing.localRatio', value: 1.5, expect: /number from 0 to 1/, pick: (s) => s.routing.localRatio },
    { key: 'routing.localRatio', value: Number.NaN, expect: /number from 0 to 1/, pick: (s) => s.routing.localRatio },
    { key: 'routing.complexity', value: 'extreme', expect: /must be one of "auto", "trivial"/, pick: (s) => s.routing.complexity },
    { key: 'routing.tiers', value: { medium: ['gpt-4o'] }, expect: /invalid: Route medium\[0\] must name a provider/, pick: (s) => s.routing.tiers },
    { key: 'routing.tiers', value: { huge: ['ollama:x'] }, expect: /Unknown routing tier "huge"/, pick: (s) => s.routing.tiers },
    {
      key: 'pricing.overrides',
      value: { 'gpt-4o': { input: -1, output: 2 } },
      expect: /"gpt-4o" needs non-negative numbers/,
      pick: (s) => s.pricing.overrides,
    },
    { key: 'privacy.localOnly', value: '**/.env', expect: /must be a list of strings/, pick: (s) => s.privacy.localOnly },
    { key: 'cache.redisUrl', value: 'http://localhost:6379', expect: /must start with redis:\/\//, pick: (s) => s.cache.redisUrl },
    { key: 'openai.baseUrl', value: 'api.openai.com', expect: /must be a URL/, pick: (s) => s.openai.baseUrl },
    { key: 'memory.embedder', value: 'bert', expect: /must be one of/, pick: (s) => s.memory.embedder },
  ];
  for (const c of cases) {
    it(`jarvis.${c.key} = ${JSON.stringify(c.value)} warns and falls back to the default`, () => {
      const { settings, warnings } = parseSettings(from({ [c.key]: c.value }));
      assert.equal(warnings.length, 1, `warnings: ${JSON.stringify(warnings)}`);
      assert.ok(warnings[0].startsWith(`jarvis.${c.key} `), warnings[0]);
      assert.match(warnings[0], c.expect);
      assert.deepEqual(c.pick(settings), c.pick(DEFAULT_SETTINGS));
    });
  }

  it('accepts structured routing and pricing values', () => {
    const { settings, warnings } = parseSettings(
      from({
        'routing.tiers': { medium: ['ollama:qwen2.5-coder:7b', { provider: 'openai', model: 'gpt-4.1-mini' }] },
        'pricing.overrides': { 'my-proxy-model': { input: 1, output: 2 } },
        'cache.redisUrl': 'redis://cache.internal:6379',
        'privacy.localOnly': [' **/*.secret ', ''],
      }),
    );
    assert.deepEqual(warnings, []);
    assert.deepEqual(settings.routing.tiers.medium, ['ollama:qwen2.5-coder:7b', 'openai:gpt-4.1-mini']);
    assert.deepEqual(settings.routing.tiers.low, DEFAULT_SETTINGS.routing.tiers.low, 'missing tiers keep their default');
    assert.deepEqual(settings.pricing.overrides, { 'my-proxy-model': { input: 1, output: 2 } });
    assert.equal(settings.cache.redisUrl, 'redis://cache.internal:6379');
    assert.deepEqual(settings.privacy.localOnly, ['**/*.secret']);
  });

  it('never repeats the password of a rejected host URL', () => {
    const { warnings } = parseSettings(from({ 'ollama.host': 'http://me:s3cr3t@localhost:11434' }));
    assert.equal(warnings.length, 1);
    assert.doesNotMatch(warnings[0], /s3cr3t|me:/);
    assert.match(warnings[0], /\/\/\*\*\*@localhost/);
  });

  it('shortens a long rejected value in the warning', () => {
    const long = `ftp://${'a'.repeat(100)}.example`;
    const { warnings } = parseSettings(from({ 'ollama.host': long }));
    assert.ok(warnings[0].length < 200, 'long values are shortened');
    assert.match(warnings[0], /\.\.\./);
  });

  it('reports each invalid setting separately and keeps the valid ones', () => {
    const { settings, warnings } = parseSettings(from({ 'ollama.enabled': 1, 'ollama.model': 'phi3', 'chat.historyTurns': 1000 }));
    assert.equal(warnings.length, 2);
    assert.equal(settings.ollama.model, 'phi3');
    assert.equal(settings.ollama.enabled, true);
    assert.equal(settings.chat.historyTurns, 10);
  });
});
