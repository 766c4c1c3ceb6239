import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { FakeClock } from '../../../fakes/FakeClock';
import { isJarvisError } from '../../../../src/common/errors';
import type { MemoryRecord, NewMemory } from '../../../../src/core/memory/store/MemoryRecord';
import { OfflineEmbedder } from '../../../../src/core/memory/embedders/OfflineEmbedder';
import { PreferenceLearner } from '../../../../src/core/memory/preferences/PreferenceLearner';
import { SessionManager } from '../../../../src/core/memory/sessions/SessionManager';
import { VectorMemoryStore } from '../../../../src/core/memory/store/VectorMemoryStore';
import { MemoryKv } from '../../../fakes/MemoryKv';

const HOUR = 3_600_000;

describe('SessionManager', () => {
  let kv: MemoryKv;
  let clock: FakeClock;
  let stored: NewMemory[];
  const memory = {
    store: async (m: NewMemory) => {
      stored.push(m);
      return { id: 'm', type: m.type, text: m.text, metadata: { importance: 'medium', createdAt: 0, updatedAt: 0 } } as MemoryRecord;
    },
  };
  const make = () => new SessionManager({ store: kv, clock, memory });

  beforeEach(() => {
    kv = new MemoryKv();
    clock = new FakeClock(Date.UTC(2025, 7, 1));
    stored = [];
  });

  it('tracks projects and tasks: create, list, complete', async () => {
    const m = make();
    const p = await m.createProject('E-commerce Platform', 'Build online store', 'file:///shop');
    const t1 = await m.createTask('Implement shopping cart', 'Add/remove items, persist state', p.id);
    const t2 = await m.createTask('Checkout', '', p.id);
    assert.deepEqual(
      m.listTasks({ projectId: p.id }).map((t) => t.title),
      ['Implement shopping cart', 'Checkout'],
    );
    clock.advance(HOUR);
    const done = await m.completeTask(t2.id);
    assert.equal(done.status, 'done');
    assert.equal(done.completedAt, clock.now());
    assert.deepEqual(
      m.listTasks({ status: 'open' }).map((t) => t.id),
      [t1.id],
    );
    assert.deepEqual(
      m.listProjects('file:///shop').map((x) => x.name),
      ['E-commerce Platform'],
    );
    assert.equal(m.listProjects('file:///other').length, 0);
  });

  it('resumes with context: "Welcome back — last worked on …"', async () => {
    const m = make();
    const p = await m.createProject('E-commerce Platform', 'Build online store');
    const task = await m.createTask('Implement shopping cart', '', p.id);
    await m.createTask('Checkout', '', p.id);
    const s = await m.startSession({ user: 'developer_1', workspace: 'file:///shop', projectId: p.id });
    await m.setCurrentTask(s.id, task.id);
    await m.addHistory(s.id, { role: 'user', text: 'How do I persist the cart?' });
    await m.endSession(s.id);
    clock.advance(50 * HOUR);

    const again = make();
    const resumed = await again.resumeSession(s.id);
    assert.equal(resumed.greeting, 'Welcome back — last worked on “Implement shopping cart” (E-commerce Platform), 2 days ago. 2 open tasks.');
    assert.equal(resumed.currentTask?.id, task.id);
    assert.equal(resumed.recentHistory[0].text, 'How do I persist the cart?');
    assert.equal(resumed.session.endedAt, undefined);
    assert.equal(resumed.session.lastActiveAt, clock.now());

    const bare = await again.startSession({ user: 'developer_1', workspace: 'file:///shop' });
    clock.advance(3 * HOUR);
    assert.equal((await again.resumeSession(bare.id)).greeting, 'Welcome back — your last session was 3 hours ago.');
  });

  it('keeps history per user and workspace, newest first, and knows the active session', async () => {
    const m = make();
    const a = await m.startSession({ user: 'ann', workspace: 'w1' });
    clock.advance(HOUR);
    const b = await m.startSession({ user: 'ann', workspace: 'w2' });
    await m.startSession({ user: 'bob', workspace: 'w1' });
    assert.deepEqual(
      m.getSessionHistory('ann').map((s) => s.id),
      [b.id, a.id],
    );
    assert.deepEqual(
      m.getSessionHistory('ann', { workspace: 'w1' }).map((s) => s.id),
      [a.id],
    );
    assert.equal(m.findActiveSession('ann', 'w1')?.id, a.id);
    clock.advance(25 * HOUR);
    assert.equal(m.findActiveSession('ann', 'w1'), undefined, 'timed out after 24 h');
  });

  it('stores session summaries as meeting_summary memories, but not for untrusted workspaces', async () => {
    const m = make();
    const p = await m.createProject('web_app', '');
    const s = await m.startSession({ user: 'ann', workspace: 'w', projectId: p.id });
    await m.endSession(s.id, 'Agreed to move auth to OAuth; Ann drafts the migration.');
    assert.equal(stored.length, 1);
    assert.equal(stored[0].type, 'meeting_summary');
    assert.equal(stored[0].metadata?.project, 'web_app');
    assert.equal(stored[0].metadata?.user, 'ann');

    const u = await m.startSession({ user: 'ann', workspace: 'cloned-repo', untrusted: true });
    await m.endSession(u.id, 'Read the README of the cloned repo');
    assert.equal(stored.length, 1);
    assert.equal(m.getSession(u.id)?.summary, 'Read the README of the cloned repo');
  });

  it('the untrusted flag gates the learner and the memory store through trustFor', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jarvis-sess-'));
    try {
      const m = make();
      const s = await m.startSession({ user: 'ann', workspace: 'w', untrusted: true });
      const trust = m.trustFor(s.id);
      const learner = PreferenceLearner.load({ store: kv, clock, trust });
      const store = await VectorMemoryStore.open({ folder: dir, embedder: new OfflineEmbedder(), clock, trust });
      await assert.rejects(learner.learnFromWorkspaceConfig([{ fileName: '.editorconfig', content: '[*]\nindent_style = tab' }]), (e) =>
        isJarvisError(e, 'untrusted-workspace'),
      );
      assert.throws(
        () => store.storeFromWorkspace({ text: 'from README', type: 'insight' }),
        (e) => isJarvisError(e, 'untrusted-workspace'),
      );
      await m.setUntrusted(s.id, false);
      await learner.learnFromWorkspaceConfig([{ fileName: '.editorconfig', content: '[*]\nindent_style = tab' }]);
      await store.storeFromWorkspace({ text: 'from README', type: 'insight' });
      assert.equal(store.size, 1);
      assert.equal(learner.getPreferences().length, 1);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('persists through the KeyValueStore, caps history, and survives a damaged snapshot', async () => {
    const m = new SessionManager({ store: kv, clock, maxHistory: 3 });
    const s = await m.startSession({ user: 'ann', workspace: 'w' });
    for (let i = 0; i < 5; i++) await m.addHistory(s.id, { role: 'note', text: `n${i}` });
    const again = new SessionManager({ store: kv, clock });
    assert.deepEqual(
      again.getSession(s.id)?.history.map((h) => h.text),
      ['n2', 'n3', 'n4'],
    );
    kv.data.set('jarvis.memory.sessions', 'garbage');
    assert.equal(new SessionManager({ store: kv, clock }).getSessionHistory('ann').length, 0);
  });

  it('refuses bad input with clear errors', async () => {
    const m = make();
    assert.throws(() => new SessionManager({} as never), /needs a KeyValueStore/);
    assert.throws(() => new SessionManager({ store: kv, timeoutHours: 0 }), /timeoutHours must be positive/);
    await assert.rejects(m.startSession({ user: '', workspace: 'w' }), /user must be a non-empty string/);
    await assert.rejects(m.startSession({ user: 'a', workspace: 'w', projectId: 'nope' }), /no project "nope"; create it first/);
    await assert.rejects(m.createTask('t', '', 'nope'), /no project "nope"/);
    await m.createProject('Shop');
    await assert.rejects(m.createProject('shop'), /already exists/);
    await assert.rejects(m.completeTask('nope'), /no task "nope"/);
    await assert.rejects(m.resumeSession('nope'), /no session "nope"/);
    const s = await m.startSession({ user: 'a', workspace: 'w' });
    await assert.rejects(m.addHistory(s.id, { role: 'system' as never, text: 'x' }), /role must be user, assistant or note/);
    assert.throws(() => m.getSessionHistory('a', { limit: 0 }), /limit must be a whole number/);
  });
});
