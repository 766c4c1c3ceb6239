import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FakeClock } from '../../fakes/FakeClock';
import { LogFile } from '../../../src/core/observability/LogFile';
import { RotatingFileSink } from '../../../src/core/observability/RotatingFileSink';
import type { LogRecord } from '../../../src/core/observability/StructuredLogger';

const DAY = 86_400_000;
const record = (i: number): LogRecord => ({
  timestamp: new Date(i).toISOString(),
  level: 'INFO',
  logger: 'jarvis',
  message: `record ${i} ${'x'.repeat(200)}`,
  process: 1,
});

describe('RotatingFileSink (rotating-file-stream)', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jarvis-log-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes one JSON record per line', async () => {
    const file = path.join(dir, 'logs', 'jarvis.log');
    const sink = await RotatingFileSink.open({ file, maxBytes: 1024 * 1024, retentionDays: 30, clock: new FakeClock(Date.now()) });
    sink.write(record(1));
    sink.write(record(2));
    await sink.close();
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    assert.deepEqual(
      lines.map((l) => (JSON.parse(l) as LogRecord).message.slice(0, 8)),
      ['record 1', 'record 2'],
    );
  });

  it('rotates when the file reaches the size limit, keeping every record', async () => {
    const file = path.join(dir, 'jarvis.log');
    const sink = await RotatingFileSink.open({ file, maxBytes: 10 * 1024, retentionDays: 30, clock: new FakeClock(Date.now()) });
    const rotated = sink.rotated();
    for (let i = 0; i < 80; i++) sink.write(record(i));
    const name = await rotated;
    await sink.close();
    assert.match(path.basename(name), /^jarvis\.log\.\d{8}-\d{6}\.\d+$/);
    const all = fs
      .readdirSync(dir)
      .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').trim().split('\n'))
      .filter((l) => l !== '');
    assert.equal(all.length, 80, 'no record lost across the rotation');
    assert.ok(fs.statSync(name).size <= 12 * 1024, `rotated file is ${fs.statSync(name).size} bytes`);
  });

  it('deletes rotated files past the retention (by the injected clock), never the live file or other files', async () => {
    const now = Date.UTC(2026, 11, 1);
    const old = path.join(dir, 'jarvis.log.20261001-000000.1');
    const recent = path.join(dir, 'jarvis.log.20261125-000000.1');
    const other = path.join(dir, 'notes.txt');
    for (const f of [old, recent, other]) fs.writeFileSync(f, 'x\n');
    fs.utimesSync(old, new Date(now - 31 * DAY), new Date(now - 31 * DAY));
    fs.utimesSync(recent, new Date(now - 6 * DAY), new Date(now - 6 * DAY));
    fs.utimesSync(other, new Date(now - 90 * DAY), new Date(now - 90 * DAY));
    const sink = await RotatingFileSink.open({ file: path.join(dir, 'jarvis.log'), maxBytes: 1024 * 1024, retentionDays: 30, clock: new FakeClock(now) });
    await sink.close();
    assert.deepEqual(fs.readdirSync(dir).sort(), ['jarvis.log', 'jarvis.log.20261125-000000.1', 'notes.txt']);
  });

  it('LogFile opens, switches and closes the file with the settings; a bad path is reported, not thrown', async () => {
    const errors: string[] = [];
    const logFile = new LogFile(new FakeClock(Date.now()), (m) => errors.push(m));
    await logFile.apply({ file: path.join(dir, 'a.log'), maxSizeMb: 100, retentionDays: 30 });
    assert.ok(logFile.sink);
    logFile.sink.write(record(1));
    await logFile.apply({ file: '', maxSizeMb: 100, retentionDays: 30 });
    assert.equal(logFile.sink, undefined);
    fs.writeFileSync(path.join(dir, 'blocker'), '');
    await logFile.apply({ file: path.join(dir, 'blocker', 'b.log'), maxSizeMb: 100, retentionDays: 30 });
    assert.equal(logFile.sink, undefined);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /could not be opened/);
    await logFile.close();
    assert.match(fs.readFileSync(path.join(dir, 'a.log'), 'utf8'), /record 1/);
  });
});
