import * as assert from 'node:assert/strict';
import { isJarvisError } from '../../../src/common/errors';
import { Lazy, lazyAsync } from '../../../src/common/Lazy';

describe('Lazy', () => {
  it('does not load until first use, then shares one load between concurrent callers', async () => {
    let loads = 0;
    const lazy = new Lazy(async () => ({ id: ++loads }));
    assert.equal(loads, 0);
    assert.equal(lazy.isLoaded, false);
    const [a, b] = await Promise.all([lazy.get(), lazy.get()]);
    assert.equal(loads, 1);
    assert.equal(a, b);
    assert.equal(await lazy.get(), a);
    assert.equal(lazy.peek(), a);
    assert.equal(lazy.isLoaded, true);
  });

  it('does not memoise a failed load: the next get() tries again', async () => {
    let attempt = 0;
    const lazy = new Lazy(async () => {
      if (++attempt === 1) throw new Error('disk hiccup');
      return 'loaded';
    });
    await assert.rejects(lazy.get(), /disk hiccup/);
    assert.equal(lazy.isLoaded, false);
    assert.equal(await lazy.get(), 'loaded');
    assert.equal(lazy.loads, 2);
  });

  it('treats a loader that throws synchronously the same way', async () => {
    let attempt = 0;
    const lazy = new Lazy(() => {
      if (++attempt === 1) throw new Error('sync failure');
      return 7;
    });
    await assert.rejects(lazy.get(), /sync failure/);
    assert.equal(await lazy.get(), 7);
  });

  it('lazyAsync(() => import(x)) loads a real ESM-only module from CommonJS on first use', async () => {
    const pRetry = lazyAsync(() => import('p-retry'));
    const mod = await pRetry.get();
    assert.equal(typeof mod.default, 'function');
    assert.equal(await mod.default(async () => 'ran'), 'ran');
  });

  it('reset() forgets the value so the next get() loads again', async () => {
    let loads = 0;
    const lazy = new Lazy(() => ++loads);
    await lazy.get();
    lazy.reset();
    assert.equal(lazy.peek(), undefined);
    assert.equal(await lazy.get(), 2);
  });

  it('refuses a missing loader with a clear message', () => {
    assert.throws(
      () => new Lazy(undefined as never),
      (e: unknown) => isJarvisError(e, 'invalid-input') && e.message === 'Lazy needs a loader function, e.g. lazyAsync(() => import("redis")).',
    );
  });
});
