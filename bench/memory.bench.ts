/**
 * Memory store benchmark: this store (vectra index + binary vector sidecar + Float32Array scan)
 * against plain vectra LocalIndex as the baseline, in the same run, on synthetic random unit
 * vectors. Prints markdown; never passes or fails on time.
 *
 *   npx tsc -p tsconfig.test.json && node out/bench/memory.bench.js
 */
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Embedder } from '../src/core/memory/embedders/Embedder';
import { VectorMemoryStore } from '../src/core/memory/store/VectorMemoryStore';
import { percentile } from '../test/harness/benchStats';

const SIZES = [1_000, 10_000, 20_000];
const DIMS = [384, 768];
/**
 * Plain vectra is measured up to 10k: at 20k its JSON is 160–330 MB and one insert rewrites all of
 * it (19 s measured at 20k × 384 in an earlier run), which alone would blow the bench's time budget.
 */
const BASELINE_LIMIT = (n: number) => n <= 10_000;
const QUERIES = 60;

/** Deterministic PRNG so runs are comparable. */
function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomUnit(d: number, rnd: () => number): number[] {
  const v = new Array<number>(d);
  let s = 0;
  for (let i = 0; i < d; i++) {
    v[i] = rnd() - 0.5;
    s += v[i] * v[i];
  }
  s = Math.sqrt(s);
  for (let i = 0; i < d; i++) v[i] /= s;
  return v;
}

/** Stands in for a model: random unit vectors, so the bench measures storage, not embedding. */
class RandomEmbedder implements Embedder {
  readonly id: string;
  private readonly rnd = mulberry32(42);
  constructor(readonly dimension: number) {
    this.id = `bench-random-${dimension}`;
  }
  async embed(texts: string[]): Promise<number[][]> {
    return texts.map(() => randomUnit(this.dimension, this.rnd));
  }
}

const ms = (t: number) => `${t.toFixed(t < 10 ? 2 : 0)} ms`;
const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
async function folderSize(dir: string): Promise<number> {
  let total = 0;
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? await folderSize(p) : (await fs.stat(p)).size;
  }
  return total;
}

interface Row {
  n: number;
  d: number;
  load: number;
  p50: number;
  p95: number;
  /** CPU time of the search, which machine load does not inflate the way it does wall time. */
  cpu95: number;
  size: number;
  insertPerSec: number;
  single: number;
}

/**
 * Times QUERIES searches after 5 untimed warm-up ones. `prepare(q)` builds query q outside the timing
 * and returns the search to time. Wall time and user CPU time, p50/p95 in ms.
 */
async function timeSearches(prepare: (q: number) => () => Promise<unknown>): Promise<Pick<Row, 'p50' | 'p95' | 'cpu95'>> {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let q = 0; q < QUERIES + 5; q++) {
    const search = prepare(q);
    const c = process.cpuUsage();
    const s = performance.now();
    await search();
    if (q >= 5) times.push(performance.now() - s);
    if (q >= 5) cpu.push(process.cpuUsage(c).user / 1000);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), cpu95: percentile(cpu, 95) };
}

