import { systemClock, type Clock } from '../../common/Clock';
import { JarvisError } from '../../common/errors';
import type { BudgetSnapshot } from '../audit/egressRecord';
import { isKnownCost, type Cost } from '../llm/pricing/PricingTable';

export interface BudgetOptions {
  /** US dollars of cloud spend per day; undefined for no daily cap. */
  dailyUsd?: number;
  /** US dollars of cloud spend per calendar month; undefined for no monthly cap. */
  monthlyUsd?: number;
  /** Fraction of a budget after which the cloud share starts dropping. @default 0.8 */
  throttleFrom?: number;
  /**
   * Where days and months begin: minutes east of UTC (e.g. 120 for UTC+2), or 'system' for this
   * machine's local time zone, daylight saving included. @default 'system'
   */
  timezoneOffsetMinutes?: number | 'system';
  clock?: Clock;
}

/** Persisted form. */
export interface BudgetState {
  version: 1;
  day: string;
  month: string;
  daySpentUsd: number;
  monthSpentUsd: number;
  /** Cloud calls whose price is unknown, this month: their spend is not in the totals. */
  unknownCostCalls: number;
}

export type BudgetCheck = { ok: true } | { ok: false; error: JarvisError };

/**
 * Daily and monthly cloud-spend caps. Near a cap the cloud share shrinks linearly so the budget is
 * approached gently; at the cap cloud calls are refused unless the user overrides that request.
 * Spend is recorded after a call, so one call may overshoot the cap by its own cost.
 */
export class BudgetGovernor {
  private readonly clock: Clock;
  private readonly daily: number | undefined;
  private readonly monthly: number | undefined;
  private readonly throttleFrom: number;
  private readonly tz: number | 'system';
  private state: BudgetState;

  constructor(options: BudgetOptions = {}) {
    this.daily = checkBudget(options.dailyUsd, 'dailyUsd');
    this.monthly = checkBudget(options.monthlyUsd, 'monthlyUsd');
    const from = options.throttleFrom ?? 0.8;
    if (typeof from !== 'number' || !(from > 0 && from < 1)) {
      throw new JarvisError('invalid-input', `throttleFrom must be a fraction between 0 and 1, such as 0.8 (got ${JSON.stringify(options.throttleFrom)}).`);
    }
    this.throttleFrom = from;
    const tz = options.timezoneOffsetMinutes ?? 'system';
    if (tz !== 'system' && !(typeof tz === 'number' && Number.isInteger(tz) && tz >= -720 && tz <= 840)) {
      throw new JarvisError('invalid-input', `timezoneOffsetMinutes must be 'system' or whole minutes from -720 to 840 (got ${JSON.stringify(tz)}).`);
    }
    this.tz = tz;
    this.clock = options.clock ?? systemClock;
    const { day, month } = this.keys();
    this.state = { version: 1, day, month, daySpentUsd: 0, monthSpentUsd: 0, unknownCostCalls: 0 };
  }

  /** Adds the cost of a cloud call. */
  record(cost: Cost): void {
    this.roll();
    if (isKnownCost(cost)) {
      if (!(Number.isFinite(cost.usd) && cost.usd >= 0))
        throw new JarvisError('invalid-input', `A cost must be a non-negative number of dollars (got ${cost.usd}).`);
      this.state.daySpentUsd += cost.usd;
      this.state.monthSpentUsd += cost.usd;
    } else {
      this.state.unknownCostCalls++;
    }
  }

  spent(): { dayUsd: number; monthUsd: number; unknownCostCalls: number } {
    this.roll();
    return { dayUsd: this.state.daySpentUsd, monthUsd: this.state.monthSpentUsd, unknownCostCalls: this.state.unknownCostCalls };
  }

  /** 1 while spend is below `throttleFrom` of every budget, falling linearly to 0 at the cap. */
  cloudShareFactor(): number {
    const u = this.utilisation();
    if (u <= this.throttleFrom) return 1;
    if (u >= 1) return 0;
    return (1 - u) / (1 - this.throttleFrom);
  }

