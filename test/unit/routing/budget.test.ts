import * as assert from 'node:assert/strict';
import { FakeClock } from '../../fakes/FakeClock';
import { isJarvisError } from '../../../src/common/errors';
import { BudgetGovernor } from '../../../src/core/routing/BudgetGovernor';

const at = (iso: string) => new FakeClock(Date.parse(iso));
const MIN = 60_000;

describe('BudgetGovernor', () => {
  it('without budgets never throttles or refuses', () => {
    const g = new BudgetGovernor({ clock: at('2025-03-10T12:00:00Z') });
    g.record({ usd: 1000 });
    assert.equal(g.cloudShareFactor(), 1);
    assert.deepEqual(g.check(), { ok: true });
  });

  it('keeps the full cloud share below 80% and drops it linearly to 0 at the cap', () => {
    const g = new BudgetGovernor({ dailyUsd: 10, clock: at('2025-03-10T12:00:00Z'), timezoneOffsetMinutes: 0 });
    g.record({ usd: 8 });
    assert.equal(g.cloudShareFactor(), 1);
    g.record({ usd: 1 }); // 90%
    assert.ok(Math.abs(g.cloudShareFactor() - 0.5) < 1e-9);
    g.record({ usd: 0.5 }); // 95%
    assert.ok(Math.abs(g.cloudShareFactor() - 0.25) < 1e-9);
    assert.deepEqual(g.check(), { ok: true }, 'below the cap cloud calls are still allowed');
    g.record({ usd: 0.5 }); // 100%
    assert.equal(g.cloudShareFactor(), 0);
  });

  it('refuses cloud calls at the daily cap with a clear budget-exceeded error, unless overridden', () => {
    const g = new BudgetGovernor({ dailyUsd: 5, clock: at('2025-03-10T12:00:00Z'), timezoneOffsetMinutes: 0 });
    g.record({ usd: 4.999 });
    assert.doesNotThrow(() => g.assertCloudAllowed());
    g.record({ usd: 0.011 });
    assert.throws(
      () => g.assertCloudAllowed(),
      (e) =>
        isJarvisError(e, 'budget-exceeded') &&
        e.message ===
          'Daily cloud budget reached: $5.01 spent of $5.00 today. Jarvis uses local models until the budget resets at midnight; to use the cloud for one request anyway, resend it with the budget override.',
    );
    assert.doesNotThrow(() => g.assertCloudAllowed(true));
  });

  it('refuses at the monthly cap while the daily budget is fine', () => {
    const clock = at('2025-03-01T09:00:00Z');
    const g = new BudgetGovernor({ dailyUsd: 5, monthlyUsd: 12, clock, timezoneOffsetMinutes: 0 });
    for (let day = 0; day < 3; day++) {
      g.record({ usd: 4 });
      clock.advance(24 * 60 * MIN);
    }
    assert.equal(g.spent().dayUsd, 0);
    const c = g.check();
    assert.ok(!c.ok && /^Monthly cloud budget reached: \$12\.00 spent of \$12\.00 this month/.test(c.error.message));
    assert.equal(g.cloudShareFactor(), 0);
  });

  it('resets the day at local midnight for the configured offset', () => {
    // 23:59 UTC is 23:59 at UTC+0 but 18:59 at UTC-5.
    const clockUtc = at('2025-03-10T23:59:00Z');
    const utc = new BudgetGovernor({ dailyUsd: 1, clock: clockUtc, timezoneOffsetMinutes: 0 });
    const clockNy = at('2025-03-10T23:59:00Z');
    const ny = new BudgetGovernor({ dailyUsd: 1, clock: clockNy, timezoneOffsetMinutes: -300 });
    utc.record({ usd: 1 });
    ny.record({ usd: 1 });
    clockUtc.advance(2 * MIN);
    clockNy.advance(2 * MIN);
    assert.equal(utc.spent().dayUsd, 0, 'new day in UTC');
    assert.equal(ny.spent().dayUsd, 1, 'still the same evening at UTC-5');
    assert.equal(ny.check().ok, false);
    clockNy.advance(5 * 60 * MIN); // 05:01 UTC = 00:01 at UTC-5
    assert.equal(ny.check().ok, true);
  });

  it('resets the month on the 1st, in local time', () => {
    const clock = at('2025-01-31T22:30:00Z');
    const g = new BudgetGovernor({ monthlyUsd: 3, clock, timezoneOffsetMinutes: 120 }); // already Feb 1st 00:30 at UTC+2
    g.record({ usd: 3 });
    assert.equal(g.toJSON().month, '2025-02');
    clock.advance(28 * 24 * 60 * MIN);
    assert.equal(g.spent().monthUsd, 0);
  });

  it("uses this machine's time zone by default", () => {
    const clock = at('2025-07-04T12:00:00Z');
    const g = new BudgetGovernor({ clock });
    const d = new Date(clock.now());
    const local = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    assert.equal(g.toJSON().day, local);
  });

  it('counts calls of unknown price instead of pretending they were free', () => {
    const g = new BudgetGovernor({ dailyUsd: 1, clock: at('2025-03-10T12:00:00Z') });
    g.record({ unknown: true });
    assert.deepEqual(g.spent(), { dayUsd: 0, monthUsd: 0, unknownCostCalls: 1 });
  });

  it('persists spend, and rolls over state saved on an earlier day', () => {
    const clock = at('2025-03-10T12:00:00Z');
    const opts = { dailyUsd: 5, monthlyUsd: 50, clock, timezoneOffsetMinutes: 0 };
    const g = new BudgetGovernor(opts);
    g.record({ usd: 4.5 });
    const saved = JSON.parse(JSON.stringify(g.toJSON()));
    const same = BudgetGovernor.fromJSON(saved, opts);
    assert.deepEqual(same.spent(), { dayUsd: 4.5, monthUsd: 4.5, unknownCostCalls: 0 });
    assert.ok(same.cloudShareFactor() < 1);
    clock.advance(24 * 60 * MIN);
    const next = BudgetGovernor.fromJSON(saved, opts);
    assert.deepEqual(next.spent(), { dayUsd: 0, monthUsd: 4.5, unknownCostCalls: 0 });
  });

  it('refuses malformed saved state and bad options with clear messages', () => {
    const bad = (fn: () => unknown, msg: RegExp) => assert.throws(fn, (e) => isJarvisError(e, 'invalid-input') && msg.test(e.message));
    bad(
      () => BudgetGovernor.fromJSON({ version: 1, day: '2025-03-10', month: '2025-03', daySpentUsd: -1, monthSpentUsd: 0, unknownCostCalls: 0 }),
      /Saved budget state is malformed/,
    );
    bad(() => BudgetGovernor.fromJSON('nope'), /Saved budget state is malformed/);
    bad(() => new BudgetGovernor({ dailyUsd: 0 }), /dailyUsd must be a positive number of US dollars, or left unset for no cap \(got 0\)/);
    bad(() => new BudgetGovernor({ monthlyUsd: Number.NaN }), /monthlyUsd must be a positive number/);
    bad(() => new BudgetGovernor({ throttleFrom: 1 }), /throttleFrom must be a fraction between 0 and 1, such as 0.8 \(got 1\)/);
    bad(() => new BudgetGovernor({ timezoneOffsetMinutes: 30.5 }), /timezoneOffsetMinutes must be 'system' or whole minutes from -720 to 840 \(got 30.5\)/);
    const g = new BudgetGovernor({ clock: at('2025-03-10T12:00:00Z') });
    bad(() => g.record({ usd: -2 }), /A cost must be a non-negative number of dollars \(got -2\)/);
  });

  it('snapshot: spend against each cap, ok → warning past 80% → exceeded at a cap, and the override as given', () => {
    const g = new BudgetGovernor({ dailyUsd: 10, monthlyUsd: 100, clock: at('2025-03-10T12:00:00Z'), timezoneOffsetMinutes: 0 });
    g.record({ usd: 2 });
    g.record({ unknown: true });
    assert.deepEqual(g.snapshot(), { state: 'ok', dayUsd: 2, dailyUsd: 10, monthUsd: 2, monthlyUsd: 100, unknownCostCalls: 1, override: false });
    g.record({ usd: 6.5 }); // 85% of the day
    assert.equal(g.snapshot().state, 'warning');
    g.record({ usd: 1.5 });
    assert.deepEqual(
      [g.snapshot().state, g.snapshot(true).state, g.snapshot(true).override],
      ['exceeded', 'exceeded', true],
      'the override lets a request past the cap; the cap is still reached',
    );
    const uncapped = new BudgetGovernor({ clock: at('2025-03-10T12:00:00Z') });
    uncapped.record({ usd: 1000 });
    assert.deepEqual(uncapped.snapshot(), { state: 'ok', dayUsd: 1000, monthUsd: 1000, unknownCostCalls: 0, override: false });
  });
});
