import { strict as assert } from 'node:assert';
import { FakeClock } from '../../../fakes/FakeClock';
import { AlertManager, type AlertCondition } from '../../../../src/core/observability/alerts/AlertManager';

describe('AlertManager', () => {
  function setup(cooldownMs = 300_000) {
    const clock = new FakeClock(Date.UTC(2026, 11, 1, 12));
    const manager = new AlertManager({ clock, cooldownMs });
    const state: { a?: AlertCondition; b?: AlertCondition } = {};
    manager.register({ name: 'a', severity: 'warning', evaluate: () => state.a });
    manager.register({ name: 'b', severity: 'critical', evaluate: () => state.b });
    const fired: string[] = [];
    manager.onDidFire((x) => fired.push(x.rule));
    return { clock, manager, state, fired };
  }

  it('raises an alert once while its condition holds, and resolves it when it clears', () => {
    const { manager, state, fired } = setup();
    assert.deepEqual(manager.evaluate(), []);
    state.a = { message: 'A is bad' };
    assert.equal(manager.evaluate().length, 1);
    assert.equal(manager.evaluate().length, 0, 'no repeat while active');
    assert.deepEqual(
      manager.active().map((x) => [x.rule, x.message, x.acknowledged]),
      [['a', 'A is bad', false]],
    );
    state.a = undefined;
    manager.evaluate();
    assert.deepEqual(manager.active(), []);
    assert.deepEqual(fired, ['a']);
  });

  it('does not raise the same rule again within the 300 s cooldown, and does after it', () => {
    const { clock, manager, state, fired } = setup();
    state.a = { message: 'x' };
    manager.evaluate();
    state.a = undefined;
    manager.evaluate();
    state.a = { message: 'x again' };
    clock.advance(299_000);
    assert.deepEqual(manager.evaluate(), []);
    clock.advance(1_000);
    assert.deepEqual(
      manager.evaluate().map((x) => x.message),
      ['x again'],
    );
    assert.deepEqual(fired, ['a', 'a']);
  });

  it('acknowledge removes an alert from the active list and it is not raised again while the condition holds', () => {
    const { clock, manager, state } = setup();
    state.a = { message: 'x' };
    state.b = { message: 'y' };
    manager.evaluate();
    assert.deepEqual(
      manager.active().map((x) => x.rule),
      ['b', 'a'],
      'most severe first',
    );
    assert.deepEqual(
      manager.active('warning').map((x) => x.rule),
      ['a'],
    );
    const id = manager.active('critical')[0].id;
    assert.equal(manager.acknowledge(id), true);
    assert.equal(manager.acknowledge(id), false, 'twice is a no-op');
    assert.equal(manager.acknowledge('nope'), false);
    clock.advance(3_600_000);
    assert.deepEqual(manager.evaluate(), []);
    assert.deepEqual(
      manager.active().map((x) => x.rule),
      ['a'],
    );
  });

  it('a throwing rule does not stop the others; a duplicate rule name is refused', () => {
    const { manager, state } = setup();
    manager.register({
      name: 'broken',
      severity: 'info',
      evaluate: () => {
        throw new Error('nope');
      },
    });
    state.b = { message: 'y' };
    assert.deepEqual(
      manager.evaluate().map((x) => x.rule),
      ['b'],
    );
    assert.throws(() => manager.register({ name: 'a', severity: 'info', evaluate: () => undefined }), /already registered/);
  });
});
