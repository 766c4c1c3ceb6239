import * as assert from 'node:assert/strict';
import { SecretlintScanner } from '../../../src/core/security/SecretlintScanner';
import { findSecretlintProfiler } from '../../../src/core/security/secretlintProfiler';

describe("secretlint's profiler does not grow with every scan", function () {
  // Generous: alone it takes 0.3 s, but late in a full run on a loaded machine it took 24 s once and timed
  // out at 30 s once (session 12); what it asserts is a count, not a time.
  this.timeout(120_000);
  const settle = () => new Promise<void>((r) => setImmediate(r));

  it('finds the instance core uses, and it holds no more than one scan of timings however many scans ran', async () => {
    const core = await import('@secretlint/core');
    const profiler = await findSecretlintProfiler(core);
    assert.ok(profiler, 'the profiler @secretlint/core uses was not found');
    const text = `deploy with token ${['ghp_', 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5'].join('')} please`;
    await SecretlintScanner.scan(text);
    await settle();
    // The observer delivers a scan's marks after it returns: what is held now is one scan's worth.
    const oneScan = profiler.entries.length;
    assert.ok(oneScan > 0, 'secretlint recorded no marks: the test would prove nothing');
    for (let i = 0; i < 40; i++) {
      assert.equal((await SecretlintScanner.scan(text)).length, 1);
      await settle();
    }
    assert.ok(profiler.entries.length <= oneScan * 2, `${profiler.entries.length} entries after 41 scans (one scan: ${oneScan})`);
    assert.ok(profiler.executionPromises.length <= oneScan * 2);
  });
});
