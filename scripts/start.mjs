#!/usr/bin/env node
// `npm start`: a real VS Code (code-server) in your browser with Jarvis installed, on sample-workspace.
// Builds and packages the extension, installs the .vsix into a profile kept under .vscode-test/start-profile
// (so settings and chats survive restarts), uses the Ollama on localhost:11434 if one answers, and prints
// the URL to open. Ctrl-C stops everything.
//   npm start [-- --fake] [-- --port N]
//   --fake     use the repo's fake Ollama server instead of a real one (needs `npm run compile-tests`)
//   --port N   first port to try (default 8080; the next free one is used)
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(repoRoot, '.vscode-test', 'code-server-4.100.3', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const profile = path.join(repoRoot, '.vscode-test', 'start-profile');
const vsix = path.join(repoRoot, 'dist-vsix', 'jarvis.vsix');
const workspace = path.join(repoRoot, 'sample-workspace');
const OLLAMA = 'http://127.0.0.1:11434';

const say = (m) => console.log(`[start] ${m}`);

function parseArgs(argv) {
  const out = { fake: false, port: 8080 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--fake') out.fake = true;
    else if (argv[i] === '--port') {
      out.port = Number(argv[++i]);
      if (!Number.isInteger(out.port) || out.port < 1 || out.port > 65535) throw new Error(`--port needs a number from 1 to 65535 (got ${argv[i]}).`);
    } else throw new Error(`Unknown argument "${argv[i]}". Usage: npm start [-- --fake] [-- --port N]`);
  }
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

async function main() {
  const args = parseArgs(process.argv.slice(2));
  step('ensuring code-server', process.execPath, ['scripts/setup-code-server.mjs']);
  fs.mkdirSync(path.dirname(vsix), { recursive: true });
  step('building and packaging the extension (npm run package)', 'npm', ['run', 'package', '--silent']);
  const userDir = path.join(profile, 'user');
  const extDir = path.join(profile, 'ext');
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(profile, 'config') };
  const common = ['--user-data-dir', userDir, '--extensions-dir', extDir];
  say(`installing ${path.relative(repoRoot, vsix)} into ${path.relative(repoRoot, extDir)}`);
  const inst = spawnSync(process.execPath, [entry, ...common, '--install-extension', vsix, '--force'], { env, encoding: 'utf8' });
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
    process.execPath,
    [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, ...common, '--disable-telemetry', '--disable-update-check',
      '--disable-workspace-trust', '--disable-getting-started-override'],
    { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  const logFile = path.join(profile, 'code-server.log');
  const log = fs.createWriteStream(logFile);
  server.stdout.pipe(log);
  server.stderr.pipe(log);

  let stopping = false;
  const stop = (code) => {
    if (stopping) return;
    stopping = true;
    say('stopping');
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    fake?.child.kill('SIGTERM');
    setTimeout(() => process.exit(code), 500).unref();
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
  say(`code-server (VS Code 1.100.3) is running; log: ${path.relative(repoRoot, logFile)}`);
  console.log(`\n  Open: http://127.0.0.1:${port}/?folder=${encodeURI(workspace)}\n`);
  say('Jarvis: click the Jarvis icon in the activity bar, or F1 → "Jarvis: Open Chat". Ctrl-C stops.');
}

main().catch((e) => {
  console.error(`[start] ERROR: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
