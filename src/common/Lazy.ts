import { JarvisError } from './errors';

/**
 * A value produced on first use and then shared. Used to load heavy modules (the SDKs, vectra,
 * redis, prom-client) only when a feature first needs them, keeping activation fast.
 *
 * The first `get()` starts the load; concurrent callers share that one promise. A failed load is
 * NOT memoised: the next `get()` tries again (a transient failure must not disable a feature for
 * the rest of the session).
 */
export class Lazy<T> {
  private pending: Promise<T> | undefined;
  private loaded = false;
  private loadedValue: T | undefined;
  private loadCount = 0;

  constructor(private readonly loader: () => T | PromiseLike<T>) {
    if (typeof loader !== 'function') {
      throw new JarvisError('invalid-input', 'Lazy needs a loader function, e.g. lazyAsync(() => import("redis")).');
    }
  }

  /** True once a load has succeeded. */
  get isLoaded(): boolean {
    return this.loaded;
  }

  /** How many times the loader has been called (successful or not). */
  get loads(): number {
    return this.loadCount;
  }

  /** The value if already loaded, without triggering a load. */
  peek(): T | undefined {
    return this.loadedValue;
  }

  get(): Promise<T> {
    if (this.pending) return this.pending;
    this.loadCount++;
    // The loader runs in a microtask so that a synchronous throw still lands in the catch below
    // after `pending` is set, and is forgotten like any other failure.
    const promise: Promise<T> = Promise.resolve()
      .then(() => this.loader())
      .then(
        (value) => {
          this.loaded = true;
          this.loadedValue = value;
          return value;
        },
        (error: unknown) => {
          if (this.pending === promise) this.pending = undefined;
          throw error;
        },
      );
    this.pending = promise;
    return promise;
  }

  /** Drops the memoised value (e.g. after a settings change); the next get() loads again. */
  reset(): void {
    this.pending = undefined;
    this.loaded = false;
    this.loadedValue = undefined;
  }
}

/** `lazyAsync(() => import('redis'))`: the module is imported on the first `get()`, once. */
export function lazyAsync<T>(loader: () => PromiseLike<T>): Lazy<T> {
  return new Lazy(loader);
}
