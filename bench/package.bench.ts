/**
 * What a user downloads: production bundle size, .vsix size and file count (after `npm run package`),
 * plus the production build's time against the development build measured in the same run.
 *   node out/bench/package.bench.js   (JARVIS_BENCH_BUILDS=N builds of each kind; default 5)
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { fmtBytes, fmtMs, summarize } from '../test/harness/benchStats';
import { isolatedEnv } from '../test/harness/isolatedEnv';
import { repoRoot } from '../test/harness/paths';
import { zipEntryNames } from '../test/harness/zipEntryNames';

const BUILDS = Number(process.env.JARVIS_BENCH_BUILDS ?? 5);
const VSIX = path.join(repoRoot, 'dist-vsix', 'jarvis.vsix');

type SharedOptions = { extensionBuildOptions(o: { production?: boolean }): esbuild.BuildOptions };

/** The extension-host bundle exactly as esbuild.mjs builds it (same options module). */
async function hostBuildOptions(production: boolean, outfile: string): Promise<esbuild.BuildOptions> {
  const shared = (await import(pathToFileURL(path.join(repoRoot, 'esbuild.shared.mjs')).href)) as SharedOptions;
  return { ...shared.extensionBuildOptions({ production }), absWorkingDir: repoRoot, outfile, sourcemap: false, metafile: true, logLevel: 'silent' };
}

async function timeBuilds(production: boolean, dir: string): Promise<{ ms: number[]; bytes: number; meta: esbuild.Metafile }> {
  const ms: number[] = [];
  let meta: esbuild.Metafile | undefined;
  const outfile = path.join(dir, production ? 'prod.js' : 'dev.js');
  for (let i = 0; i < BUILDS; i++) {
    const t0 = performance.now();
    const r = await esbuild.build(await hostBuildOptions(production, outfile));
    ms.push(performance.now() - t0);
    meta = r.metafile;
  }
  return { ms, bytes: fs.statSync(outfile).size, meta: meta! };
}

async function main(): Promise<void> {
  if (!Number.isInteger(BUILDS) || BUILDS < 1) throw new Error(`JARVIS_BENCH_BUILDS must be a positive integer, got ${process.env.JARVIS_BENCH_BUILDS}.`);
  fs.mkdirSync(path.dirname(VSIX), { recursive: true });
  // npm's and vsce's config, data and cache dirs in a temp dir, as the harness gives them (never HOME).
  const npmDirs = fs.mkdtempSync(path.join(os.tmpdir(), 'jpkg-env-'));
  const pkg = spawnSync('npm', ['run', 'package'], { cwd: repoRoot, encoding: 'utf8', env: isolatedEnv(npmDirs) });
  fs.rmSync(npmDirs, { recursive: true, force: true });
  if (pkg.status !== 0) throw new Error(`npm run package failed:\n${pkg.stdout}\n${pkg.stderr}`);

  const bundle = fs.readFileSync(path.join(repoRoot, 'dist', 'extension.js'));
  const webviewDir = path.join(repoRoot, 'dist', 'webview');
  const webviewJs = fs.existsSync(webviewDir) ? fs.readdirSync(webviewDir).filter((f) => f.endsWith('.js')) : [];
  const vsix = fs.readFileSync(VSIX);
  const entries = zipEntryNames(vsix).filter((n) => !n.endsWith('/'));
  const extensionFiles = entries.filter((n) => n.startsWith('extension/'));
  const maps = extensionFiles.filter((n) => n.endsWith('.map'));

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jpkg-'));
  let dev: Awaited<ReturnType<typeof timeBuilds>>;
  let prod: Awaited<ReturnType<typeof timeBuilds>>;
  try {
    dev = await timeBuilds(false, tmp);
    prod = await timeBuilds(true, tmp);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const devT = summarize(dev.ms);
  const prodT = summarize(prod.ms);
  const prodOut = Object.values(prod.meta.outputs)[0];
  const top = Object.entries(prodOut?.inputs ?? {})
    .map(([file, v]) => [file.replace(/^.*node_modules\//, 'node_modules/'), v.bytesInOutput] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5);

  console.log('## Package size (npm run package)');
  console.log(`- dist/extension.js (production): ${fmtBytes(bundle.length)} (${fmtBytes(gzipSync(bundle).length)} gzipped)`);
  console.log(`- Development build of the same entry: ${fmtBytes(dev.bytes)}; ratio production / development: ${(bundle.length / dev.bytes).toFixed(2)}×`);
  for (const f of webviewJs) console.log(`- dist/webview/${f}: ${fmtBytes(fs.statSync(path.join(webviewDir, f)).size)}`);
  const vendorDir = path.join(repoRoot, 'dist', 'vendor');
  const vendor = fs.existsSync(vendorDir) ? fs.readdirSync(vendorDir).filter((f) => f.endsWith('.js')) : [];
  if (vendor.length > 0) {
    const sizes = vendor.map((f) => `${f} ${fmtBytes(fs.statSync(path.join(vendorDir, f)).size)}`);
    console.log(`- dist/vendor/ (loaded on first use, not at activation): ${sizes.join('; ')}`);
  }
  console.log(`- dist-vsix/jarvis.vsix: ${fmtBytes(vsix.length)}, ${extensionFiles.length} files in extension/ (${entries.length} zip entries)`);
  console.log(`- Files: ${extensionFiles.map((f) => f.replace(/^extension\//, '')).join(', ')}`);
  if (maps.length > 0) console.log(`- Note: the .vsix ships ${maps.length} source map(s): ${maps.join(', ')}`);
  console.log(`- Largest inputs of the production bundle: ${top.map(([f, b]) => `${f} ${fmtBytes(b)}`).join('; ')}`);
  console.log(`## Host bundle build time (esbuild, ${BUILDS} builds each)`);
  console.log(`- Production: median ${fmtMs(prodT.median)}, p95 ${fmtMs(prodT.p95)}`);
  console.log(`- Development (baseline): median ${fmtMs(devT.median)}, p95 ${fmtMs(devT.p95)}`);
  console.log(`- Ratio production / development (medians): ${(prodT.median / devT.median).toFixed(2)}×`);
}

main().catch((e: unknown) => {
  console.error(`package bench failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
