// Builds the extension host bundle (one CJS file, `vscode` external) and one browser bundle per webview.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import { extensionBuildOptions, vendorBuildOptions } from './esbuild.shared.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {esbuild.BuildOptions[]} */
const builds = [
  { ...extensionBuildOptions({ production }), metafile: true },
  vendorBuildOptions({ production }),
  {
    entryPoints: { chat: 'src/webview/chat/main.ts' },
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
}
