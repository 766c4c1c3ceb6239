import { strict as assert } from 'node:assert';
import { JarvisError } from '../../../../src/common/errors';
import { DEFAULT_SETTINGS, JarvisSettings } from '../../../../src/core/config/settings';
import type { OllamaHealth } from '../../../../src/core/llm/ollama/OllamaTypes';
import { nullLogger } from '../../../../src/core/ports';
import { OllamaProbe, OllamaStatus, OllamaStatusMonitor } from '../../../../src/core/llm/ollama/OllamaStatusMonitor';

class StubProbe implements OllamaProbe {
  healthCalls = 0;
  health_: OllamaHealth = { reachable: true, version: '0.6.0' };
  installed = new Set(['llama3']);
  release: (() => void) | undefined;
  async health(): Promise<OllamaHealth> {
    this.healthCalls++;
    if (this.release === undefined) return this.health_;
    await new Promise<void>((r) => (this.release = r));
    return this.health_;
  }
  async has(model: string) {
    return this.installed.has(model);
  }
}

describe('OllamaStatusMonitor', () => {
  let settings: JarvisSettings;
  beforeEach(() => (settings = structuredClone(DEFAULT_SETTINGS)));

  it('reports ready, model-missing and unreachable, firing only on change', async () => {
    const probe = new StubProbe();
    const monitor = new OllamaStatusMonitor(probe, () => settings, nullLogger);
    const seen: OllamaStatus['state'][] = [];
    monitor.onDidChange((s) => seen.push(s.state));
    assert.equal(monitor.status.state, 'checking');
    assert.equal((await monitor.refresh()).state, 'ready');
    await monitor.refresh();
    settings.ollama.model = 'phi3';
    assert.equal((await monitor.refresh()).state, 'model-missing');
    probe.health_ = { reachable: false, error: new JarvisError('provider-unreachable', 'Cannot reach Ollama') };
    const down = await monitor.refresh();
    assert.ok(down.state === 'unreachable' && down.message === 'Cannot reach Ollama');
    assert.deepEqual(seen, ['ready', 'model-missing', 'unreachable']);
  });

  it('says disabled without asking Ollama', async () => {
    settings.ollama.enabled = false;
    const probe = new StubProbe();
    const monitor = new OllamaStatusMonitor(probe, () => settings, nullLogger);
    assert.equal((await monitor.refresh()).state, 'disabled');
    assert.equal(probe.healthCalls, 0);
  });

  it('coalesces concurrent refreshes into one probe', async () => {
    const probe = new StubProbe();
    probe.release = () => undefined; // make health() wait until released
    const monitor = new OllamaStatusMonitor(probe, () => settings, nullLogger);
    const all = Promise.all([monitor.refresh(), monitor.refresh(), monitor.refresh()]);
    await new Promise((r) => setImmediate(r));
    probe.release!();
    const results = await all;
    assert.equal(probe.healthCalls, 1);
    assert.ok(results.every((r) => r.state === 'ready'));
  });
});
