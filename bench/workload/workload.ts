/**
 * The workload file (data/workload/requests.jsonl): realistic coding-assistant requests, grouped in
 * chat sessions (turns of one session run in order and carry the session's history), each labelled
 * with the tier a careful human gives it. Attached code lives in data/workload/attachments/.
 * A line with `repeatOf` is the same question asked again (same words, same attachment); it shares
 * the first one's ground truth. The loader checks it really is identical. Whether the cache can
 * answer it depends on the conversation before it, exactly as for a real repeat.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const TIERS = ['trivial', 'low', 'medium', 'high', 'critical'] as const;
export type Tier = (typeof TIERS)[number];
export const CODE_LANGS = ['ts', 'js', 'python', 'sql', 'bash', 'yaml', 'go', 'json', 'css'] as const;
export type CodeLang = (typeof CODE_LANGS)[number];

export interface WorkloadRequest {
  id: string;
  session: string;
  tier: Tier;
  prompt: string;
  /** File name under attachments/, sent as the user's attached file. */
  attachment?: string;
  /** Language of the code a good answer contains; absent when a prose answer is right. */
  code?: CodeLang;
  /** Id of the earlier request this one repeats word for word. */
  repeatOf?: string;
}

export interface LoadedRequest extends WorkloadRequest {
  attached?: { name: string; content: string; languageId: string };
  /** The request whose ground truth this one shares (itself unless it is a repeat). */
  original: string;
}

export interface Workload {
  requests: LoadedRequest[];
  /** Session ids in first-appearance order, each with its turns in order. */
  sessions: { id: string; turns: LoadedRequest[] }[];
}

const LANGUAGE_IDS: Record<string, string> = {
  ts: 'typescript',
  tsx: 'typescriptreact',
  js: 'javascript',
  py: 'python',
  sql: 'sql',
  sh: 'shellscript',
  yml: 'yaml',
  yaml: 'yaml',
  go: 'go',
  json: 'json',
  md: 'markdown',
  env: 'dotenv',
};

/** Parses and checks the workload; every problem is reported with its line number, nothing is skipped. */
export function parseWorkload(jsonl: string, readAttachment: (name: string) => string | undefined): Workload {
  const requests: LoadedRequest[] = [];
  const byId = new Map<string, LoadedRequest>();
  const problems: string[] = [];
  jsonl.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `line ${i + 1}`;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (e) {
      problems.push(`${where}: not JSON (${(e as Error).message})`);
      return;
    }
    const r = raw as Partial<WorkloadRequest>;
    const bad = check(r);
    if (bad) {
      problems.push(`${where}: ${bad}`);
      return;
    }
    if (byId.has(r.id!)) {
      problems.push(`${where}: duplicate id ${r.id}`);
      return;
    }
    const req: LoadedRequest = { ...(r as WorkloadRequest), original: r.id! };
    if (r.attachment !== undefined) {
      const content = readAttachment(r.attachment);
      if (content === undefined) {
        problems.push(`${where}: attachment ${r.attachment} not found`);
        return;
      }
      const ext = r.attachment.split('.').pop() ?? '';
      req.attached = { name: r.attachment, content, languageId: LANGUAGE_IDS[ext] ?? 'plaintext' };
    }
    if (r.repeatOf !== undefined) {
      const first = byId.get(r.repeatOf);
      if (!first) problems.push(`${where}: repeatOf ${r.repeatOf} is not an earlier request`);
      else if (first.prompt !== r.prompt || first.attachment !== r.attachment || first.tier !== r.tier)
        problems.push(`${where}: repeatOf ${r.repeatOf} but prompt, attachment or tier differ`);
      else req.original = first.original;
    }
    byId.set(req.id, req);
    requests.push(req);
  });
  const prompts = new Map<string, string>();
  for (const r of requests) {
    const other = prompts.get(r.prompt);
    if (other !== undefined && r.original !== other) problems.push(`${r.id}: same prompt as ${other} but not marked repeatOf`);
    prompts.set(r.prompt, r.original);
  }
  if (problems.length > 0) throw new Error(`Workload has ${problems.length} problem(s):\n${problems.join('\n')}`);
  if (requests.length === 0) throw new Error('Workload is empty.');
  const sessions = new Map<string, LoadedRequest[]>();
  for (const r of requests) sessions.set(r.session, [...(sessions.get(r.session) ?? []), r]);
  return { requests, sessions: [...sessions].map(([id, turns]) => ({ id, turns })) };
}

function check(r: Partial<WorkloadRequest>): string | undefined {
  if (typeof r !== 'object' || r === null || Array.isArray(r)) return 'not an object';
  if (typeof r.id !== 'string' || r.id === '') return 'id must be a non-empty string';
  if (typeof r.session !== 'string' || r.session === '') return `${r.id}: session must be a non-empty string`;
  if (!TIERS.includes(r.tier as Tier)) return `${r.id}: tier must be one of ${TIERS.join(', ')} (got ${JSON.stringify(r.tier)})`;
  if (typeof r.prompt !== 'string' || r.prompt.trim().length < 3) return `${r.id}: prompt must be a string of at least 3 characters`;
  if (r.attachment !== undefined && (typeof r.attachment !== 'string' || r.attachment.includes('..') || r.attachment.includes('/')))
    return `${r.id}: attachment must be a plain file name`;
  if (r.code !== undefined && !CODE_LANGS.includes(r.code)) return `${r.id}: code must be one of ${CODE_LANGS.join(', ')}`;
  if (r.repeatOf !== undefined && typeof r.repeatOf !== 'string') return `${r.id}: repeatOf must be an id`;
  const known = new Set(['id', 'session', 'tier', 'prompt', 'attachment', 'code', 'repeatOf']);
  const extra = Object.keys(r).filter((k) => !known.has(k));
  if (extra.length > 0) return `${r.id}: unknown field(s) ${extra.join(', ')}`;
  return undefined;
}

/** Reads data/workload/requests.jsonl and its attachments from the repository. */
export function loadWorkload(dir: string): Workload {
  const attachments = path.join(dir, 'attachments');
  return parseWorkload(fs.readFileSync(path.join(dir, 'requests.jsonl'), 'utf8'), (name) => {
    const file = path.join(attachments, name);
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  });
}
