/**
 * Activation cost with and without lazy loading, measured in the same run.
 *
 * Two builds of src/extension.ts with the extension build's options (test/unit/lazyLoadingHarness.ts):
 *   lazy  — the extension as it is: the cloud SDKs, redis, acorn and vectra load on first use;
 *   eager — the same bundle plus a top-level import of those packages (esbuild `inject`), i.e. what
 *           activation would cost if they were still imported statically.
 * Each sample is a fresh Node process that loads the bundle under a stub 'vscode' module (a timing
 * harness only: no-op members) and calls activate() with a minimal fake ExtensionContext. The two
 * variants alternate so both see the same machine load. Reported: module load (read + compile +
 * top-level evaluation), activate() itself, and their sum, as median and p95.
 *   node out/bench/lazyLoading.bench.js   (JARVIS_BENCH_RUNS=N per variant; default 20, minimum 15)
 * Outside a real extension host: VS Code's own activation figure is bench/activation.bench.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fmtBytes, fmtMs, summarize } from '../test/harness/benchStats';
import { buildBundle, repoRoot, runChild, type ChildResult } from '../test/unit/build/lazyLoadingHarness';

const RUNS = Number(process.env.JARVIS_BENCH_RUNS ?? 20);

interface Samples {
  load: number[];
  activate: number[];
  total: number[];
}

function record(into: Samples, r: ChildResult, variant: string): void {
  if (r.error || r.activateMs === undefined) throw new Error(`${variant} bundle did not activate under the stub: ${r.error ?? 'no activate() time'}`);
  into.load.push(r.loadMs);
  into.activate.push(r.activateMs);
  into.total.push(r.loadMs + r.activateMs);
}

function line(label: string, samples: number[]): string {
  const s = summarize(samples);
  return `${label}: median ${fmtMs(s.median)}, p95 ${fmtMs(s.p95)} (min ${fmtMs(s.min)}, max ${fmtMs(s.max)})`;
}

async function main(): Promise<void> {
  if (!Number.isInteger(RUNS) || RUNS < 15) throw new Error(`JARVIS_BENCH_RUNS must be an integer >= 15, got ${process.env.JARVIS_BENCH_RUNS}.`);
  const dir = path.join(repoRoot, 'out', 'bench-lazy');
  const lazyFile = path.join(dir, 'lazy.js');
  const eagerFile = path.join(dir, 'eager.js');
  // As shipped: the lazily loaded packages live in dist/vendor/ and are not even parsed at activation.
  await buildBundle({ outfile: lazyFile, markers: false, vendor: true });
  await buildBundle({ outfile: eagerFile, markers: false, eager: true });

  const lazy: Samples = { load: [], activate: [], total: [] };
  const eager: Samples = { load: [], activate: [], total: [] };
  // One unrecorded warm-up each, so the first sample does not pay for a cold disk cache alone.
  runChild(lazyFile, 'activate');
  runChild(eagerFile, 'activate');
  for (let i = 0; i < RUNS; i++) {
    // Alternate which variant goes first, so neither always follows the other.
    const order = i % 2 === 0 ? (['lazy', 'eager'] as const) : (['eager', 'lazy'] as const);
    for (const v of order) record(v === 'lazy' ? lazy : eager, runChild(v === 'lazy' ? lazyFile : eagerFile, 'activate'), v);
    process.stderr.write(`lazy loading bench: ${i + 1}/${RUNS}\n`);
  }

  const size = (f: string) => fmtBytes(fs.statSync(f).size);
  const l = summarize(lazy.total);
  const e = summarize(eager.total);
  console.log(`## Activation with and without lazy loading (Node ${process.version}, stub vscode, ${RUNS} fresh processes per variant)`);
  console.log(
    `Bundles (development build): lazy ${size(lazyFile)} (the lazily loaded packages in vendor files, as shipped), eager ${size(eagerFile)} (everything in one file, imported at the top)`,
  );
  console.log(`- ${line('Lazy (as shipped) load + activate()', lazy.total)}`);
  console.log(`  - ${line('module load', lazy.load)}`);
  console.log(`  - ${line('activate()', lazy.activate)}`);
  console.log(`- ${line('Eager (SDKs, redis, acorn, vectra evaluated at load) load + activate()', eager.total)}`);
  console.log(`  - ${line('module load', eager.load)}`);
  console.log(`  - ${line('activate()', eager.activate)}`);
  console.log(`- Ratio eager / lazy (medians): ${(e.median / l.median).toFixed(2)}×; lazy loading saves ${fmtMs(e.median - l.median)} per activation`);
  const paired = summarize(lazy.total.map((v, i) => eager.total[i] - v));
  console.log(`- Saving per paired sample: median ${fmtMs(paired.median)}, p95 ${fmtMs(paired.p95)}`);
}

main().catch((e: unknown) => {
  console.error(`lazy loading bench failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
