#!/usr/bin/env node
// What `npm test` runs after `pretest` (typecheck, lint, build, compile-tests): ensures code-server, then
// runs the unit, harness, integration, UI and packaged-vsix suites in sequence and prints one final line
// "N passed, N failed" summed across suites. Exits non-zero if anything failed.
//   node scripts/test-all.mjs [--only unit,harness,integration,ui,vsix]
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const SUITES = [
  { name: 'unit', cmd: process.execPath, args: ['node_modules/mocha/bin/mocha.js', '--config', '.mocharc.json'] },
  // The harness's own pure parts (URL building, parsing, figures); outside .mocharc.json's spec on purpose.
  { name: 'harness', cmd: process.execPath, args: ['node_modules/mocha/bin/mocha.js', '--no-config', '--timeout', '10000', 'out/test/harness/**/*.test.js'] },
  { name: 'integration', cmd: process.execPath, args: ['out/test/integration/runIntegration.js'] },
  { name: 'ui', cmd: process.execPath, args: ['out/test/ui/runUi.js'] },
  { name: 'vsix', cmd: process.execPath, args: ['out/test/ui/runVsix.js'] },
];

function parseOnly(argv) {
  const i = argv.indexOf('--only');
  if (i < 0) return SUITES;
  const wanted = (argv[i + 1] ?? '').split(',').filter(Boolean);
  const unknown = wanted.filter((w) => !SUITES.some((s) => s.name === w));
  if (wanted.length === 0 || unknown.length > 0) {
    console.error(`--only takes a comma-separated list of: ${SUITES.map((s) => s.name).join(', ')} (got "${argv[i + 1] ?? ''}")`);
    process.exit(2);
  }
  return SUITES.filter((s) => wanted.includes(s.name));
}

/** Runs a command, streaming its output through, and resolves to its exit code and full stdout. */
function runStreaming(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => process.stderr.write(d));
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
  const setup = await runStreaming(process.execPath, ['scripts/setup-code-server.mjs']);
  const results = [];
  if (setup.code !== 0) {
    console.error('code-server setup failed; the integration, UI and vsix suites cannot run.');
  }
  for (const suite of suites) {
    console.log(`\n===== ${suite.name} =====`);
    const started = Date.now();
    const needsCodeServer = !['unit', 'harness'].includes(suite.name);
    const { code, out } = needsCodeServer && setup.code !== 0 ? { code: 1, out: '' } : await runStreaming(suite.cmd, suite.args);
    const r = countResults(out, code);
    results.push({ name: suite.name, ...r, seconds: (Date.now() - started) / 1000 });
  }
  console.log('\n===== summary =====');
  for (const r of results) {
    console.log(`${r.name.padEnd(12)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${r.seconds.toFixed(1)} s${r.crashed ? '  (suite crashed or exited non-zero)' : ''}`);
  }
  const passed = results.reduce((a, r) => a + r.passed, 0);
  const failed = results.reduce((a, r) => a + r.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