async function benchStore(n: number, d: number): Promise<Row & { hybridP95: number; keywordBuild: number }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jarvis-bench-'));
  try {
    const embedder = new RandomEmbedder(d);
    const store = await VectorMemoryStore.open({ folder: dir, embedder });
    let t = performance.now();
    const chunk = 2_000;
    for (let i = 0; i < n; i += chunk) {
      await Promise.all(
        Array.from({ length: Math.min(chunk, n - i) }, (_, k) =>
          store.store({ text: `memory ${i + k} about component C${(i + k) % 97} and ticket T-${i + k}`, type: 'observation' }),
        ),
      );
    }
    const insertPerSec = n / ((performance.now() - t) / 1000);
    t = performance.now();
    await store.store({ text: 'one more memory', type: 'decision' });
    const single = performance.now() - t;
    await store.close();

    t = performance.now();
    const reopened = await VectorMemoryStore.open({ folder: dir, embedder });
    const load = performance.now() - t;
    const searches = await timeSearches((q) => () => reopened.search(`query ${q}`, { mode: 'semantic', minSimilarity: -1, limit: 5 }));
    t = performance.now();
    await reopened.search('ticket T-77', { limit: 5 });
    const keywordBuild = performance.now() - t;
    const hybrid: number[] = [];
    for (let q = 0; q < QUERIES; q++) {
      const s = performance.now();
      await reopened.search(`component C${q} ticket T-${q * 13}`, { minSimilarity: -1, limit: 5 });
      hybrid.push(performance.now() - s);
    }
    return { n, d, load, ...searches, size: await folderSize(dir), insertPerSec, single, hybridP95: percentile(hybrid, 95), keywordBuild };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function benchVectra(n: number, d: number): Promise<Row> {
  const { LocalIndex } = await import('vectra/lib/LocalIndex.js');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jarvis-bench-vectra-'));
  try {
    const rnd = mulberry32(7);
    const index = new LocalIndex(dir);
    await index.createIndex();
    let t = performance.now();
    // The kindest use of vectra: one beginUpdate/endUpdate around every insert.
    await index.beginUpdate();
    for (let i = 0; i < n; i++) {
      await index.insertItem({ id: `m${i}`, vector: randomUnit(d, rnd), metadata: { type: 'observation', text: `memory ${i}` } });
    }
    await index.endUpdate();
    const insertPerSec = n / ((performance.now() - t) / 1000);
    t = performance.now();
    await index.insertItem({ id: 'one-more', vector: randomUnit(d, rnd), metadata: { type: 'decision' } });
    const single = performance.now() - t;

    t = performance.now();
    const reopened = new LocalIndex(dir);
    await reopened.getIndexStats();
    const load = performance.now() - t;
    // The query vector is drawn outside the timed part: the store's own search embeds inside it, but ~0 ms.
    const searches = await timeSearches(() => {
      const v = randomUnit(d, rnd);
      return () => reopened.queryItems(v, '', 5);
    });
    return { n, d, load, ...searches, size: await folderSize(dir), insertPerSec, single };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function main() {
  const started = performance.now();
  const t = performance.now();
  await import('vectra/lib/LocalIndex.js');
  const moduleLoad = performance.now() - t;
  console.log(`# Memory store benchmark (${os.cpus().length} CPUs, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)})`);
  console.log('');
  console.log(`- vectra LocalIndex module load (paid once per process, both sides): ${ms(moduleLoad)}`);
  console.log('- "ours": vectra index (metadata) + vectors.f32 sidecar + Float32Array scan; "vectra": plain LocalIndex');
  console.log('- search = semantic top-5 over random unit vectors (query embedding is a random vector, ~0 ms)');
  console.log('');
  console.log(
    '| memories × dims | side | load | search p50 | search p95 | search p95 CPU | files | bulk insert | one more insert | p95 ratio vectra/ours | load ratio vectra/ours |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const n of SIZES) {
    for (const d of DIMS) {
      const ours = await benchStore(n, d);
      const base = BASELINE_LIMIT(n) ? await benchVectra(n, d) : undefined;
      const line = (r: Row, side: string, ratios = '| |') =>
        `| ${n} × ${d} | ${side} | ${ms(r.load)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.cpu95)} | ${mb(r.size)} | ${Math.round(r.insertPerSec)}/s | ${ms(r.single)} ${ratios}`;
      console.log(line(ours, 'ours'));
      if (base) {
        console.log(line(base, 'vectra', `| ${(base.p95 / ours.p95).toFixed(1)}× | ${(base.load / ours.load).toFixed(1)}× |`));
      } else {
        console.log(`| ${n} × ${d} | vectra | not measured (see BASELINE_LIMIT): a ~${Math.round((n * d * 2 * 10.6) / 1e6)} MB JSON file | | | | | | | | |`);
      }
      console.log(
        `| ${n} × ${d} | ours, hybrid | first hybrid search (waits for the background keyword index): ${ms(ours.keywordBuild)}; hybrid p95: ${ms(ours.hybridP95)} | | | | | | | | |`,
      );
    }
  }
  console.log('');
  console.log(`Total bench time: ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

void main();
