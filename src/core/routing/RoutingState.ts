import type { Clock } from '../../common/Clock';
import type { IDisposable } from '../../common/Disposable';
import { errorMessage } from '../../common/errors';
import { PerformanceTracker } from './perf/PerformanceTracker';
import { BudgetGovernor, type BudgetOptions } from './BudgetGovernor';
import type { KeyValueStore, Logger } from '../ports';
import type { Timer, TimerHandle } from '../resilience/Timer';

export const TRACKER_STATE_KEY = 'jarvis.routing.performance';
export const BUDGET_STATE_KEY = 'jarvis.routing.budget';
/** Writes are batched: a burst of calls costs one globalState write. */
export const SAVE_DEBOUNCE_MS = 2_000;

export interface RoutingStateDeps {
  store: KeyValueStore;
  clock: Clock;
  timer: Timer;
  logger: Logger;
}

/**
 * The performance tracker and the budget governor, restored from the store on construction and
 * saved (debounced) after changes. Corrupt saved state is dropped with a warning: statistics are
 * worth less than a working chat.
 */
export class RoutingState implements IDisposable {
  readonly tracker: PerformanceTracker;
  private budgetGovernor: BudgetGovernor;
  private pending: TimerHandle | undefined;
  private disposed = false;

  constructor(
    private readonly deps: RoutingStateDeps,
    budgetOptions: BudgetOptions,
  ) {
    this.tracker = this.restore(
      TRACKER_STATE_KEY,
      'performance statistics',
      (s) => PerformanceTracker.fromJSON(s, { clock: deps.clock }),
      () => new PerformanceTracker({ clock: deps.clock }),
    );
    this.budgetGovernor = this.restore(
      BUDGET_STATE_KEY,
      'cloud spend',
      (s) => BudgetGovernor.fromJSON(s, { ...budgetOptions, clock: deps.clock }),
      () => new BudgetGovernor({ ...budgetOptions, clock: deps.clock }),
    );
  }

  get budget(): BudgetGovernor {
    return this.budgetGovernor;
  }

  /** New caps (settings changed); the spend so far is kept. */
  reconfigureBudget(options: BudgetOptions): void {
    this.budgetGovernor = BudgetGovernor.fromJSON(this.budgetGovernor.toJSON(), { ...options, clock: this.deps.clock });
  }

  /** Schedules a save; several changes within SAVE_DEBOUNCE_MS are written once. */
  changed(): void {
    if (this.disposed || this.pending !== undefined) return;
    this.pending = this.deps.timer.setTimeout(() => {
      this.pending = undefined;
      void this.save();
    }, SAVE_DEBOUNCE_MS);
  }

  /** Writes now (also called on dispose, so nothing recorded is lost at shutdown). */
  async save(): Promise<void> {
    if (this.pending !== undefined) {
      this.deps.timer.clearTimeout(this.pending);
      this.pending = undefined;
    }
    try {
      await Promise.all([
        this.deps.store.update(TRACKER_STATE_KEY, this.tracker.toJSON()),
        this.deps.store.update(BUDGET_STATE_KEY, this.budgetGovernor.toJSON()),
      ]);
    } catch (e) {
      this.deps.logger.warn(`Could not save routing statistics: ${errorMessage(e)}`);
    }
  }

  dispose(): void {
    if (this.disposed) return;
    const dirty = this.pending !== undefined;
    this.disposed = true;
    if (dirty) void this.save();
  }

  private restore<T>(key: string, what: string, load: (state: unknown) => T, fresh: () => T): T {
    let saved: unknown;
    try {
      saved = this.deps.store.get<unknown>(key);
      if (saved === undefined) return fresh();
      return load(saved);
    } catch (e) {
      this.deps.logger.warn(`Saved ${what} could not be restored and start fresh: ${errorMessage(e)}`);
      return fresh();
    }
  }
}
