// Builds the extension host bundle (one CJS file, `vscode` external) and one browser bundle per webview.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXTRA_TREE_SITTER_WASM, TREE_SITTER_WASM, extensionBuildOptions, tokenWorkerBuildOptions, vendorBuildOptions } from './esbuild.shared.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {esbuild.BuildOptions[]} */
const builds = [
  { ...extensionBuildOptions({ production }), metafile: true },
  vendorBuildOptions({ production }),
  tokenWorkerBuildOptions({ production }),
  {
    // The dashboard's entry imports uPlot's stylesheet: esbuild writes it beside the script as dashboard.css.
    entryPoints: { chat: 'src/webview/chat/main.ts', dashboard: 'src/webview/dashboard/main.ts' },
    outdir: 'dist/webview',
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
  },
];

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching');
} else {
  // Start clean so a production build never ships maps or files left by an earlier development build.
  fs.rmSync('dist', { recursive: true, force: true });
  await Promise.all(builds.map((b) => esbuild.build(b)));
  copyTreeSitterWasm();
}

/** The tree-sitter runtime finds its .wasm files beside dist/vendor/tree-sitter.js. */
function copyTreeSitterWasm() {
  const from = path.join('node_modules', '@vscode', 'tree-sitter-wasm', 'wasm');
  fs.mkdirSync(path.join('dist', 'vendor'), { recursive: true });
  for (const f of TREE_SITTER_WASM) fs.copyFileSync(path.join(from, f), path.join('dist', 'vendor', f));
  const extra = path.join('node_modules', '@cursorless', 'tree-sitter-wasms', 'out');
  for (const f of EXTRA_TREE_SITTER_WASM) fs.copyFileSync(path.join(extra, f), path.join('dist', 'vendor', f));
  fs.mkdirSync(path.join('dist', 'wasm'), { recursive: true });
  const sql = path.join('node_modules', '@guanmingchiu', 'sqlparser-ts', 'wasm', 'sqlparser_rs_wasm_bg.wasm');
  fs.copyFileSync(sql, path.join('dist', 'wasm', 'sqlparser_rs_wasm_bg.wasm'));
  // The quality gate's table of real standard-library names, read on the first local answer.
  fs.copyFileSync(path.join('data', 'quality', 'known-apis.json'), path.join('dist', 'vendor', 'known-apis.json'));
}
