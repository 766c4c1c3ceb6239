/**
 * Activation time of Jarvis inside a real VS Code (code-server 4.139.1 / 4.104.0, remote Node extension host),
 * over several fresh code-server starts, against an empty baseline extension in the same windows.
 *
 * Method: VS Code's own measurement. Each start opens an ordinary window (Jarvis loaded from the repo as
 * extensionDevelopmentPath, the baseline installed from a .vsix, both `onStartupFinished`), lets VS Code
 * activate them as it would for a user, then runs "Developer: Show Running Extensions" and reads each
 * row's "Activation: N ms" — codeLoadingTime + activateCallTime as the extension host recorded them.
 * Nothing of ours runs in the extension host, so the figure is not disturbed by a probe. Also reported:
 * Jarvis's own "Jarvis activated in X ms" console line (its activate() body only).
 *   node out/bench/activation.bench.js [--vscode <build>] [--profile]   (JARVIS_BENCH_RUNS=N starts; default 5; default build: the newest)
 * --profile: each start also writes a CPU profile of activate() from inside the extension host
 * (src/vscode/activationProfile.ts), summarised at the end by function (bench/cpuProfileSummary.ts).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { SourceMap, type SourceMapPayload } from 'node:module';
import * as path from 'node:path';
import { summarizeProfile, type Profile } from './cpuProfileSummary';
import { fmtMs, summarize } from '../test/harness/benchStats';
import { isolatedEnv } from '../test/harness/isolatedEnv';
import { BrowserSession } from '../test/harness/browser';
import { CodeServer } from '../test/harness/codeServer';
import { artifactsDir, repoRoot, sampleWorkspace, vscodeArg, vscodeBuild } from '../test/harness/paths';
import { quietSettings } from '../test/harness/quietSettings';
import { WorkbenchDriver } from '../test/harness/workbenchDriver';
import { workbenchUrl } from '../test/harness/workbenchUrl';

const JARVIS_ID = 'jarvis-hybrid.jarvis';
const BASELINE_ID = 'jarvis-hybrid.bench-baseline';
const RUNS = Number(process.env.JARVIS_BENCH_RUNS ?? 5);
const BUILD = vscodeBuild(vscodeArg());
const PROFILE_DIR = process.argv.includes('--profile') ? path.join(artifactsDir, 'bench', `activation-profiles-${BUILD.vscode}`) : undefined;

/** An extension that does nothing, packaged with the same vsce, so only Jarvis's own cost differs. */
function buildBaselineVsix(dir: string): string {
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({
      name: 'bench-baseline',
      displayName: 'Bench baseline',
      description: 'Empty extension: the activation-time baseline.',
      publisher: 'jarvis-hybrid',
      version: '0.0.1',
      license: 'MIT',
      engines: { vscode: '^1.104.0' },
      main: './extension.js',
      activationEvents: ['onStartupFinished'],
    }),
  );
  fs.writeFileSync(path.join(dir, 'extension.js'), 'exports.activate = () => ({});\nexports.deactivate = () => {};\n');
  fs.writeFileSync(path.join(dir, 'README.md'), '# Bench baseline\n\nAn empty extension used as the activation baseline.\n');
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'MIT\n');
  const out = path.join(dir, 'baseline.vsix');
  const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  // No repository to name (as in scripts/package.mjs); vsce's own dirs go to a temp dir, never HOME
  // (nor into `dir`, which is what gets packaged).
  const envDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jbench-env-'));
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', out], {
    cwd: dir,
    encoding: 'utf8',
    env: isolatedEnv(envDir),
  });
  fs.rmSync(envDir, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`could not package the baseline extension: ${r.stderr || r.stdout}`);
  return out;
}

/** A row of the Running Extensions editor names an extension by its id, or by its display name once installed. */
const ROW_NAMES: Record<string, RegExp> = {
  [JARVIS_ID]: /^(?:jarvis-hybrid\.jarvis|Jarvis)\d/,
  [BASELINE_ID]: /^(?:jarvis-hybrid\.bench-baseline|Bench baseline)\d/,
};

/** Reads "<name><version> … Activation: N ms" rows of the Running Extensions editor until every id has one. */
async function readActivationTimes(driver: WorkbenchDriver, ids: string[], timeoutMs = 60_000): Promise<Map<string, number>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = (await driver.page.locator('.runtime-extensions-editor .monaco-list-row').allTextContents()).map((r) => r.replace(/\s+/g, ' ').trim());
    const times = new Map<string, number>();
    for (const row of rows) {
      const ms = /(?:Startup )?Activation: (\d+)ms/.exec(row);
      const id = ids.find((i) => ROW_NAMES[i].test(row));
      if (ms && id) times.set(id, Number(ms[1]));
    }
    if (ids.every((i) => times.has(i))) return times;
    if (Date.now() > deadline)
      throw new Error(`no activation time for ${ids.filter((i) => !times.has(i)).join(', ')} after ${timeoutMs} ms. Rows: ${JSON.stringify(rows)}`);
    await driver.page.waitForTimeout(250);
  }
}

