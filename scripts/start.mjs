#!/usr/bin/env node
// `npm start`: a real VS Code (code-server, the newest build in scripts/code-server-builds.json) in your
// browser with Jarvis installed, on sample-workspace. Builds and packages the extension, installs the .vsix
// into a profile kept under .vscode-test/start-profile (so settings and chats survive restarts), uses the
// Ollama on localhost:11434 if one answers, and prints the URL to open. Ctrl-C stops everything.
//   npm start [-- --fake] [-- --port N] [-- --vscode <build>] [-- --smoke]
//   --fake      use the repo's fake Ollama server instead of a real one (needs `npm run compile-tests`)
//   --port N    first port to try (default 8080; the next free one is used)
//   --vscode V  another installed build, e.g. 1.104
//   --smoke     non-interactive check: start, open the window in headless Chromium, wait until Jarvis is
//               active (its status bar item and its "activated" log line), stop; exit code 0 = it works.
//               Uses a fresh temporary profile instead of .vscode-test/start-profile.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPaths, installRoot } from './setup-code-server.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { builds } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'scripts', 'code-server-builds.json'), 'utf8'));
const vsix = path.join(repoRoot, 'dist-vsix', 'jarvis.vsix');
const workspace = path.join(repoRoot, 'sample-workspace');
const OLLAMA = 'http://127.0.0.1:11434';
const SMOKE_TIMEOUT_MS = 180_000;

const say = (m) => console.log(`[start] ${m}`);

function parseArgs(argv) {
  const out = { fake: false, port: 8080, smoke: false, vscode: builds[0].vscode };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--fake') out.fake = true;
    else if (argv[i] === '--smoke') out.smoke = true;
    else if (argv[i] === '--vscode' && argv[i + 1]) out.vscode = argv[++i];
    else if (argv[i] === '--port') {
      out.port = Number(argv[++i]);
      if (!Number.isInteger(out.port) || out.port < 1 || out.port > 65535) throw new Error(`--port needs a number from 1 to 65535 (got ${argv[i]}).`);
    } else throw new Error(`Unknown argument "${argv[i]}". Usage: npm start [-- --fake] [-- --port N] [-- --vscode <build>] [-- --smoke]`);
  }
  if (!builds.some((b) => b.vscode === out.vscode)) throw new Error(`Unknown build "${out.vscode}"; known: ${builds.map((b) => b.vscode).join(', ')}.`);
  return out;
}

