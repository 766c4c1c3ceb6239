import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { SecretlintScanner } from '../../../src/core/security/SecretlintScanner';
import { findSecretlintProfiler } from '../../../src/core/security/secretlintProfiler';

describe("secretlint's profiler does not grow with every scan", function () {
  // Generous: alone it takes 0.3 s, but late in a full run on a loaded machine it took 24 s once and timed
  // out at 30 s once (session 12); what it asserts is a count, not a time.
  this.timeout(900_000); // CPU-bound: a limit that only catches a hang, however loaded the machine
  const settle = () => new Promise<void>((r) => setImmediate(r));

  it('finds the instance core uses, and scans leave neither its lists nor the global timeline growing', async () => {
    const core = await import('@secretlint/core');
    const profiler = await findSecretlintProfiler(core);
    assert.ok(profiler, 'the profiler @secretlint/core uses was not found');
    const text = `deploy with token ${['ghp_', 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5'].join('')} please`;
    await SecretlintScanner.scan(text);
    await settle();
    const marksBefore = performance.getEntriesByType('mark').length;
    const measuresBefore = performance.getEntriesByType('measure').length;
    for (let i = 0; i < 40; i++) {
      assert.equal((await SecretlintScanner.scan(text)).length, 1);
      await settle();
    }
    // Before the fix each scan added about 60 marks to Node's timeline, which nothing clears.
    assert.equal(performance.getEntriesByType('mark').length, marksBefore, 'scans added marks to the global timeline');
    assert.equal(performance.getEntriesByType('measure').length, measuresBefore);
    assert.equal(profiler.entries.length, 0);
    assert.equal(profiler.measures.length, 0);
    assert.equal(profiler.executionPromises.length, 0);
  });

  it('a profiler left as secretlint made it would have marked every scan (the test above can fail)', async () => {
    const { SecretLintProfiler } = (await import(createRequire(require.resolve('@secretlint/core')).resolve('@secretlint/profiler'))) as {
      SecretLintProfiler: new (o: object) => { mark(m: { type: string }): void };
    };
    const fresh = new SecretLintProfiler({ perf: performance, PerformanceObserver });
    const before = performance.getEntriesByType('mark').length;
    fresh.mark({ type: '@secretlint/core>lint::start' });
    assert.equal(performance.getEntriesByType('mark').length, before + 1);
    performance.clearMarks('@secretlint/core>lint::start');
  });
});
