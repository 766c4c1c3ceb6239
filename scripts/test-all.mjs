#!/usr/bin/env node
// What `npm test` runs after `pretest` (typecheck, lint, build, compile-tests): ensures the real VS Code
// builds (scripts/setup-code-server.mjs) while the unit and harness suites run — on a new machine the
// install is mostly download and unpacking, so it overlaps well with the CPU-bound unit tests — then runs
// the integration, UI and packaged-vsix suites in sequence, the real-VS-Code ones on every build they
// target, and prints one final line "N passed, N failed" summed across suites. Exits non-zero if anything
// failed.
//   node scripts/test-all.mjs [--only <suite>[@<vscode>],…]     e.g. --only integration  or  --only ui@1.104
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { builds } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'scripts', 'code-server-builds.json'), 'utf8'));
const NEWEST = builds[0].vscode;
const OLDEST = builds[builds.length - 1].vscode;

const mocha = ['node_modules/mocha/bin/mocha.js'];
/** Suites in run order. `vscode` names the build a suite needs (setup installs it first). */
export const SUITES = [
  // Two workers on this 2-core machine: the unit tests share no files or ports (temp dirs, port 0).
  { name: 'unit', args: [...mocha, '--config', '.mocharc.json', '--parallel', '--jobs', '2'] },
  // The harness's own pure parts (URL building, parsing, figures); outside .mocharc.json's spec on purpose.
  { name: 'harness', args: [...mocha, '--no-config', '--timeout', '10000', 'out/test/harness/**/*.test.js'] },
  ...builds.map((b) => ({ name: 'integration', vscode: b.vscode, args: ['out/test/integration/runIntegration.js', '--vscode', b.vscode] })),
  // Workspace Trust on: the sample folder opens in Restricted Mode (restricted/*.rtest.ts).
  { name: 'restricted', vscode: NEWEST, args: ['out/test/integration/runIntegration.js', '--vscode', NEWEST, '--restricted'] },
  // UI tests on the newest build; the Jarvis chat view also on the oldest (whose code-server has no native Chat view).
  { name: 'ui', vscode: NEWEST, args: ['out/test/ui/runUi.js', '--vscode', NEWEST] },
  { name: 'ui', vscode: OLDEST, args: ['out/test/ui/runUi.js', '--vscode', OLDEST] },
  // A first run without Ollama (its own window: nothing listens on jarvis.ollama.host when it opens), run
  // with HOME pointed at an empty dir, which must still be empty afterwards (test/harness/home.hermetic.ts):
  // one window serves both checks.
  { name: 'walkthrough', vscode: NEWEST, args: [...mocha, '--no-config', '--timeout', '600000', 'out/test/harness/home.hermetic.js'] },
  // The dashboard's figures are checked against its own requests: a window no other test has used.
  { name: 'dashboard', vscode: NEWEST, args: ['out/test/ui/runDashboard.js', '--vscode', NEWEST] },
  // The gateway on from startup (a free port): keys made through the prompts are tried against it.
  { name: 'gatewayKeys', vscode: NEWEST, args: ['out/test/ui/runGatewayKeys.js', '--vscode', NEWEST] },
  ...builds.map((b) => ({ name: 'vsix', vscode: b.vscode, args: ['out/test/ui/runVsix.js', '--vscode', b.vscode] })),
];

export const label = (s) => (s.vscode ? `${s.name}@${s.vscode}` : s.name);

/** `--only a,b@1.104`: a bare name selects that suite on every build, name@version one build. */
export function selectSuites(only, suites = SUITES) {
  const wanted = only.split(',').filter(Boolean);
  const picks = (w, s) => w === s.name || w === label(s);
  const unknown = wanted.filter((w) => !suites.some((s) => picks(w, s)));
  if (wanted.length === 0 || unknown.length > 0) {
    throw new Error(`--only takes a comma-separated list of: ${[...new Set(suites.flatMap((s) => [s.name, label(s)]))].join(', ')} (got "${only}")`);
  }
  return suites.filter((s) => wanted.some((w) => picks(w, s)));
}

