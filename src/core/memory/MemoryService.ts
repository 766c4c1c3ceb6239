import * as path from 'node:path';
import { type Clock, systemClock } from '../../common/Clock';
import type { IDisposable } from '../../common/Disposable';
import { Emitter, type Event } from '../../common/Emitter';
import { errorMessage, isJarvisError, JarvisError } from '../../common/errors';
import type { JarvisSettings } from '../config/settings';
import { StreamingBatchProcessor } from '../batch/StreamingBatchProcessor';
import type { KeyValueStore } from '../ports';
import { systemTimer, type Timer, type TimerHandle } from '../resilience/Timer';
import { chooseEmbedder, type EmbedderEnvironment, embedderForId, embedderSettingsKey } from './embedders/chooseEmbedder';
import type { Embedder } from './embedders/Embedder';
import type { MemoryRecord, NewMemory } from './store/MemoryRecord';
import { readPointer } from './store/StorePointer';
import { type SwitchProgress, VectorMemoryStore } from './store/VectorMemoryStore';
import type { WorkspaceTrust } from './store/WorkspaceTrust';

/** Runs a long job with visible, cancellable progress (a VS Code notification in the host). */
export type BackgroundRunner = (title: string, job: (report: (p: SwitchProgress) => void, signal: AbortSignal) => Promise<void>) => Promise<void>;

export interface MemoryServiceOptions {
  /** The folder the store owns (the host passes `<storageUri>/memory`). */
  folder: string;
  settings: () => JarvisSettings;
  env: EmbedderEnvironment;
  trust: WorkspaceTrust;
  /** Remembers when retention cleanup last ran. */
  state: KeyValueStore;
  runInBackground: BackgroundRunner;
  /** Told about background failures the user should see (the host shows a warning). */
  onProblem?: (message: string) => void;
  clock?: Clock;
  /** Schedules the service's deferred work; every timer it starts is cleared on dispose. @default systemTimer */
  timer?: Timer;
  /** When set, retention cleanup is checked this often (it still runs at most once a day). */
  cleanupEveryMs?: number;
}

const DAY_MS = 86_400_000;
export const LAST_CLEANUP_KEY = 'jarvis.memory.lastCleanup';

/**
 * Owns the workspace's VectorMemoryStore: opens it on first use (never during activation), picks
 * the embedder from the settings, re-embeds in the background when that choice changes, and runs
 * retention cleanup at most once a day.
 */
export class MemoryService implements IDisposable {
  private opening: Promise<VectorMemoryStore> | undefined;
  private opened: VectorMemoryStore | undefined;
  private switching: AbortController | undefined;
  private embedderKey: string;
  private readonly clock: Clock;
  private disposed = false;
  private closed: Promise<void> | undefined;
  /** Memories written in the background (session summaries), stored in batches. */
  private readonly background: StreamingBatchProcessor<NewMemory>;
  private readonly timer: Timer;
  /** Timers started and not yet run: cleared on dispose, so nothing runs against a closed store. */
  private readonly pending = new Set<TimerHandle>();
  private readonly remembered = new Emitter<MemoryRecord>();
  /**
   * Fires for each memory a person stored (/remember in either chat, Remember Selection, the
   * jarvis_remember tool), never for what Jarvis writes or learns by itself: the walkthrough's
   * "Remember a decision" step completes on it.
   */
  readonly onDidRemember: Event<MemoryRecord> = this.remembered.event;

  constructor(private readonly options: MemoryServiceOptions) {
    this.clock = options.clock ?? systemClock;
    this.timer = options.timer ?? systemTimer;
    this.embedderKey = embedderSettingsKey(options.settings().memory);
    this.background = new StreamingBatchProcessor<NewMemory>({
      batchSize: 32,
      flushIntervalMs: 1_000,
      processBatch: (batch) => this.storeBatch(batch),
      onError: (e, batch) =>
        options.env.logger.warn(`Could not remember ${batch.length} background memor${batch.length === 1 ? 'y' : 'ies'}: ${errorMessage(e)}`),
    });
    if (options.cleanupEveryMs !== undefined) this.scheduleCleanup(options.cleanupEveryMs);
  }

