/**
 * The labelled retrieval set (data/retrieval): workspace memories (memories.jsonl) and queries
 * with the memories that answer them (queries.jsonl). Queries marked with `superseded` are asked of
 * a topic with two conflicting decisions: `relevant` holds the newer one, `superseded` the older.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMemoryType, type MemoryType } from '../../src/core/memory/store/MemoryType';

export interface LabelledMemory {
  id: string;
  project: string;
  type: MemoryType;
  /** Epoch ms. */
  createdAt: number;
  text: string;
}

export interface LabelledQuery {
  id: string;
  query: string;
  relevant: string[];
  superseded?: string[];
}

export interface RetrievalSet {
  memories: LabelledMemory[];
  queries: LabelledQuery[];
}

function lines(text: string, file: string): { n: number; value: Record<string, unknown> }[] {
  return text.split('\n').flatMap((l, i) => {
    if (l.trim() === '') return [];
    try {
      return [{ n: i + 1, value: JSON.parse(l) as Record<string, unknown> }];
    } catch (e) {
      throw new Error(`${file} line ${i + 1}: not JSON (${(e as Error).message})`);
    }
  });
}

/** Parses and cross-checks both files; throws listing every problem. */
export function parseRetrievalSet(memoriesJsonl: string, queriesJsonl: string): RetrievalSet {
  const problems: string[] = [];
  const memories: LabelledMemory[] = [];
  const ids = new Set<string>();
  for (const { n, value: m } of lines(memoriesJsonl, 'memories.jsonl')) {
    const at = `memories.jsonl line ${n}`;
    const createdAt = typeof m.createdAt === 'string' ? Date.parse(m.createdAt) : NaN;
    if (typeof m.id !== 'string' || m.id === '') problems.push(`${at}: id must be a non-empty string`);
    else if (ids.has(m.id)) problems.push(`${at}: duplicate id ${m.id}`);
    else if (typeof m.text !== 'string' || m.text.trim() === '') problems.push(`${at}: text must be a non-empty string`);
    else if (!isMemoryType(m.type)) problems.push(`${at}: type ${JSON.stringify(m.type)} is not a memory type`);
    else if (!Number.isFinite(createdAt)) problems.push(`${at}: createdAt must be an ISO date`);
    else if (typeof m.project !== 'string') problems.push(`${at}: project must be a string`);
    else {
      ids.add(m.id);
      memories.push({ id: m.id, project: m.project, type: m.type, createdAt, text: m.text });
    }
  }
  const queries: LabelledQuery[] = [];
  for (const { n, value: q } of lines(queriesJsonl, 'queries.jsonl')) {
    const at = `queries.jsonl line ${n}`;
    const list = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string');
    if (typeof q.id !== 'string' || typeof q.query !== 'string' || q.query.trim() === '') problems.push(`${at}: id and query must be non-empty strings`);
    else if (!list(q.relevant)) problems.push(`${at}: relevant must be a non-empty list of memory ids`);
    else if (q.superseded !== undefined && !list(q.superseded)) problems.push(`${at}: superseded must be a non-empty list of memory ids`);
    else {
      const unknown = [...(q.relevant as string[]), ...((q.superseded as string[] | undefined) ?? [])].filter((id) => !ids.has(id));
      if (unknown.length > 0) problems.push(`${at}: unknown memory id(s) ${unknown.join(', ')}`);
      else queries.push({ id: q.id, query: q.query, relevant: q.relevant as string[], ...(q.superseded ? { superseded: q.superseded as string[] } : {}) });
    }
  }
  if (problems.length > 0) throw new Error(`Retrieval set has ${problems.length} problem(s):\n${problems.join('\n')}`);
  if (queries.length === 0) throw new Error('Retrieval set has no queries.');
  return { memories, queries };
}

export function loadRetrievalSet(dir: string): RetrievalSet {
  return parseRetrievalSet(fs.readFileSync(path.join(dir, 'memories.jsonl'), 'utf8'), fs.readFileSync(path.join(dir, 'queries.jsonl'), 'utf8'));
}

const PEOPLE = ['Priya', 'Marco', 'Lena', 'Tomas', 'Sofia', 'Jonas', 'Ahmed', 'Kim', 'Ravi', 'Ola'];
const THINGS = [
  'billing export',
  'admin dashboard',
  'supplier portal',
  'loyalty points',
  'gift cards',
  'returns flow',
  'warehouse sync',
  'newsletter signup',
  'tax report',
  'shipping labels',
  'store locator',
  'product reviews',
  'inventory alerts',
  'partner API',
  'audit trail',
];
const ACTIONS = ['review', 'document', 'refactor', 'load-test', 'add metrics to', 'write tests for', 'estimate', 'split', 'migrate', 'clean up'];
const TEMPLATES: [MemoryType, (p: string, t: string, a: string, n: number) => string][] = [
  ['action_item', (p, t, a, n) => `${p}: ${a} the ${t} before sprint ${n}.`],
  ['meeting_summary', (p, t, _a, n) => `Sync ${n}: ${t} progress reviewed; ${p} reported two open bugs and a design question.`],
  ['observation', (_p, t, _a, n) => `Observation: the ${t} handled ${n * 37} requests an hour last week with no errors.`],
  ['decision', (p, t, _a, n) => `Decision: the ${t} keeps its current design for now; ${p} revisits it in quarter ${(n % 4) + 1}.`],
  ['insight', (_p, t, _a, n) => `Insight: ${n % 50}% of support tickets about the ${t} are duplicates of known issues.`],
  ['error_pattern', (p, t, _a, n) => `Error pattern: the ${t} timed out under load test ${n}; ${p} raised the worker count.`],
];

/** Synthetic distractors for the latency runs (assumed irrelevant to every query), spread over the same months. */
export function fillerMemories(count: number, from: number, to: number): LabelledMemory[] {
  return Array.from({ length: count }, (_, i) => {
    const [type, text] = TEMPLATES[i % TEMPLATES.length];
    const p = PEOPLE[(i * 7) % PEOPLE.length];
    const t = THINGS[(i * 11) % THINGS.length];
    const a = ACTIONS[(i * 13) % ACTIONS.length];
    return {
      id: `filler-${i}`,
      project: ['shop-api', 'shop-web', 'ingest', 'mobile'][i % 4],
      type,
      createdAt: from + Math.floor(((to - from) * (i % 20)) / 20),
      text: text(p, t, a, i),
    };
  });
}
