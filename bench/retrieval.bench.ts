/**
 * Retrieval-quality benchmark (`npm run bench:retrieval`): the labelled set in data/retrieval
 * stored in a real VectorMemoryStore, each query answered by the offline embedder alone, BM25
 * alone, the store's hybrid, and the shipped ContextRetriever (hybrid × time decay × threshold,
 * with and without the decay); recall@5, precision@5, hit@5, MRR, nDCG@5, the conflict subset
 * (is the newer of two conflicting decisions ranked first?), and wall-clock latency at the labelled
 * size, 1k and 10k memories (synthetic distractors added). The Ollama embedder is measured only if
 * a real Ollama with nomic-embed-text answers on 127.0.0.1:11434. Never fails on figures.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Clock } from '../src/common/Clock';
import type { Embedder } from '../src/core/memory/embedders/Embedder';
import { OfflineEmbedder } from '../src/core/memory/embedders/OfflineEmbedder';
import { OllamaEmbedder } from '../src/core/memory/embedders/OllamaEmbedder';
import { ContextRetriever } from '../src/core/memory/retrieval/ContextRetriever';
import { VectorMemoryStore } from '../src/core/memory/store/VectorMemoryStore';
import { fillerMemories, loadRetrievalSet, type LabelledMemory, type RetrievalSet } from './retrieval/dataset';
import { hitAt, ndcgAt, newerFirst, precisionAt, recallAt, reciprocalRank } from './retrieval/rankMetrics';
import { mean } from './workload/metrics';
import { percentile } from '../test/harness/benchStats';

const repo = path.resolve(__dirname, '../..');
/** "Today" for the set: memories run from June to late November 2026. */
const NOW = Date.parse('2026-12-01T00:00:00Z');
const K = 5;
const POOL = 10;

type Searcher = (query: string) => Promise<string[]>;

async function openStore(
  embedder: Embedder,
  memories: LabelledMemory[],
): Promise<{ store: VectorMemoryStore; label: Map<string, string>; folder: string; loadMs: number }> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'jarvis-retrieval-'));
  let now = NOW;
  const clock: Clock = { now: () => now, monotonic: () => performance.now() };
  const store = await VectorMemoryStore.open({ folder, embedder, clock, retentionDays: 36500 });
  const label = new Map<string, string>();
  const started = performance.now();
  // One batch per creation time: the store stamps createdAt from its clock at write time.
  const groups = new Map<number, LabelledMemory[]>();
  for (const m of memories) groups.set(m.createdAt, [...(groups.get(m.createdAt) ?? []), m]);
  for (const [at, group] of [...groups].sort((a, b) => a[0] - b[0])) {
    now = at;
    for (let i = 0; i < group.length; i += 500) {
      const records = await Promise.all(group.slice(i, i + 500).map((m) => store.store({ text: m.text, type: m.type, metadata: { project: m.project } })));
      records.forEach((r, j) => label.set(r.id, group[i + j].id));
    }
  }
  now = NOW;
  return { store, label, folder, loadMs: performance.now() - started };
}

function searchers(store: VectorMemoryStore, label: Map<string, string>): Record<string, Searcher> {
  const ids = (records: { id: string }[]) => records.map((r) => label.get(r.id) ?? r.id);
  const clock: Clock = { now: () => NOW, monotonic: () => performance.now() };
  const decayed = new ContextRetriever(store, { clock });
  const undecayed = new ContextRetriever(store, { clock, decayHours: 1e12 });
  return {
    'embedder alone (semantic, default floor 0.3)': async (q) => ids((await store.search(q, { mode: 'semantic', limit: POOL })).map((h) => h.record)),
    'embedder alone (semantic, no floor)': async (q) => ids((await store.search(q, { mode: 'semantic', limit: POOL, minSimilarity: -1 })).map((h) => h.record)),
    'BM25 alone (keyword)': async (q) => ids((await store.search(q, { mode: 'keyword', limit: POOL })).map((h) => h.record)),
    'hybrid (store)': async (q) => ids((await store.search(q, { mode: 'hybrid', limit: POOL })).map((h) => h.record)),
    'shipped retriever (hybrid × decay, threshold 0.2)': async (q) => ids((await decayed.retrieveContext(q, {}, POOL)).map((m) => m.record)),
    'shipped retriever without time decay': async (q) => ids((await undecayed.retrieveContext(q, {}, POOL)).map((m) => m.record)),
    'retriever with decay, threshold 0 (decay only re-ranks)': async (q) =>
      ids((await decayed.retrieveContext(q, { relevanceThreshold: 0 }, POOL)).map((m) => m.record)),
  };
}

interface Quality {
  recall5: number;
  precision5: number;
  hit5: number;
  mrr: number;
  ndcg5: number;
  conflictNewerFirst: number;
  conflictMrr: number;
  meanMs: number;
  p95Ms: number;
}