  /**
   * Remembers a memory written in the background (not one the user is waiting for): buffered and
   * stored in batches, so many of them cost one embedding call and one index write. Resolves once
   * accepted; a failed batch is logged and never stops the others. Queued memories are still
   * written when the service is disposed (a session summary written as the window closes).
   * Does nothing while memory is turned off.
   */
  remember(memory: NewMemory): Promise<void> {
    if (this.disposed || !this.enabled) return Promise.resolve();
    return this.background.add(memory);
  }

  /** Called by the flows in which a person stores a memory (see onDidRemember). */
  noteRemembered(record: MemoryRecord): void {
    this.remembered.fire(record);
  }

  /** Background writes so far (for the log and the tests). */
  backgroundStats() {
    return this.background.stats();
  }

  /** Writes what `remember` has buffered now and waits for it. */
  flushBackground(): Promise<void> {
    return this.background.flush();
  }

  get enabled(): boolean {
    return this.options.settings().memory.enabled;
  }

  /** The store once opened, without opening it (for views that must not force a load). */
  get current(): VectorMemoryStore | undefined {
    return this.opened;
  }

  /** The store, opened on first call. A failed open is retried on the next call. */
  store(): Promise<VectorMemoryStore> {
    if (this.disposed) return Promise.reject(new JarvisError('cancelled', 'Jarvis memory was shut down.'));
    if (!this.enabled) {
      return Promise.reject(new JarvisError('invalid-input', 'Jarvis memory is turned off. Turn on the setting `jarvis.memory.enabled` to use it.'));
    }
    this.opening ??= this.open().then(
      (s) => {
        this.opened = s;
        // The first cleanup of the day runs once the store is open anyway (never forces an open).
        this.later(0, () => this.cleanupIfDue().catch((e: unknown) => this.options.env.logger.warn(`Memory retention cleanup failed: ${errorMessage(e)}`)));
        return s;
      },
      (e: unknown) => {
        this.opening = undefined;
        throw e;
      },
    );
    return this.opening;
  }

  /** Call when settings change: a different embedder choice re-embeds in the background. */
  settingsChanged(): void {
    const key = embedderSettingsKey(this.options.settings().memory);
    if (key === this.embedderKey) return;
    this.embedderKey = key;
    // Not open yet: the next open compares the index with the settings and switches then.
    if (this.opened) void this.switchToConfigured();
  }

  /** Re-embeds every memory with the embedder the settings ask for, if it differs from the current one. */
  async switchToConfigured(): Promise<void> {
    const store = this.opened;
    if (!store) return;
    this.switching?.abort();
    const mine = new AbortController();
    this.switching = mine;
    try {
      const current = { embedderId: store.embedder.id, dimension: store.embedder.dimension };
      const next = await chooseEmbedder(this.options.settings().memory, this.options.env, current, mine.signal);
      if (sameSpace(next, store.embedder) || mine.signal.aborted) return;
      await this.runSwitch(store, next, mine);
    } catch (e) {
      this.reportSwitchFailure(e, mine.signal);
    } finally {
      if (this.switching === mine) this.switching = undefined;
    }
  }

  /** Removes memories older than `retentionDays`, at most once a day and only once the store is open. */
  async cleanupIfDue(): Promise<number | undefined> {
    const store = this.opened;
    if (!store || !this.enabled) return undefined;
    const last = this.options.state.get<number>(LAST_CLEANUP_KEY);
    const now = this.clock.now();
    if (typeof last === 'number' && now - last < DAY_MS && last <= now) return undefined;
    await this.options.state.update(LAST_CLEANUP_KEY, now);
    const removed = await store.cleanup(this.options.settings().memory.retentionDays);
    if (removed > 0)
      this.options.env.logger.info(`Memory retention: removed ${removed} memories older than ${this.options.settings().memory.retentionDays} days.`);
    return removed;
  }

