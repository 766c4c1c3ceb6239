import * as assert from 'node:assert/strict';
import { FakeClock } from '../../../fakes/FakeClock';
import { isJarvisError } from '../../../../src/common/errors';
import type { NewMemory } from '../../../../src/core/memory/store/MemoryRecord';
import { CurrentSession } from '../../../../src/core/memory/sessions/CurrentSession';
import { SessionContextContributor } from '../../../../src/core/memory/contributors/SessionContextContributor';
import { SessionManager } from '../../../../src/core/memory/sessions/SessionManager';
import { FakeTimer } from '../../../fakes/FakeTimer';
import { MemoryKv } from '../../../fakes/MemoryKv';

const HOUR = 3_600_000;
const signal = new AbortController().signal;
const ask = (prompt: string) => ({ prompt, history: [], signal });

describe('SessionContextContributor (sessions in chat)', () => {
  let kv: MemoryKv;
  let clock: FakeClock;
  let timer: FakeTimer;
  let stored: NewMemory[];
  let untrusted: boolean;

  /** One VS Code window: its own SessionManager over the shared workspace state. */
  const window = (opts: { budgetTokens?: number } = {}) => {
    const sessions = new SessionManager({ store: kv, clock, memory: { store: async (m) => void stored.push(m) } });
    const current = new CurrentSession(sessions, { user: 'ann', workspace: 'file:///shop', isUntrusted: () => untrusted });
    return { sessions, current, contributor: new SessionContextContributor({ current, clock, timer, idleMs: 2 * HOUR, ...opts }) };
  };

  beforeEach(() => {
    kv = new MemoryKv();
    clock = new FakeClock(Date.UTC(2025, 7, 1));
    timer = new FakeTimer(clock);
    stored = [];
    untrusted = false;
  });

  it('starts a session on the first chat, records exchanges, and puts the project and task in the system prompt', async () => {
    const w = window();
    const first = await w.contributor.contribute(ask('hi'), signal);
    assert.equal(first.notices, undefined, 'nothing to welcome back to');
    assert.equal(first.system, undefined, 'no project yet');
    const s = await w.current.current();
    const p = await w.sessions.createProject('E-commerce Platform', 'Online store');
    const t = await w.sessions.createTask('Implement shopping cart', 'Persist items', p.id);
    await w.sessions.createTask('Checkout', '', p.id);
    await w.sessions.setCurrentTask(s.id, t.id);
    const c = await w.contributor.contribute(ask('how do I persist the cart?'), signal);
    assert.equal(
      c.system,
      'Current work in this workspace (from the Jarvis session):\n- Project: E-commerce Platform — Online store\n- Current task: Implement shopping cart — Persist items\n- Other open tasks: Checkout',
    );
    await w.contributor.observe({ prompt: 'how do I persist the cart?', answer: 'Use localStorage.' });
    assert.deepEqual(
      w.sessions.getSession(s.id)!.history.map((h) => [h.role, h.text]),
      [
        ['user', 'how do I persist the cart?'],
        ['assistant', 'Use localStorage.'],
      ],
    );
  });

  it('keeps the block within its token budget', async () => {
    const w = window({ budgetTokens: 30 });
    const s = await w.current.current();
    const p = await w.sessions.createProject('Shop', 'x'.repeat(500));
    await w.sessions.setProject(s.id, p.id);
    const c = await w.contributor.contribute(ask('q'), signal);
    assert.ok(c.system && Math.ceil(c.system.length / 4) <= 30, c.system);
    assert.match(c.system!, /…$/);
  });

  it('on window close: ends the session and stores its summary; the next window says “Welcome back” once and carries the task on', async () => {
    const w = window();
    const s = await w.current.current();
    const p = await w.sessions.createProject('E-commerce Platform');
    const t = await w.sessions.createTask('Implement shopping cart', '', p.id);
    await w.sessions.setCurrentTask(s.id, t.id);
    await w.contributor.contribute(ask('how do I persist the cart?'), signal);
    await w.contributor.observe({ prompt: 'how do I persist the cart?', answer: 'localStorage' });
    await w.contributor.endSession(); // what dispose() starts when the window closes
    assert.ok(w.sessions.getSession(s.id)!.endedAt);
    assert.equal(stored.length, 1);
    assert.equal(stored[0].type, 'meeting_summary');
    assert.equal(stored[0].text, 'Session on “Implement shopping cart” (E-commerce Platform): 1 question — “how do I persist the cart?”.');
    assert.equal(stored[0].metadata?.project, 'E-commerce Platform');

    clock.advance(50 * HOUR);
    const next = window();
    const c = await next.contributor.contribute(ask('where was I?'), signal);
    assert.deepEqual(c.notices, [
      { type: 'notice', level: 'info', message: 'Welcome back — last worked on “Implement shopping cart” (E-commerce Platform), 2 days ago. 1 open task.' },
    ]);
    assert.match(c.system!, /Current task: Implement shopping cart/);
    assert.match(c.system!, /Last session: Session on/);
    const again = await next.contributor.contribute(ask('and then?'), signal);
    assert.equal(again.notices, undefined, 'only the first chat of the session is greeted');
    assert.notEqual((await next.current.current()).id, s.id, 'a new session was started');
  });

  it('ends an idle session after the timeout, and does not store a summary for an untrusted workspace', async () => {
    untrusted = true;
    const w = window();
    await w.contributor.contribute(ask('read the README'), signal);
    await w.contributor.observe({ prompt: 'read the README', answer: 'ok' });
    const id = (await w.current.current()).id;
    await timer.advanceAsync(2 * HOUR);
    const ended = w.sessions.getSession(id)!;
    assert.ok(ended.endedAt, 'ended after idling past the timeout');
    assert.match(ended.summary!, /1 question/);
    assert.equal(stored.length, 0, 'untrusted: the conversation is not remembered');
  });

  it('ends a session without questions without storing anything, and dispose is safe twice', async () => {
    const w = window();
    await w.current.current();
    w.contributor.dispose();
    w.contributor.dispose();
    await new Promise((r) => setImmediate(r));
    assert.equal(stored.length, 0);
  });

  it('refuses bad options with clear errors', () => {
    const w = window();
    assert.throws(
      () => new SessionContextContributor({ current: undefined as never }),
      (e: unknown) => isJarvisError(e, 'invalid-input') && /CurrentSession/.test((e as Error).message),
    );
    assert.throws(() => new SessionContextContributor({ current: w.current, idleMs: 0 }), /idleMs must be a positive number/);
    assert.throws(() => new SessionContextContributor({ current: w.current, budgetTokens: Number.NaN }), /budgetTokens/);
  });
});