function parseOnly(argv) {
  const i = argv.indexOf('--only');
  if (i < 0) return SUITES;
  try {
    return selectSuites(argv[i + 1] ?? '');
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
}

/**
 * Runs a command and resolves to its exit code and full stdout. Its output is streamed through, or with
 * `buffered` kept (stderr too) and printed in one piece when it ends, so that a command running beside a
 * suite does not interleave with the suite's report.
 */
function runStreaming(cmd, args, { buffered = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let out = '';
    let held = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (buffered) held += d;
      else process.stdout.write(d);
    });
    child.stderr.on('data', (d) => (buffered ? (held += d) : process.stderr.write(d)));
    child.on('close', () => {
      if (buffered) process.stdout.write(held);
    });
    child.on('error', (e) => {
      out += `\n${e.message}`;
      resolve({ code: 1, out });
    });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), out }));
  });
}

/**
 * Counts from the suite's machine-readable line (JARVIS_TEST_SUMMARY {...}) if it printed one, else from
 * mocha's own "N passing / N failing" summary. A non-zero exit with no failure counted (a crash before or
 * after mocha) counts as one failure, so a broken suite can never read as green.
 */
export function countResults(out, code) {
  let passed = 0;
  let failed = 0;
  const lines = out.split(/\r?\n/);
  const summaries = lines.filter((l) => l.includes('JARVIS_TEST_SUMMARY {'));
  if (summaries.length > 0) {
    const s = JSON.parse(summaries[summaries.length - 1].slice(summaries[summaries.length - 1].indexOf('{')));
    passed = s.passed;
    failed = s.failed;
  } else {
    for (const l of lines) {
      const p = /^\s*(\d+) passing\b/.exec(l);
      const f = /^\s*(\d+) failing\b/.exec(l);
      if (p) passed = Number(p[1]);
      if (f) failed = Number(f[1]);
    }
  }
  const crashed = code !== 0 && failed === 0;
  return { passed, failed: failed + (crashed ? 1 : 0), crashed };
}

async function main() {
  const suites = parseOnly(process.argv.slice(2));
  const needed = [...new Set(suites.map((s) => s.vscode).filter(Boolean))];
  const allStarted = Date.now();
  const setupStarted = Date.now();
  const setupRun =
    needed.length === 0
      ? Promise.resolve({ code: 0 })
      : runStreaming(process.execPath, ['scripts/setup-code-server.mjs', '--build', needed.join(',')], { buffered: true });
  let setup;
  const awaitSetup = async () => {
    if (setup) return setup;
    console.log('\n===== code-server setup =====');
    setup = await setupRun;
    console.log(`[test-all] code-server setup ${setup.code === 0 ? 'done' : 'FAILED'} after ${((Date.now() - setupStarted) / 1000).toFixed(0)} s`);
    if (setup.code !== 0) console.error('code-server setup failed; the integration, UI and vsix suites cannot run.');
    return setup;
  };
  const results = [];
  for (const suite of suites) {
    if (suite.vscode) await awaitSetup();
    console.log(`\n===== ${label(suite)} =====`);
    const started = Date.now();
    const { code, out } = suite.vscode && setup.code !== 0 ? { code: 1, out: '' } : await runStreaming(process.execPath, suite.args);
    const r = countResults(out, code);
    results.push({ name: label(suite), ...r, seconds: (Date.now() - started) / 1000 });
  }
  console.log('\n===== summary =====');
  for (const r of results) {
    console.log(
      `${r.name.padEnd(22)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${r.seconds.toFixed(1)} s${r.crashed ? '  (suite crashed or exited non-zero)' : ''}`,
    );
  }
  const passed = results.reduce((a, r) => a + r.passed, 0);
  const failed = results.reduce((a, r) => a + r.failed, 0);
  console.log(`suites took ${((Date.now() - allStarted) / 1000).toFixed(0)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