  dispose(): void {
    this.disposed = true;
    this.remembered.dispose();
    for (const h of this.pending) this.timer.clearTimeout(h);
    this.pending.clear();
    this.switching?.abort();
    // Background memories queued until now are written first, then the store's queue is drained.
    this.closed = this.background
      .stop()
      .catch(() => undefined)
      .then(() => this.opened?.close());
  }

  /** Resolves once a disposed service has written its background memories and drained the store. */
  whenClosed(): Promise<void> {
    return this.closed ?? Promise.resolve();
  }

  /** Runs `fn` after `ms` on the service's timer, owned until it runs or the service is disposed. */
  private later(ms: number, fn: () => unknown): void {
    if (this.disposed) return;
    const handle = this.timer.setTimeout(() => {
      this.pending.delete(handle);
      fn();
    }, ms);
    this.pending.add(handle);
  }

  private scheduleCleanup(everyMs: number): void {
    this.later(everyMs, () => {
      void this.cleanupIfDue().catch((e: unknown) => this.options.env.logger.warn(`Memory cleanup failed: ${errorMessage(e)}`));
      this.scheduleCleanup(everyMs);
    });
  }

  /** One background batch: stores run together so the write queue coalesces them into one flush. */
  private async storeBatch(batch: NewMemory[]): Promise<void> {
    // Also after dispose: the batch was accepted before the shutdown and must not be lost.
    const store = this.opened ?? (await (this.opening ?? this.open()));
    const results = await Promise.allSettled(batch.map(async (m) => store.store(m)));
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed.length > 0) throw new JarvisError('storage-failed', `${failed.length} of ${batch.length} failed: ${errorMessage(failed[0].reason)}`);
  }

  private async open(): Promise<VectorMemoryStore> {
    const { folder, env, trust, settings } = this.options;
    const s = settings().memory;
    const { pointer } = await readPointer(path.resolve(folder), this.clock.now()).catch(() => ({ pointer: undefined }));
    const existing = pointer ? { embedderId: pointer.embedderId, dimension: pointer.dimension } : undefined;
    const wanted = await chooseEmbedder(s, env, existing);
    const base = { folder, clock: this.clock, logger: env.logger, retentionDays: s.retentionDays, trust };
    if (!existing || sameSpace(wanted, existing)) return VectorMemoryStore.open({ ...base, embedder: wanted });
    // Serve at once with the index's own embedder, and move to the wanted one in the background.
    const old = embedderForId(existing.embedderId, existing.dimension, env);
    if (!old) {
      env.logger.warn(`The memory index was built with "${existing.embedderId}", which is not available: re-embedding with "${wanted.id}".`);
      return VectorMemoryStore.open({ ...base, embedder: wanted, reembed: true });
    }
    const store = await VectorMemoryStore.open({ ...base, embedder: old });
    this.later(0, () => void this.switchToConfigured());
    return store;
  }

  private runSwitch(store: VectorMemoryStore, next: Embedder, mine: AbortController): Promise<void> {
    const title = `Jarvis: re-indexing ${store.size} memories for ${next.id}`;
    this.options.env.logger.info(`${title} (was ${store.embedder.id})`);
    return this.options.runInBackground(title, async (report, signal) => {
      const both = AbortSignal.any([signal, mine.signal]);
      await store.switchEmbedder(next, report, both);
      this.options.env.logger.info(`Memory now uses ${next.id}.`);
    });
  }

  private reportSwitchFailure(e: unknown, signal: AbortSignal): void {
    if (signal.aborted || isJarvisError(e, 'cancelled')) {
      this.options.env.logger.info('Memory re-indexing cancelled; the previous embedder stays in use.');
      return;
    }
    const message = `Jarvis could not switch the memory embedder: ${errorMessage(e)} The previous embedder stays in use.`;
    this.options.env.logger.warn(message);
    this.options.onProblem?.(message);
  }
}

function sameSpace(a: { id: string; dimension: number } | Embedder, b: { embedderId: string; dimension: number } | Embedder): boolean {
  const bid = 'embedderId' in b ? b.embedderId : b.id;
  return a.id === bid && a.dimension === b.dimension;
}