  /** Whether a cloud call may go ahead now. `override` is the user's explicit choice for one request. */
  check(override = false): BudgetCheck {
    this.roll();
    if (override) return { ok: true };
    const fmt = (n: number) => `$${n.toFixed(2)}`;
    if (this.daily !== undefined && this.state.daySpentUsd >= this.daily) {
      return {
        ok: false,
        error: new JarvisError(
          'budget-exceeded',
          `Daily cloud budget reached: ${fmt(this.state.daySpentUsd)} spent of ${fmt(this.daily)} today. Jarvis uses local models until the budget resets at midnight; to use the cloud for one request anyway, resend it with the budget override.`,
        ),
      };
    }
    if (this.monthly !== undefined && this.state.monthSpentUsd >= this.monthly) {
      return {
        ok: false,
        error: new JarvisError(
          'budget-exceeded',
          `Monthly cloud budget reached: ${fmt(this.state.monthSpentUsd)} spent of ${fmt(this.monthly)} this month. Jarvis uses local models until the 1st; to use the cloud for one request anyway, resend it with the budget override.`,
        ),
      };
    }
    return { ok: true };
  }

  /** The state a decision is made in (see BudgetSnapshot); `override` as passed to {@link check}. */
  snapshot(override = false): BudgetSnapshot {
    const u = this.utilisation();
    const usd = (n: number) => Math.round(n * 1e6) / 1e6;
    return {
      state: u >= 1 ? 'exceeded' : u > this.throttleFrom ? 'warning' : 'ok',
      dayUsd: usd(this.state.daySpentUsd),
      ...(this.daily !== undefined ? { dailyUsd: this.daily } : {}),
      monthUsd: usd(this.state.monthSpentUsd),
      ...(this.monthly !== undefined ? { monthlyUsd: this.monthly } : {}),
      unknownCostCalls: this.state.unknownCostCalls,
      override,
    };
  }

  /** Throws the `budget-exceeded` JarvisError when `check` refuses. */
  assertCloudAllowed(override = false): void {
    const c = this.check(override);
    if (!c.ok) throw c.error;
  }

  toJSON(): BudgetState {
    this.roll();
    return { ...this.state };
  }

  /** Restores saved spend; state from an earlier day or month is rolled over, not trusted. */
  static fromJSON(state: unknown, options: BudgetOptions = {}): BudgetGovernor {
    const g = new BudgetGovernor(options);
    const s = state as Partial<BudgetState> | null;
    const money = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
    if (
      s === null ||
      typeof s !== 'object' ||
      s.version !== 1 ||
      typeof s.day !== 'string' ||
      typeof s.month !== 'string' ||
      !money(s.daySpentUsd) ||
      !money(s.monthSpentUsd) ||
      !(Number.isInteger(s.unknownCostCalls) && (s.unknownCostCalls as number) >= 0)
    ) {
      throw new JarvisError('invalid-input', 'Saved budget state is malformed (expected version 1 with day, month and spend); it was not loaded.');
    }
    g.state = { ...(s as BudgetState) };
    g.roll();
    return g;
  }

  private utilisation(): number {
    this.roll();
    let u = 0;
    if (this.daily !== undefined) u = Math.max(u, this.state.daySpentUsd / this.daily);
    if (this.monthly !== undefined) u = Math.max(u, this.state.monthSpentUsd / this.monthly);
    return u;
  }

  private roll(): void {
    const { day, month } = this.keys();
    if (month !== this.state.month) {
      this.state = { ...this.state, month, monthSpentUsd: 0, unknownCostCalls: 0 };
    }
    if (day !== this.state.day) this.state = { ...this.state, day, daySpentUsd: 0 };
  }

  private keys(): { day: string; month: string } {
    const now = this.clock.now();
    const offset = this.tz === 'system' ? -new Date(now).getTimezoneOffset() : this.tz;
    const iso = new Date(now + offset * 60_000).toISOString();
    return { day: iso.slice(0, 10), month: iso.slice(0, 7) };
  }
}

function checkBudget(v: unknown, name: string): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
    throw new JarvisError('invalid-input', `${name} must be a positive number of US dollars, or left unset for no cap (got ${JSON.stringify(v)}).`);
  }
  return v;
}
