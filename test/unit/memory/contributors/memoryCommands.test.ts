import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { FakeClock } from '../../../fakes/FakeClock';
import type { ChatChunk } from '../../../../src/core/chat/ChatChunk';
import { ChatEngine } from '../../../../src/core/chat/ChatEngine';
import type { Responder } from '../../../../src/core/chat/ChatPipeline';
import { DEFAULT_SETTINGS, type JarvisSettings } from '../../../../src/core/config/settings';
import { createMemoryCommands, FORGET_COMMAND } from '../../../../src/core/memory/contributors/memoryCommands';
import type { MemoryRecord } from '../../../../src/core/memory/store/MemoryRecord';
import { OfflineEmbedder } from '../../../../src/core/memory/embedders/OfflineEmbedder';
import { VectorMemoryStore } from '../../../../src/core/memory/store/VectorMemoryStore';
import { nullLogger } from '../../../../src/core/ports';
import { collect } from '../../helpers/collect';

const noModel: Responder = {
  async *respond() {
    throw new Error('slash commands must not reach the model');
  },
};
const DAY = 86_400_000;

describe('memory slash commands', () => {
  let dir: string;
  let clock: FakeClock;
  let store: VectorMemoryStore;
  let settings: JarvisSettings;
  let remembered: MemoryRecord[];
  let engine: ChatEngine;

  const say = async (prompt: string): Promise<ChatChunk[]> => collect(engine.run({ prompt, history: [], signal: new AbortController().signal }));
  const text = (chunks: ChatChunk[]) => chunks.map((c) => (c.type === 'markdown' ? c.text : c.type === 'error' ? `ERROR ${c.message}` : '')).join('');

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jarvis-memcmd-'));
    clock = new FakeClock(Date.UTC(2025, 6, 10));
    store = await VectorMemoryStore.open({ folder: dir, embedder: new OfflineEmbedder(), clock });
    settings = structuredClone(DEFAULT_SETTINGS);
    remembered = [];
    const commands = createMemoryCommands({
      memory: { store: async () => store },
      settings: () => settings,
      clock,
      scope: () => ({ project: 'Shop', user: undefined }),
      onRemembered: (r) => void remembered.push(r),
    });
    engine = new ChatEngine({ settings: () => settings, responder: noModel, commands, clock, logger: nullLogger });
  });

  afterEach(async () => {
    await store.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('/remember stores with the named type, the session scope, and answers with a reference', async () => {
    const chunks = await say('/remember decision: Use PostgreSQL for prod');
    assert.equal(text(chunks), 'Remembered as a **decision**: Use PostgreSQL for prod');
    assert.deepEqual(
      chunks.filter((c) => c.type === 'reference').map((c) => c.type === 'reference' && c.title),
      ['decision: Use PostgreSQL for prod (just now)'],
    );
    const [r] = store.list();
    assert.equal(r.type, 'decision');
    assert.equal(r.metadata.project, 'Shop');
    assert.equal(r.metadata.user, undefined, 'undefined scope fields are not stored');
    assert.equal(remembered.length, 1);
  });

  it('/remember infers the type and says how to choose it', async () => {
    const chunks = await say('/remember Need to rotate the API keys by Friday');
    assert.match(text(chunks), /^Remembered as an \*\*action item\*\*: Need to rotate the API keys by Friday I guessed the type/);
    assert.equal(store.list()[0].type, 'action_item');
  });

  it('/remember with nothing to remember is a clear error and stores nothing', async () => {
    const chunks = await say('/remember   ');
    assert.equal(chunks.length, 1);
    assert.equal(chunks[0].type, 'error');
    assert.match(text(chunks), /Tell me what to remember/);
    assert.equal(store.size, 0);
  });

  it('/recall finds what /remember stored, newest relevant first', async () => {
    await say('/remember decision: Use PostgreSQL for the production database');
    clock.advance(3 * DAY);
    await say('/remember The staging database runs on SQLite');
    const chunks = await say('/recall production database');
    assert.match(
      text(chunks),
      /^2 memories about “production database”:\n\n1\. \*\*decision\*\* · Use PostgreSQL for the production database \*\(3 days ago\)\*/,
    );
    assert.equal(chunks.filter((c) => c.type === 'reference').length, 2);
    assert.match(text(await say('/recall kubernetes')), /I don't remember anything about “kubernetes”/);
    assert.match(text(await say('/recall')), /ERROR Tell me what to look for/);
  });

  it('/decisions lists decisions about a topic, or the latest ones', async () => {
    await say('/remember decision: Use PostgreSQL for the production database');
    clock.advance(60_000);
    await say('/remember decision: Deploy with GitHub Actions');
    await say('/remember observation: The production database is 40 GB');
    clock.advance(40 * DAY);
    const about = text(await say('/decisions production database'));
    assert.match(
      about,
      /^Decisions about “production database”:\n\n1\. Use PostgreSQL for the production database \*\(40 days ago\)\*/,
      'older than 30 days still counts',
    );
    assert.doesNotMatch(about, /40 GB/);
    assert.match(text(await say('/decisions')), /^Latest decisions:\n\n1\. Deploy with GitHub Actions[\s\S]*2\. Use PostgreSQL/);
    assert.match(text(await say('/decisions frontend framework')), /No decisions recorded about “frontend framework”/);
  });

  it('/forget lists matches and offers a confirming button with their ids, deleting nothing itself', async () => {
    await say('/remember observation: The old staging server is at 10.0.0.5');
    await say('/remember decision: Use PostgreSQL');
    const chunks = await say('/forget old staging server');
    assert.match(text(chunks), /^1 memory matches “old staging server”:\n\n1\. \*\*observation\*\* · The old staging server is at 10\.0\.0\.5/);
    assert.match(text(chunks), /Nothing is deleted until you confirm/);
    const notice = chunks.find((c) => c.type === 'notice');
    assert.ok(notice && notice.type === 'notice');
    const staging = store.list().find((r) => r.type === 'observation')!;
    assert.deepEqual(notice.actions, [{ title: 'Forget 1 memory…', command: FORGET_COMMAND, args: [staging.id] }]);
    assert.equal(store.size, 2, 'nothing deleted');
    assert.match(text(await say('/forget quantum computing')), /No memories match/);
    assert.match(text(await say('/forget')), /ERROR Tell me what to forget/);
  });

  it('reports a store that cannot open as an error chunk', async () => {
    const commands = createMemoryCommands({ memory: { store: () => Promise.reject(new Error('EACCES: permission denied')) }, settings: () => settings, clock });
    const e = new ChatEngine({ settings: () => settings, responder: noModel, commands, clock, logger: nullLogger });
    const chunks = await collect(e.run({ prompt: '/recall anything', history: [], signal: new AbortController().signal }));
    assert.equal(chunks[0].type, 'error');
    assert.match(text(chunks), /EACCES/);
  });
});
