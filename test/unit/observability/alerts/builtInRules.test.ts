import { strict as assert } from 'node:assert';
import { FakeClock } from '../../../fakes/FakeClock';
import { AlertManager } from '../../../../src/core/observability/alerts/AlertManager';
import { builtInRules, LONG_FLOOR_MS, longLimitMs } from '../../../../src/core/observability/alerts/builtInRules';
import { RequestHistory, type RequestSummary } from '../../../../src/core/observability/RequestHistory';

type Outcome = RequestSummary['outcome'];

describe('built-in alert rules', () => {
  function setup() {
    const clock = new FakeClock(Date.UTC(2026, 11, 1, 12));
    const history = new RequestHistory(clock);
    const spend = { todayUsd: 0, monthUsd: 0, dailyBudgetUsd: 5, monthlyBudgetUsd: 50 };
    const circuits: Array<{ key: string; state: string }> = [];
    const heap = { bytes: 100 * 1024 * 1024 };
    const manager = new AlertManager({ clock, cooldownMs: 300_000 });
    for (const r of builtInRules({
      history,
      spend: () => spend,
      circuits: () => circuits,
      heapUsedBytes: () => heap.bytes,
      settings: () => ({ errorRate: 0.1, memoryMb: 1024 }),
      clock,
    }))
      manager.register(r);
    let n = 0;
    const finish = (outcome: Outcome, extra: Partial<RequestSummary> = {}) =>
      history.finish({ requestId: `r${++n}`, outcome, placement: 'local', kind: 'chat', tier: 'low', durationMs: 1000, ...extra });
    const rules = () => manager.evaluate().map((a) => a.rule);
    return { clock, history, spend, circuits, heap, manager, finish, rules };
  }

  it('error rate: over 10% of at least 5 requests in the last 5 minutes; older failures do not count', () => {
    const { clock, finish, rules, manager } = setup();
    for (let i = 0; i < 9; i++) finish('success');
    finish('error', { errorCategory: 'network' });
    assert.deepEqual(rules(), [], '1 of 10 = 10% is not over 10%');
    finish('error', { errorCategory: 'network' });
    assert.deepEqual(rules(), ['high-error-rate']);
    assert.match(manager.active()[0].message, /2 of 11 requests failed .*18%; mostly network/);
    assert.equal(manager.active()[0].fix?.command, 'jarvis.showLog');
    clock.advance(5 * 60_000 + 1);
    manager.evaluate();
    assert.deepEqual(manager.active(), [], 'resolved once the failures left the window');
  });

  it('error rate: cancelled requests are not failures, and 4 requests are too few to judge', () => {
    const { finish, rules } = setup();
    for (let i = 0; i < 4; i++) finish('error');
    for (let i = 0; i < 6; i++) finish('cancelled');
    assert.deepEqual(rules(), []);
  });

  it('budget: 80% of the daily cap warns, the cap itself is critical with the setting as the fix', () => {
    const { spend, rules, manager } = setup();
    spend.todayUsd = 3.99;
    assert.deepEqual(rules(), []);
    spend.todayUsd = 4;
    assert.deepEqual(rules(), ['budget-near']);
    spend.todayUsd = 5.01;
    assert.deepEqual(rules(), ['budget-exceeded']);
    const critical = manager.active('critical')[0];
    assert.match(critical.message, /daily cloud budget is spent \(\$5\.01 of \$5\.00\)/);
    assert.deepEqual(critical.fix, { title: 'Open Budget Settings', command: 'jarvis.openSettings', args: ['jarvis.budget.dailyUsd'] });
    assert.deepEqual(
      manager.active().map((a) => a.rule),
      ['budget-exceeded'],
      'near is resolved once the cap is crossed',
    );
  });

  it('long-running: past max(120 s, 5 × the tier p95), by the injected clock', () => {
    const { clock, history, finish, rules } = setup();
    for (let i = 0; i < 20; i++) finish('success', { tier: 'high', durationMs: 40_000 + i * 100 });
    assert.equal(longLimitMs(history, 'high'), 5 * 41_800, '5 × p95 (the 19th of 20 durations)');
    assert.equal(longLimitMs(history, 'trivial'), LONG_FLOOR_MS, 'no history: the floor');
    history.start('slow', 'high');
    clock.advance(209_000);
    assert.deepEqual(rules(), []);
    clock.advance(1_000);
    assert.deepEqual(rules(), ['long-running-request']);
    history.finish({ requestId: 'slow', outcome: 'success', placement: 'cloud', kind: 'chat', tier: 'high', durationMs: 210_000 });
    assert.deepEqual(rules(), []);
  });

  it('circuit open and memory over the limit', () => {
    const { circuits, heap, rules, manager } = setup();
    circuits.push({ key: 'openai', state: 'closed' });
    assert.deepEqual(rules(), []);
    circuits.push({ key: 'anthropic:claude-sonnet-4-0', state: 'open' });
    heap.bytes = 1100 * 1024 * 1024;
    assert.deepEqual(rules().sort(), ['circuit-open', 'memory-high']);
    assert.match(manager.active().find((a) => a.rule === 'circuit-open')?.message ?? '', /anthropic:claude-sonnet-4-0/);
    assert.match(manager.active().find((a) => a.rule === 'memory-high')?.message ?? '', /1100 MB of heap \(limit 1024 MB\)/);
  });
});