async function evaluate(search: Searcher, set: RetrievalSet): Promise<Quality> {
  for (const q of set.queries.slice(0, 10)) await search(q.query); // warm-up
  const rows: { r: number; p: number; h: number; rr: number; n: number; ms: number; conflict?: { first: number; rr: number } }[] = [];
  for (const q of set.queries) {
    const t0 = performance.now();
    const ranked = await search(q.query);
    const ms = performance.now() - t0;
    const rel = new Set(q.relevant);
    rows.push({
      r: recallAt(ranked, rel, K),
      p: precisionAt(ranked, rel, K),
      h: hitAt(ranked, rel, K),
      rr: reciprocalRank(ranked, rel),
      n: ndcgAt(ranked, rel, K),
      ms,
      ...(q.superseded ? { conflict: { first: newerFirst(ranked, rel, new Set(q.superseded)), rr: reciprocalRank(ranked, rel) } } : {}),
    });
  }
  const conflicts = rows.flatMap((x) => (x.conflict ? [x.conflict] : []));
  return {
    recall5: mean(rows.map((x) => x.r)),
    precision5: mean(rows.map((x) => x.p)),
    hit5: mean(rows.map((x) => x.h)),
    mrr: mean(rows.map((x) => x.rr)),
    ndcg5: mean(rows.map((x) => x.n)),
    conflictNewerFirst: mean(conflicts.map((c) => c.first)),
    conflictMrr: mean(conflicts.map((c) => c.rr)),
    meanMs: mean(rows.map((x) => x.ms)),
    p95Ms: percentile(
      rows.map((x) => x.ms),
      95,
    ),
  };
}

async function ollamaEmbedder(): Promise<Embedder | string> {
  const host = 'http://127.0.0.1:11434';
  try {
    const res = await fetch(`${host}/api/tags`, { signal: AbortSignal.timeout(1500) });
    const tags = (await res.json()) as { models?: { name: string }[] };
    if (!tags.models?.some((m) => m.name.startsWith('nomic-embed-text'))) return `skipped: Ollama at ${host} has no nomic-embed-text model`;
    return new OllamaEmbedder({ connection: () => ({ host }), model: 'nomic-embed-text' });
  } catch {
    return `skipped: no Ollama reachable at ${host}`;
  }
}

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const f2 = (x: number) => x.toFixed(2);

async function main(): Promise<void> {
  const set = loadRetrievalSet(path.join(repo, 'data', 'retrieval'));
  const conflicts = set.queries.filter((q) => q.superseded).length;
  console.log(
    `Retrieval set: ${set.memories.length} labelled memories, ${set.queries.length} queries (${conflicts} about two conflicting decisions, newer one relevant).`,
  );
  console.log(
    `"Relevance" here: hit@5 = share of queries whose top 5 holds at least one memory that answers it (the seed's "85% relevance" read this way); also recall@5, precision@5, MRR (top ${POOL}), nDCG@5.\n`,
  );
  const from = Math.min(...set.memories.map((m) => m.createdAt));
  const sizes = [set.memories.length, 1000, 10_000];
  const results: { size: number; loadMs: number; mode: string; q: Quality }[] = [];
  for (const size of sizes) {
    const memories = [...set.memories, ...fillerMemories(size - set.memories.length, from, NOW - 86_400_000)];
    const { store, label, folder, loadMs } = await openStore(new OfflineEmbedder(), memories);
    try {
      for (const [mode, search] of Object.entries(searchers(store, label))) results.push({ size, loadMs, mode, q: await evaluate(search, set) });
    } finally {
      await store.close();
      fs.rmSync(folder, { recursive: true, force: true });
    }
    console.error(`[retrieval] ${size} memories: stored in ${(loadMs / 1000).toFixed(1)} s`);
  }
  const ollama = await ollamaEmbedder();
  let ollamaNote = typeof ollama === 'string' ? ollama : '';
  if (typeof ollama !== 'string') {
    const { store, label, folder, loadMs } = await openStore(ollama, set.memories);
    try {
      results.push({
        size: set.memories.length,
        loadMs,
        mode: 'Ollama nomic-embed-text (semantic)',
        q: await evaluate(async (q) => (await store.search(q, { mode: 'semantic', limit: POOL })).map((h) => label.get(h.record.id) ?? h.record.id), set),
      });
      ollamaNote = 'measured';
    } finally {
      await store.close();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }

  for (const size of sizes) {
    console.log(
      `\n## ${size} memories${size > set.memories.length ? ` (${set.memories.length} labelled + ${size - set.memories.length} synthetic distractors)` : ' (labelled set only)'}\n`,
    );
    console.log('| Mode | hit@5 | recall@5 | precision@5 | MRR | nDCG@5 | conflicts: newer first | latency mean | latency p95 |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const r of results.filter((x) => x.size === size)) {
      console.log(
        `| ${r.mode} | ${pct(r.q.hit5)} | ${pct(r.q.recall5)} | ${pct(r.q.precision5)} | ${f2(r.q.mrr)} | ${f2(r.q.ndcg5)} | ${pct(r.q.conflictNewerFirst)} | ${r.q.meanMs.toFixed(1)} ms | ${r.q.p95Ms.toFixed(1)} ms |`,
      );
    }
  }
  console.log(`\nOllama embedder: ${ollamaNote}. Seed: "150 ms average, 85% relevance" (no definition given).`);
  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores), Node ${process.version}, ${os.platform()}`;
  const outDir = path.join(repo, 'docs', 'figures');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(
    path.join(outDir, 'retrieval.json'),
    JSON.stringify(
      {
        date: new Date().toISOString().slice(0, 10),
        machine,
        memories: set.memories.length,
        queries: set.queries.length,
        conflicts,
        ollama: ollamaNote,
        results,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`Machine: ${machine}. Wrote docs/figures/retrieval.json.`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
