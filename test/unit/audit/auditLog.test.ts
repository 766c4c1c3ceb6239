import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isJarvisError } from '../../../src/common/errors';
import { AuditLog } from '../../../src/core/audit/AuditLog';
import { auditWorkspace } from '../../../src/core/audit/auditWorkspace';
import { recordHash, verifyChain, type AuditRecord } from '../../../src/core/audit/auditChain';
import { contentSha256, egressEntry } from '../../../src/core/audit/egressRecord';
import { nullLogger } from '../../../src/core/ports';
import { FakeClock } from '../../fakes/FakeClock';
import { MemoryKv } from '../../fakes/MemoryKv';

const DAY = 86_400_000;

describe('AuditLog (hash-chained JSON lines)', () => {
  let dir: string;
  let head: MemoryKv;
  let clock: FakeClock;
  const make = (retentionDays = 90) => new AuditLog({ dir, clock, head, logger: nullLogger, retentionDays: () => retentionDays });
  const lines = () => fs.readFileSync(path.join(dir, 'audit.jsonl'), 'utf8').trimEnd().split('\n');
  const write = (ls: string[]) => fs.writeFileSync(path.join(dir, 'audit.jsonl'), ls.map((l) => `${l}\n`).join(''));
  async function five(log = make()): Promise<AuditLog> {
    for (let i = 1; i <= 5; i++) {
      await log.append({ type: i % 2 ? 'cloud-request' : 'key-set', message: `event ${i}`, data: { provider: i % 2 ? 'openai' : 'anthropic', n: i } });
      clock.advance(1000);
    }
    return log;
  }

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jarvis-audit-'));
    clock = new FakeClock(Date.parse('2026-12-01T10:00:00Z'));
    head = new MemoryKv();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('appends one record a line, each carrying the hash of the one before; an untouched log verifies', async () => {
    const log = await five();
    const rs = lines().map((l) => JSON.parse(l) as AuditRecord);
    assert.deepEqual(
      rs.map((r) => r.seq),
      [1, 2, 3, 4, 5],
    );
    for (let i = 1; i < rs.length; i++) assert.equal(rs[i].prev, rs[i - 1].hash);
    for (const r of rs) assert.equal(recordHash(r), r.hash);
    const v = await log.verify();
    assert.equal(v.ok, true);
    assert.equal(v.records, 5);
    assert.equal(v.firstBreak, undefined);
  });

  it('detects an edited record and names it as the first broken link', async () => {
    await five();
    const ls = lines();
    ls[2] = ls[2].replace('"n":3', '"n":30');
    write(ls);
    const v = await make().verify();
    assert.equal(v.ok, false);
    assert.equal(v.firstBreak?.line, 3);
    assert.match(v.firstBreak?.reason ?? '', /edited/);
  });

  it('detects an edit that recomputed the record’s own hash (the next link breaks)', async () => {
    await five();
    const ls = lines();
    const r = JSON.parse(ls[1]) as AuditRecord;
    r.message = 'nothing happened';
    r.hash = recordHash(r);
    ls[1] = JSON.stringify(r);
    write(ls);
    const v = await make().verify();
    assert.equal(v.firstBreak?.line, 3);
    assert.match(v.firstBreak?.reason ?? '', /link to record 2/);
  });

  it('detects a deleted record, reordered records, and a deleted first record', async () => {
    await five();
    const ls = lines();
    write([ls[0], ls[1], ls[3], ls[4]]);
    let v = await make().verify();
    assert.equal(v.firstBreak?.line, 3);
    assert.match(v.firstBreak?.reason ?? '', /records 3–3 are missing/);
    write([ls[0], ls[2], ls[1], ls[3], ls[4]]);
    v = await make().verify();
    assert.equal(v.firstBreak?.line, 2);
    write(ls.slice(1));
    v = await make().verify();
    assert.equal(v.firstBreak?.line, 1);
    assert.match(v.firstBreak?.reason ?? '', /without a checkpoint/);
  });

  it('detects records cut off the end (the head is kept outside the file)', async () => {
    await five();
    write(lines().slice(0, 3));
    const v = await make().verify();
    assert.equal(v.ok, false);
    assert.match(v.firstBreak?.reason ?? '', /ends at record 3 but 5 were written/);
  });

  it('sets a torn last line aside (not dropped, not called tampering), records that, and keeps appending', async () => {
    await five();
    fs.appendFileSync(path.join(dir, 'audit.jsonl'), '{"v":1,"seq":6,"time":"2026-12-01T10:0');
    const log = make();
    await log.append({ type: 'key-cleared', message: 'after the crash' });
    const v = await log.verify();
    assert.equal(v.ok, true, JSON.stringify(v.firstBreak));
    assert.equal(v.tornSetAside.length, 1);
    assert.equal(fs.readFileSync(v.tornSetAside[0], 'utf8'), '{"v":1,"seq":6,"time":"2026-12-01T10:0');
    const rs = lines().map((l) => JSON.parse(l) as AuditRecord);
    assert.deepEqual(
      rs.slice(-2).map((r) => [r.seq, r.type]),
      [
        [6, 'torn-line-set-aside'],
        [7, 'key-cleared'],
      ],
    );
  });

  it('retention folds old records into a checkpoint; the chain still verifies and appends continue it', async () => {
    await five();
    clock.advance(100 * DAY);
    const log = make(90);
    await log.append({ type: 'key-set', message: 'recent' });
    assert.deepEqual(await log.applyRetention(), { dropped: 5 });
    const rs = lines().map((l) => JSON.parse(l) as AuditRecord);
    assert.equal(rs[0].type, 'checkpoint');
    assert.deepEqual(rs[0].data.countsByType, { 'cloud-request': 3, 'key-set': 2 });
    assert.equal(rs[0].data.dropped, 5);
    await log.append({ type: 'key-cleared', message: 'later' });
    const v = await log.verify();
    assert.equal(v.ok, true, JSON.stringify(v.firstBreak));
    assert.equal(v.records, 3);
    // A second pass keeps counting from the first checkpoint.
    clock.advance(100 * DAY);
    assert.deepEqual(await log.applyRetention(), { dropped: 2 });
    const cp = JSON.parse(lines()[0]) as AuditRecord;
    assert.equal(cp.data.dropped, 7);
    assert.equal((await log.verify()).ok, true);
  });

  it('retention leaves a broken chain whole (it is evidence)', async () => {
    await five();
    const ls = lines();
    write([ls[0], ls[2], ls[3], ls[4]]);
    clock.advance(100 * DAY);
    assert.deepEqual(await make().applyRetention(), { dropped: 0 });
    assert.equal(lines().length, 4);
  });

  it('searches by type, severity, provider and time', async () => {
    const log = await five();
    assert.equal((await log.search({ type: 'cloud-request' })).length, 3);
    assert.equal((await log.search({ provider: 'anthropic' })).length, 2);
    assert.equal((await log.search({ severity: 'warning' })).length, 0);
    const t0 = Date.parse('2026-12-01T10:00:01Z');
    assert.deepEqual(
      (await log.search({ from: t0, to: t0 + 1000 })).map((r) => r.seq),
      [2, 3],
    );
  });

  it('stamps every record with the workspace current when it was appended (security events and the torn-line record too)', async () => {
    let workspace: { name: string; id: string } | undefined = { name: 'billing', id: 'aaaa000011112222' };
    const log = new AuditLog({ dir, clock, head, logger: nullLogger, retentionDays: () => 90, workspace: () => workspace });
    const first = log.append({ type: 'key-set', message: 'k', data: { provider: 'openai' } });
    // Switched before the queue wrote the first record: the first still names the workspace it came from.
    workspace = { name: 'web', id: 'bbbb000011112222' };
    await first;
    await log.append({ type: 'cloud-request', message: 'c', data: { provider: 'openai' } });
    workspace = undefined;
    await log.append({ type: 'key-cleared', message: 'no folder open' });
    const rs = lines().map((l) => JSON.parse(l) as AuditRecord);
    assert.deepEqual(
      rs.map((r) => r.data.workspace),
      [{ name: 'billing', id: 'aaaa000011112222' }, { name: 'web', id: 'bbbb000011112222' }, undefined],
    );
    assert.equal((await log.verify()).ok, true, 'the workspace is covered by the hash chain');
    assert.deepEqual(
      (await log.search({ workspace: 'web' })).map((r) => r.seq),
      [2],
    );
    assert.deepEqual(
      (await log.search({ workspace: 'aaaa000011112222' })).map((r) => r.seq),
      [1],
    );
    fs.appendFileSync(path.join(dir, 'audit.jsonl'), '{"v":1,"seq":4');
    workspace = { name: 'web', id: 'bbbb000011112222' };
    await new AuditLog({ dir, clock, head, logger: nullLogger, retentionDays: () => 90, workspace: () => workspace }).append({ type: 'key-set', message: 'k' });
    const torn = lines().map((l) => JSON.parse(l) as AuditRecord);
    assert.deepEqual(
      torn.slice(-2).map((r) => [r.type, (r.data.workspace as { name: string } | undefined)?.name]),
      [
        ['torn-line-set-aside', 'web'],
        ['key-set', 'web'],
      ],
    );
  });

  it('a failing workspace lookup still writes the record, without a workspace', async () => {
    const log = new AuditLog({
      dir,
      clock,
      head,
      logger: nullLogger,
      retentionDays: () => 90,
      workspace: () => {
        throw new Error('no workspace API');
      },
    });
    await log.append({ type: 'key-set', message: 'k' });
    assert.equal((JSON.parse(lines()[0]) as AuditRecord).data.workspace, undefined);
  });

  it('auditWorkspace: a stable id from the URIs, no path in it, none without a folder', () => {
    const a = auditWorkspace('billing', ['file:///home/ana/work/billing']);
    assert.deepEqual(a, auditWorkspace('billing', ['file:///home/ana/work/billing']));
    assert.match(a!.id, /^[0-9a-f]{16}$/);
    assert.equal(a!.name, 'billing');
    assert.ok(!JSON.stringify(a).includes('/home/ana'), 'the path is not in the record');
    assert.notEqual(auditWorkspace('billing', ['file:///home/ana/other/billing'])!.id, a!.id, 'two folders of the same name are told apart');
    assert.equal(auditWorkspace('billing', []), undefined);
    assert.equal(auditWorkspace(undefined, ['file:///x'])!.name, 'unnamed workspace');
  });

  it('refuses a bad entry with a clear error and writes nothing', async () => {
    const log = make();
    await assert.rejects(
      () => log.append({ message: 'no type' } as never),
      (e: unknown) => isJarvisError(e, 'invalid-input'),
    );
    assert.equal(fs.existsSync(path.join(dir, 'audit.jsonl')), false);
    const noDir = new AuditLog({ dir: '', clock, head, logger: nullLogger, retentionDays: () => 1 });
    await assert.rejects(
      () => noDir.append({ type: 'key-set', message: 'x' }),
      (e: unknown) => isJarvisError(e, 'invalid-input') && /needs a folder/.test((e as Error).message),
    );
  });

  it('verifyChain: an empty log verifies; garbage in the middle is a break at that line', () => {
    assert.deepEqual(verifyChain([]), { ok: true, records: 0, last: undefined });
    assert.equal(verifyChain(['not json']).firstBreak?.line, 1);
  });
});