function step(title, cmd, args) {
  say(title);
  const r = spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${title} failed (exit ${r.status ?? r.signal}).`);
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

async function freePortFrom(first) {
  for (let p = first; p < first + 100 && p <= 65535; p++) if (await portIsFree(p)) return p;
  throw new Error(`No free port in ${first}..${first + 99}.`);
}

async function findOllama() {
  try {
    const res = await fetch(`${OLLAMA}/api/version`, { signal: AbortSignal.timeout(1500) });
    if (!res.ok) return undefined;
    const body = await res.json();
    return typeof body?.version === 'string' ? body.version : 'unknown version';
  } catch {
    return undefined;
  }
}

/** Starts the fake Ollama CLI and resolves to its URL (it prints FAKE_OLLAMA_URL=... once listening). */
function startFake() {
  const main = path.join(repoRoot, 'out', 'test', 'fakes', 'fakeOllamaMain.js');
  if (!fs.existsSync(main)) throw new Error(`${path.relative(repoRoot, main)} is missing: run npm run compile-tests first.`);
  const child = spawn(process.execPath, [main], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      const m = /FAKE_OLLAMA_URL=(\S+)/.exec(buf);
      if (m) resolve({ child, url: m[1] });
    });
    child.once('exit', (code) => reject(new Error(`the fake Ollama exited (code ${code}) before listening.`)));
  });
}

function writeSettings(userDir, host) {
  const file = path.join(userDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let settings = {};
  if (fs.existsSync(file)) {
    try {
      settings = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      say(`note: ${path.relative(repoRoot, file)} is not plain JSON (comments?); leaving it as it is.`);
      return;
    }
  }
  settings['workbench.startupEditor'] ??= 'none';
  if (host === undefined) delete settings['jarvis.ollama.host'];
  else settings['jarvis.ollama.host'] = host;
  fs.writeFileSync(file, JSON.stringify(settings, null, 2));
}

/** XDG config/data/cache inside `dir`: code-server writes a config.yaml on first run, never into HOME. */
function isolatedEnv(dir, extra = {}) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(dir, 'xdg-config'),
    XDG_DATA_HOME: path.join(dir, 'xdg-data'),
    XDG_CACHE_HOME: path.join(dir, 'xdg-cache'),
    ...extra,
  };
}

/** Lines of every log VS Code wrote under the user-data dir (the extension host's included). */
function vscodeLogs(userDir) {
  const logs = path.join(userDir, 'logs');
  if (!fs.existsSync(logs)) return '';
  return fs
    .readdirSync(logs, { recursive: true })
    .map((rel) => path.join(logs, rel))
    .filter((f) => f.endsWith('.log') && fs.statSync(f).isFile())
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n');
}

/**
 * Opens the window in headless Chromium (its own temporary profile and HOME) and waits until Jarvis is
 * active: its status bar item is shown and the extension logged "Jarvis activated in N ms". Returns that line.
 */
async function smoke(url, userDir, tmp) {
  const { chromium } = await import('playwright-core');
  const chromiumPath = process.env.JARVIS_CHROMIUM ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium (or set JARVIS_CHROMIUM).`);
  const home = path.join(tmp, 'chromium-home');
  fs.mkdirSync(home, { recursive: true });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    env: isolatedEnv(home, { HOME: home }),
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // The extension host's console reaches the window's console ("[Extension Host] Jarvis activated in …").
    let consoleLine;
    page.on('console', (m) => (consoleLine ??= /Jarvis activated in [\d.]+ ms/.exec(m.text())?.[0]));
    const deadline = Date.now() + SMOKE_TIMEOUT_MS;
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: SMOKE_TIMEOUT_MS });
    // VS Code gives a status bar entry the DOM id <extension id>.<item id>.
    const status = page.locator('[id="jarvis-hybrid.jarvis.jarvis.status"]');
    await status.waitFor({ state: 'visible', timeout: SMOKE_TIMEOUT_MS });
    say(`smoke: Jarvis's status bar item shows "${((await status.textContent()) ?? '').trim()}"`);
    for (;;) {
      const line = consoleLine ?? /Jarvis activated in [\d.]+ ms/.exec(vscodeLogs(userDir))?.[0];
      if (line) return line;
      if (Date.now() > deadline)
        throw new Error(`no "Jarvis activated" line in the window's console or the VS Code logs under ${userDir} within ${SMOKE_TIMEOUT_MS / 1000} s.`);
      // Polling files another process writes: there is no event to wait on.
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await browser.close();
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const build = builds.find((b) => b.vscode === args.vscode);
  const { nodeBin, entry } = buildPaths(installRoot(), build);
  step(`ensuring VS Code ${build.vscode} (code-server ${build.codeServer})`, process.execPath, ['scripts/setup-code-server.mjs', '--build', build.vscode]);
  step('building and packaging the extension (npm run package)', process.execPath, ['scripts/package.mjs']);
  // A smoke run leaves nothing behind: a fresh profile in the temp dir. Otherwise the profile persists.
  const profile = args.smoke ? fs.mkdtempSync(path.join(os.tmpdir(), 'jstart-')) : path.join(repoRoot, '.vscode-test', 'start-profile');
  const userDir = path.join(profile, 'user');
  const extDir = path.join(profile, 'ext');
  // HOME as well: 1.139's built-in Copilot Chat writes under ~/.copilot when its agent starts.
  fs.mkdirSync(path.join(profile, 'home'), { recursive: true });
  const env = isolatedEnv(profile, { HOME: path.join(profile, 'home') });
  const common = ['--user-data-dir', userDir, '--extensions-dir', extDir];
  say(`installing ${path.relative(repoRoot, vsix)} into ${args.smoke ? extDir : path.relative(repoRoot, extDir)}`);
  const inst = spawnSync(nodeBin, [entry, ...common, '--install-extension', vsix, '--force'], { env, encoding: 'utf8' });
  if (inst.status !== 0) throw new Error(`installing the .vsix failed:\n${inst.stdout}${inst.stderr}`);

  let fake;
  if (args.fake) {
    fake = await startFake();
    say(`using the FAKE Ollama at ${fake.url} (canned answers; try the prompts [[slow]], [[code]], [[history]])`);
    writeSettings(userDir, fake.url);
  } else {
    const version = await findOllama();
    if (version) say(`found a running Ollama ${version} at ${OLLAMA}: Jarvis will use it (model: setting jarvis.ollama.model, default llama3).`);
    else say(`no Ollama answered at ${OLLAMA}. Jarvis will say so in its status bar item; start Ollama (ollama serve) or run: npm start -- --fake`);
    writeSettings(userDir, undefined);
  }

  const port = await freePortFrom(args.port);
  const server = spawn(
    nodeBin,
    [
      entry,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      ...common,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  const logFile = args.smoke ? path.join(repoRoot, 'test-artifacts', 'start-smoke-code-server.log') : path.join(profile, 'code-server.log');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.createWriteStream(logFile);
  server.stdout.pipe(log);
  server.stderr.pipe(log);

  let stopping = false;
  const stop = (code) => {
    if (stopping) return;
    stopping = true;
    say('stopping');
    const exited = new Promise((resolve) => (server.exitCode !== null || server.signalCode !== null ? resolve() : server.once('exit', resolve)));
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    fake?.child.kill('SIGTERM');
    const force = setTimeout(() => {
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 5_000);
    void exited.then(() => {
      clearTimeout(force);
      if (args.smoke && !process.env.JARVIS_KEEP_SMOKE_PROFILE) fs.rmSync(profile, { recursive: true, force: true });
      process.exit(code);
    });
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  server.once('exit', (code) => {
    if (!stopping) {
      console.error(`[start] code-server exited (code ${code}); see ${logFile}`);
      stop(1);
    }
  });

  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) })).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      console.error(`[start] code-server did not come up within 60 s; see ${logFile}`);
      stop(1);
      return;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
  say(`code-server ${build.codeServer} (VS Code ${build.vscode}, Node ${build.node}) is running; log: ${path.relative(repoRoot, logFile) || logFile}`);
  if (args.smoke) {
    try {
      const line = await smoke(url, userDir, profile);
      say(`smoke passed in ${Math.round((Date.now() - started) / 1000)} s: VS Code ${build.vscode} answered and ${line}`);
      stop(0);
    } catch (e) {
      console.error(`[start] smoke FAILED: ${e instanceof Error ? e.message : String(e)} (server log: ${logFile})`);
      stop(1);
    }
    return;
  }
  console.log(`\n  Open: ${url}\n`);
  say('Jarvis: click the Jarvis icon in the activity bar, or F1 → "Jarvis: Open Chat". Ctrl-C stops.');
}

main().catch((e) => {
  console.error(`[start] ERROR: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
