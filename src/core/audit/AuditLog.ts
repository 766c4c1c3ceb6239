import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Clock } from '../../common/Clock';
import { JarvisError } from '../../common/errors';
import type { KeyValueStore, Logger } from '../ports';
import type { AuditWorkspace } from './auditWorkspace';
import { GENESIS, recordHash, sha256, verifyChain, type AuditEventType, type AuditRecord, type AuditSeverity, type ChainBreak } from './auditChain';

export interface AuditLogOptions {
  /** Folder of the log (VS Code's global storage). */
  dir: string;
  clock: Clock;
  /** Keeps the last written record's seq and hash outside the file, so records cut off the end show. */
  head: KeyValueStore;
  logger: Logger;
  /** Days of records kept (`jarvis.audit.retentionDays`). */
  retentionDays: () => number;
  /**
   * The window's workspace, read when a record is appended: the log is one per user across
   * workspaces, so each record says which one it came from (absent with no folder open).
   */
  workspace?: () => AuditWorkspace | undefined;
}

export interface AuditEntry {
  type: AuditEventType;
  severity?: AuditSeverity;
  message: string;
  data?: Record<string, unknown>;
}

/** Where audit records go: the AuditLog, or nothing (most tests). */
export interface AuditSink {
  append(entry: AuditEntry): Promise<unknown>;
}

export interface AuditVerification {
  ok: boolean;
  records: number;
  firstBreak?: ChainBreak;
  /** Torn last lines found after a crash, each set aside in its own file (never dropped silently). */
  tornSetAside: string[];
  file: string;
}

export interface AuditQuery {
  type?: AuditEventType;
  severity?: AuditSeverity;
  provider?: string;
  /** A workspace's id or name. */
  workspace?: string;
  /** Inclusive ISO times or epoch ms. */
  from?: number;
  to?: number;
}

const HEAD_KEY = 'jarvis.audit.head';
const DAY_MS = 86_400_000;

/**
 * The append-only, hash-chained audit log and egress ledger: one JSON line per record in
 * `audit.jsonl`. Each record carries the hash of the one before it, so editing, deleting or
 * reordering a record breaks the chain at that point. Writes are queued (one at a time, in order);
 * a torn last line left by a crash is moved to `audit.torn-<time>.txt` and recorded, before the next
 * append. Retention folds old records into a checkpoint that the chain continues from.
 */
export class AuditLog implements AuditSink {
  readonly file: string;
  private queue: Promise<unknown> = Promise.resolve();
  private last: { seq: number; hash: string } | undefined;
  private opened = false;
  private readonly torn: string[] = [];

  constructor(private readonly options: AuditLogOptions) {
    // Checked on first use, not here: building the log at activation must never fail.
    this.file = typeof options?.dir === 'string' && options.dir !== '' ? path.join(options.dir, 'audit.jsonl') : '';
  }

  /** Appends one record; resolves once it is on disk. */
  append(entry: AuditEntry): Promise<AuditRecord> {
    if (!entry || typeof entry.type !== 'string' || typeof entry.message !== 'string') {
      return Promise.reject(new JarvisError('invalid-input', 'An audit entry needs { type, message }.'));
    }
    // Read now, not when the queue gets to it: the workspace that caused the record is the one named.
    const workspace = this.workspaceNow();
    return this.enqueue(async () => {
      await this.open(workspace);
      return this.writeRecord(entry, workspace);
    });
  }

  /** Checks the whole chain and reports the first broken link, if any. */
  verify(): Promise<AuditVerification> {
    return this.enqueue(async () => {
      await this.open();
      const lines = await this.lines();
      const head = this.options.head.get<{ seq: number; hash: string }>(HEAD_KEY);
      const r = verifyChain(lines, head);
      return { ok: r.ok, records: r.records, firstBreak: r.firstBreak, tornSetAside: [...this.torn], file: this.file };
    });
  }

  /** Records matching every given field, oldest first. */
  search(query: AuditQuery = {}): Promise<AuditRecord[]> {
    return this.enqueue(async () => {
      await this.open();
      const out: AuditRecord[] = [];
      for (const l of await this.lines()) {
        let r: AuditRecord;
        try {
          r = JSON.parse(l) as AuditRecord;
        } catch {
          continue;
        }
        const t = Date.parse(r.time);
        if (query.type && r.type !== query.type) continue;
        if (query.severity && r.severity !== query.severity) continue;
        if (query.provider && r.data.provider !== query.provider) continue;
        if (query.workspace && !matchesWorkspace(r.data.workspace, query.workspace)) continue;
        if (query.from !== undefined && t < query.from) continue;
        if (query.to !== undefined && t > query.to) continue;
        out.push(r);
      }
      return out;
    });
  }