describe('egress ledger records', () => {
  const messages = [
    { role: 'system' as const, content: 'You are Jarvis.' },
    { role: 'user' as const, content: 'key [REDACTED:aws-access-key-id] fails' },
  ];

  it('hash the messages as an OpenAI-compatible server receives them, and keep no content by default', () => {
    const e = egressEntry({
      provider: 'openai',
      model: 'gpt-4o',
      why: { tier: 'high', requested: 'auto', reason: 'high tier runs in the cloud', complexityReasons: ['x'], budgetOverride: false },
      messages,
      redactions: ['aws-access-key-id'],
      files: [{ path: 'src/a.ts', range: { startLine: 3, endLine: 9 } }],
      storeContent: false,
    });
    const body = JSON.parse(JSON.stringify({ model: 'gpt-4o', messages, stream: true })) as { messages: typeof messages };
    assert.equal(e.data?.contentSha256, contentSha256(body.messages));
    assert.equal(e.data?.content, undefined);
    assert.deepEqual(e.data?.redactions, { count: 1, kinds: ['aws-access-key-id'] });
    assert.ok(!JSON.stringify(e).includes('REDACTED:aws') || JSON.stringify(e).includes('"kinds"'));
    assert.ok(!JSON.stringify(e).includes('fails'), 'no content in the record');
  });

  it('keeps the content only when jarvis.audit.storeContent is on', () => {
    const e = egressEntry({
      provider: 'openai',
      model: 'm',
      why: { tier: 'high', requested: 'cloud', reason: 'r', complexityReasons: [], budgetOverride: false },
      messages,
      redactions: [],
      files: [],
      storeContent: true,
    });
    assert.deepEqual(e.data?.content, messages);
  });
});
