import * as assert from 'node:assert/strict';
import { Disposable, DisposableStore, toDisposable } from '../../../src/common/Disposable';

describe('Disposable', () => {
  it('toDisposable runs its function exactly once', () => {
    let calls = 0;
    const d = toDisposable(() => calls++);
    d.dispose();
    d.dispose();
    assert.equal(calls, 1);
  });

  it('DisposableStore disposes in reverse order of registration, once', () => {
    const order: string[] = [];
    const store = new DisposableStore();
    store.add(toDisposable(() => order.push('a')));
    store.add(toDisposable(() => order.push('b')));
    store.dispose();
    store.dispose();
    assert.deepEqual(order, ['b', 'a']);
    assert.equal(store.isDisposed, true);
  });

  it('an item added after disposal is disposed straight away', () => {
    const store = new DisposableStore();
    store.dispose();
    let disposed = false;
    const item = store.add(toDisposable(() => (disposed = true)));
    assert.equal(disposed, true);
    assert.equal(typeof item.dispose, 'function');
  });

  it('keeps disposing after one item throws, then rethrows that error', () => {
    const store = new DisposableStore();
    let later = false;
    store.add(toDisposable(() => (later = true)));
    store.add(
      toDisposable(() => {
        throw new Error('first');
      }),
    );
    assert.throws(() => store.dispose(), /first/);
    assert.equal(later, true);
  });

  it('several failures are reported together as an AggregateError', () => {
    const store = new DisposableStore();
    store.add(
      toDisposable(() => {
        throw new Error('one');
      }),
    );
    store.add(
      toDisposable(() => {
        throw new Error('two');
      }),
    );
    assert.throws(
      () => store.dispose(),
      (e: unknown) => e instanceof AggregateError && e.errors.map((x: Error) => x.message).join() === 'two,one',
    );
  });

  it('a Disposable subclass disposes what it registered', () => {
    let released = 0;
    class Owner extends Disposable {
      constructor() {
        super();
        this._register(toDisposable(() => released++));
        this._register(toDisposable(() => released++));
      }
    }
    const owner = new Owner();
    assert.equal(released, 0);
    owner.dispose();
    owner.dispose();
    assert.equal(released, 2);
  });
});