  /**
   * Folds records older than the retention into one checkpoint record (how many, their span, counts
   * by type, and the seq and hash the kept records continue from). Only a chain that verifies is
   * pruned: a broken one is evidence and stays whole.
   */
  applyRetention(): Promise<{ dropped: number }> {
    return this.enqueue(async () => {
      await this.open();
      const lines = await this.lines();
      if (!verifyChain(lines).ok) {
        this.options.logger.warn('audit log: the chain does not verify, so retention keeps every record (run Jarvis: Verify Audit Log)');
        return { dropped: 0 };
      }
      const cutoff = this.options.clock.now() - this.options.retentionDays() * DAY_MS;
      const records = lines.map((l) => JSON.parse(l) as AuditRecord);
      const previous = records[0]?.type === 'checkpoint' ? records[0] : undefined;
      const body = previous ? records.slice(1) : records;
      const old = body.filter((r) => Date.parse(r.time) < cutoff);
      if (old.length === 0) return { dropped: 0 };
      const kept = body.slice(old.length);
      const lastOld = old[old.length - 1];
      const counts: Record<string, number> = { ...((previous?.data.countsByType as Record<string, number>) ?? {}) };
      for (const r of old) counts[r.type] = (counts[r.type] ?? 0) + 1;
      const cp: Omit<AuditRecord, 'hash'> = {
        v: 1,
        seq: lastOld.seq,
        time: new Date(this.options.clock.now()).toISOString(),
        type: 'checkpoint',
        severity: 'info',
        message: `${old.length + ((previous?.data.dropped as number) ?? 0)} records older than ${this.options.retentionDays()} days folded into this checkpoint`,
        data: {
          lastSeq: lastOld.seq,
          lastHash: lastOld.hash,
          dropped: old.length + ((previous?.data.dropped as number) ?? 0),
          from: (previous?.data.from as string) ?? old[0].time,
          to: lastOld.time,
          countsByType: counts,
        },
        prev: previous?.hash ?? GENESIS,
      };
      const checkpoint: AuditRecord = { ...cp, hash: recordHash(cp) };
      const tmp = `${this.file}.tmp`;
      await fs.writeFile(tmp, [checkpoint, ...kept].map((r) => `${JSON.stringify(r)}\n`).join(''), 'utf8');
      await fs.rename(tmp, this.file);
      return { dropped: old.length };
    });
  }

  /** A failing workspace lookup must not lose the record: it is written without one. */
  private workspaceNow(): AuditWorkspace | undefined {
    try {
      return this.options.workspace?.();
    } catch {
      return undefined;
    }
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async lines(): Promise<string[]> {
    const text = await readOrEmpty(this.file);
    return text === '' ? [] : text.replace(/\n$/, '').split('\n');
  }

  /** First use: sets a torn last line aside and finds the record the next append chains to. */
  private async open(workspace?: AuditWorkspace): Promise<void> {
    if (this.opened) return;
    if (this.file === '') throw new JarvisError('invalid-input', 'The audit log needs a folder (dir); nothing was written.');
    await fs.mkdir(this.options.dir, { recursive: true });
    let text = await readOrEmpty(this.file);
    if (text !== '' && !text.endsWith('\n')) {
      const cut = text.lastIndexOf('\n') + 1;
      const tail = text.slice(cut);
      const aside = path.join(this.options.dir, `audit.torn-${new Date(this.options.clock.now()).toISOString().replace(/[:.]/g, '-')}.txt`);
      await fs.writeFile(aside, tail, 'utf8');
      await fs.truncate(this.file, Buffer.byteLength(text.slice(0, cut), 'utf8'));
      text = text.slice(0, cut);
      this.torn.push(aside);
      this.options.logger.warn(`audit log: a torn last line (${tail.length} characters, probably a crash mid-write) was set aside in ${aside}`);
      this.pendingTorn = { file: path.basename(aside), characters: tail.length, sha256: sha256(tail) };
    }
    const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
    // After the file's actual last record, even when the chain broke earlier: the break stays where it is.
    this.last = this.lastParsable(lines);
    this.opened = true;
    if (this.pendingTorn) {
      const data = this.pendingTorn;
      this.pendingTorn = undefined;
      await this.writeRecord({ type: 'torn-line-set-aside', severity: 'warning', message: `A torn last line was set aside in ${data.file}`, data }, workspace);
    }
  }
  private pendingTorn: Record<string, unknown> | undefined;

  private lastParsable(lines: string[]): { seq: number; hash: string } | undefined {
    for (let i = lines.length - 1; i >= 0; i--) {
      try {
        const r = JSON.parse(lines[i]) as AuditRecord;
        // The record after a checkpoint continues the chain the checkpoint folded.
        if (r.type === 'checkpoint') return { seq: r.data.lastSeq as number, hash: r.data.lastHash as string };
        if (Number.isInteger(r.seq) && typeof r.hash === 'string') return { seq: r.seq, hash: r.hash };
      } catch {
        /* keep looking */
      }
    }
    return undefined;
  }

  /** Writes one record after the last; callers hold the queue. */
  private async writeRecord(entry: AuditEntry, workspace: AuditWorkspace | undefined): Promise<AuditRecord> {
    const prev = this.last ?? { seq: 0, hash: GENESIS };
    const data = entry.data ?? {};
    const body: Omit<AuditRecord, 'hash'> = {
      v: 1,
      seq: prev.seq + 1,
      time: new Date(this.options.clock.now()).toISOString(),
      type: entry.type,
      severity: entry.severity ?? 'info',
      message: entry.message,
      data: workspace && data.workspace === undefined ? { ...data, workspace } : data,
      prev: prev.hash,
    };
    const record: AuditRecord = { ...body, hash: recordHash(body) };
    await fs.appendFile(this.file, `${JSON.stringify(record)}\n`, 'utf8');
    this.last = { seq: record.seq, hash: record.hash };
    await this.options.head.update(HEAD_KEY, this.last);
    return record;
  }
}

function matchesWorkspace(recorded: unknown, wanted: string): boolean {
  const w = recorded as Partial<AuditWorkspace> | undefined;
  return w !== undefined && w !== null && (w.id === wanted || w.name === wanted);
}

async function readOrEmpty(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw e;
  }
}
