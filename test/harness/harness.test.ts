/**
 * Self-tests of the harness's pure parts (run by scripts/test-all.mjs as the "harness" suite; the unit
 * suite's mocha config only covers test/unit).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { summarize } from './benchStats';
import { CodeServer } from './codeServer';
import { formatAutomationLog } from './extensionTestRun';
import { repoRoot } from './paths';
import { summaryLine } from './runMocha';
import { remoteUri, workbenchUrl } from './workbenchUrl';
import { zipEntryNames } from './zipEntryNames';

describe('workbenchUrl', () => {
  it('puts the folder and a vscode-remote payload in the query', () => {
    const url = new URL(
      workbenchUrl('http://127.0.0.1:4321', {
        folder: '/work/sample space',
        extensionDevelopmentPath: '/work/main',
        extensionTestsPath: '/work/main/out/test/integration/index.js',
      }),
    );
    assert.equal(url.origin, 'http://127.0.0.1:4321');
    assert.equal(url.searchParams.get('folder'), '/work/sample space');
    assert.deepEqual(JSON.parse(url.searchParams.get('payload') ?? ''), [
      ['extensionDevelopmentPath', 'vscode-remote://127.0.0.1:4321/work/main'],
      ['extensionTestsPath', 'vscode-remote://127.0.0.1:4321/work/main/out/test/integration/index.js'],
    ]);
  });

  it('has no payload when no extension path is given', () => {
    assert.equal(workbenchUrl('http://127.0.0.1:1/'), 'http://127.0.0.1:1/');
    assert.equal(new URL(workbenchUrl('http://127.0.0.1:1', { folder: '/a' })).searchParams.get('payload'), null);
  });

  it('percent-encodes path segments of remote URIs', () => {
    assert.equal(remoteUri('http://127.0.0.1:9', '/a b/c#d'), 'vscode-remote://127.0.0.1:9/a%20b/c%23d');
  });

  it('refuses relative paths, tests without an extension, and non-http servers', () => {
    assert.throws(() => workbenchUrl('http://127.0.0.1:1', { folder: 'rel/dir' }), /folder must be an absolute POSIX path, got "rel\/dir"/);
    assert.throws(() => workbenchUrl('http://127.0.0.1:1', { extensionTestsPath: '/t.js' }), /extensionTestsPath needs extensionDevelopmentPath/);
    assert.throws(() => workbenchUrl('ftp://127.0.0.1:1', {}), /must be http\(s\), got "ftp:/);
    assert.throws(() => workbenchUrl('not a url', {}), /Invalid URL/);
  });
});

describe('summarize (bench figures)', () => {
  it('gives the median and nearest-rank p95', () => {
    assert.deepEqual(summarize([5, 1, 3]), { n: 3, median: 3, p95: 5, min: 1, max: 5 });
    assert.equal(summarize([1, 2, 3, 4]).median, 2.5);
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    assert.equal(summarize(hundred).p95, 95);
  });

  it('refuses empty and non-finite samples', () => {
    assert.throws(() => summarize([]), /no samples/);
    assert.throws(() => summarize([1, NaN]), /non-finite sample/);
  });
});

describe('formatAutomationLog', () => {
  it('formats printf-style argument arrays as console.log would', () => {
    assert.equal(formatAutomationLog(['  %d passing (%s)', 13, '1s']), '  13 passing (1s)');
    assert.equal(formatAutomationLog('["%s%s","  ","Suite"]'), '  Suite');
    assert.equal(formatAutomationLog('plain text'), 'plain text');
  });

  it('drops the gallery look-up failure that every offline window logs', () => {
    assert.equal(formatAutomationLog(['getaddrinfo ENOTFOUND open-vsx.org: Failed']), undefined);
  });
});

describe('CodeServer.start validation', () => {
  it('refuses a log name that is not a plain file name', async () => {
    await assert.rejects(CodeServer.start({ name: '../x' }), /name must be a simple file name, got "\.\.\/x"/);
  });

  it('refuses an out-of-range port', async () => {
    await assert.rejects(CodeServer.start({ name: 'x', port: 70000 }), /port must be 0\.\.65535, got 70000/);
    await assert.rejects(CodeServer.start({ name: 'x', port: 1.5 }), /port must be 0\.\.65535/);
  });
});

describe('zipEntryNames', () => {
  /** A minimal zip with stored entries, enough to exercise the central-directory walk. */
  function zip(names: string[]): Buffer {
    const locals: Buffer[] = [];
    const centrals: Buffer[] = [];
    let offset = 0;
    for (const name of names) {
      const n = Buffer.from(name);
      const data = deflateRawSync(Buffer.from('x'));
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(n.length, 26);
      locals.push(local, n, data);
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(n.length, 28);
      central.writeUInt32LE(offset, 42);
      centrals.push(central, n);
      offset += 30 + n.length + data.length;
    }
    const cd = Buffer.concat(centrals);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(names.length, 8);
    eocd.writeUInt16LE(names.length, 10);
    eocd.writeUInt32LE(cd.length, 12);
    eocd.writeUInt32LE(offset, 16);
    return Buffer.concat([...locals, cd, eocd]);
  }

  it('lists the entries of a zip in order', () => {
    assert.deepEqual(zipEntryNames(zip(['extension/package.json', 'extension/dist/extension.js'])), [
      'extension/package.json',
      'extension/dist/extension.js',
    ]);
  });

  it('refuses a buffer that is not a zip', () => {
    assert.throws(() => zipEntryNames(Buffer.alloc(100)), /not a zip file/);
  });
});

describe('scripts/test-all.mjs countResults', () => {
  type Count = (out: string, code: number) => { passed: number; failed: number; crashed: boolean };
  let countResults: Count;

  before(async () => {
    const mod = (await import(pathToFileURL(path.join(repoRoot, 'scripts', 'test-all.mjs')).href)) as { countResults: Count };
    countResults = mod.countResults;
  });

  it('prefers the machine-readable summary line, the last one printed', () => {
    const out = `JARVIS_TEST_SUMMARY {"suite":"x","passed":1,"failed":1,"pending":0}\nnoise\n${summaryLine('ui', { passed: 4, failed: 0, pending: 1 })}\n`;
    assert.deepEqual(countResults(out, 0), { passed: 4, failed: 0, crashed: false });
  });

  it("falls back to mocha's own summary", () => {
    assert.deepEqual(countResults('  622 passing (20s)\n  3 pending\n  2 failing\n', 1), { passed: 622, failed: 2, crashed: false });
  });

  it('counts a suite that exited non-zero without reporting a failure as one failure', () => {
    assert.deepEqual(countResults('Error: code-server did not start\n', 1), { passed: 0, failed: 1, crashed: true });
    assert.deepEqual(countResults('  5 passing\n', 1), { passed: 5, failed: 1, crashed: true });
  });
});