async function oneStart(
  run: number,
  baselineVsix: string,
  browser: BrowserSession,
): Promise<{ jarvisMs: number; baselineMs: number; selfMs?: number; wallMs: number }> {
  const started = Date.now();
  const server = await CodeServer.start({
    name: `bench-activation-${BUILD.vscode}`,
    vscode: BUILD.vscode,
    settings: { ...quietSettings },
    installExtensions: [baselineVsix],
    // Read by activate() in the remote extension host, which inherits the server's environment.
    ...(PROFILE_DIR ? { env: { JARVIS_PROFILE_ACTIVATION: PROFILE_DIR } } : {}),
  });
  const page = await browser.context.newPage();
  try {
    let selfMs: number | undefined;
    page.on('console', (msg) => {
      const m = /Jarvis activated in ([\d.]+) ?ms/.exec(msg.text());
      if (m) selfMs = Number(m[1]);
    });
    const driver = new WorkbenchDriver(page, path.join(artifactsDir, 'bench'), `activation-${BUILD.vscode.replace(/\./g, '_')}-${run}`);
    await page.goto(workbenchUrl(server.url, { folder: sampleWorkspace, extensionDevelopmentPath: repoRoot }), { waitUntil: 'domcontentloaded' });
    await driver.waitForWorkbench();
    await driver.runCommand('Developer: Show Running Extensions');
    const times = await readActivationTimes(driver, [JARVIS_ID, BASELINE_ID]);
    if (run === 0) await driver.screenshot('running-extensions');
    return { jarvisMs: times.get(JARVIS_ID)!, baselineMs: times.get(BASELINE_ID)!, selfMs, wallMs: Date.now() - started };
  } finally {
    await page.close().catch(() => undefined);
    await server.dispose();
  }
}

async function main(): Promise<void> {
  if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`JARVIS_BENCH_RUNS must be a positive integer, got ${process.env.JARVIS_BENCH_RUNS}.`);
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run npm run build first.');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jbench-'));
  if (PROFILE_DIR) fs.rmSync(PROFILE_DIR, { recursive: true, force: true }); // this run's starts only
  const jarvis: number[] = [];
  const baseline: number[] = [];
  const self: number[] = [];
  const wall: number[] = [];
  let browser: BrowserSession | undefined;
  try {
    const vsix = buildBaselineVsix(tmp);
    // One chromium for all starts (a new page each); code-server and its extension host are fresh.
    browser = await BrowserSession.launch({ viewport: { width: 1400, height: 2400 } });
    for (let run = 0; run < RUNS; run++) {
      const r = await oneStart(run, vsix, browser);
      jarvis.push(r.jarvisMs);
      baseline.push(r.baselineMs);
      if (r.selfMs !== undefined) self.push(r.selfMs);
      wall.push(r.wallMs);
      process.stderr.write(
        `activation bench: start ${run + 1}/${RUNS}: Jarvis ${r.jarvisMs} ms, baseline ${r.baselineMs} ms (${(r.wallMs / 1000).toFixed(1)} s)\n`,
      );
    }
  } finally {
    await browser?.dispose();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const j = summarize(jarvis);
  const b = summarize(baseline);
  console.log(`## Activation (VS Code ${BUILD.vscode} via code-server ${BUILD.codeServer}, remote extension host, ${RUNS} fresh starts)`);
  console.log(
    `- Jarvis, VS Code's own figure (code load + activate()): median ${fmtMs(j.median)}, p95 ${fmtMs(j.p95)} (min ${fmtMs(j.min)}, max ${fmtMs(j.max)})`,
  );
  console.log(`- Baseline (empty extension, same windows): median ${fmtMs(b.median)}, p95 ${fmtMs(b.p95)}`);
  console.log(`- Ratio Jarvis / baseline (medians): ${(j.median / Math.max(1, b.median)).toFixed(1)}×; Jarvis costs ${fmtMs(j.median - b.median)} more`);
  // Paired per window: both extensions saw the same load, so this ratio is steadier than the one above.
  const paired = summarize(jarvis.map((v, i) => v / Math.max(1, baseline[i])));
  console.log(`- Ratio per window (paired): median ${paired.median.toFixed(2)}×, p95 ${paired.p95.toFixed(2)}×`);
  if (self.length > 0) {
    const s = summarize(self);
    console.log(`- Jarvis's own "activated in" line (activate() body only): median ${fmtMs(s.median)}, p95 ${fmtMs(s.p95)} (n=${s.n})`);
  } else {
    console.log('- Jarvis\'s own "Jarvis activated in X ms" line was not seen on the page console');
  }
  console.log(`- Wall time per fresh start (server + window + reading the figures): median ${fmtMs(summarize(wall).median)}`);
  if (PROFILE_DIR) printProfiles(PROFILE_DIR);
}

/** The profiles of this run's starts: activate()'s sampled time, and the functions taking most of it (median over starts). */
function printProfiles(dir: string): void {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')) : [];
  if (files.length === 0) return void console.log(`- No activation profile was written to ${dir}`);
  const map = new SourceMap(JSON.parse(fs.readFileSync(path.join(repoRoot, 'dist', 'extension.js.map'), 'utf8')) as SourceMapPayload);
  const runs = files.map((f) => summarizeProfile(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Profile, map));
  const median = (xs: number[]) => summarize(xs).median;
  console.log(`\n### activate() CPU profile (${runs.length} starts, ${dir})\n`);
  console.log(`Sampled under activate(): median ${fmtMs(median(runs.map((r) => r.totalMs)))}\n`);
  const names = [...new Set(runs.flatMap((r) => r.inclusive.slice(0, 40).map((x) => x.name)))];
  const rows = names
    .map((name) => ({ name, ms: median(runs.map((r) => r.inclusive.find((x) => x.name === name)?.ms ?? 0)) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 30);
  console.log('| inclusive ms (median) | function |\n| --- | --- |');
  for (const r of rows) console.log(`| ${r.ms.toFixed(1)} | \`${r.name}\` |`);
}

main().catch((e: unknown) => {
  console.error(`activation bench failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
