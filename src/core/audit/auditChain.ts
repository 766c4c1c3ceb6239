import { createHash } from 'node:crypto';

/** Severity of an audit record (the seed's levels). */
export type AuditSeverity = 'info' | 'warning' | 'critical';

/** The record types: one per cloud request, the seed's security events, and the log's own bookkeeping. */
export type AuditEventType =
  | 'cloud-request'
  | 'privacy-kept-local'
  | 'privacy-redacted'
  | 'privacy-blocked'
  | 'key-set'
  | 'key-cleared'
  | 'key-read'
  | 'budget-override'
  | 'settings-widened-egress'
  | 'torn-line-set-aside'
  // The loopback gateway (core/gateway): the seed's authentication, authorisation and key events.
  | 'gateway-started'
  | 'gateway-stopped'
  | 'gateway-auth-success'
  | 'gateway-auth-failure'
  | 'gateway-permission-denied'
  | 'gateway-rate-limited'
  | 'gateway-key-created'
  | 'gateway-key-revoked'
  | 'gateway-key-expired'
  | 'checkpoint';

/** One line of the audit log. `prev` is the hash of the record before it; `hash` covers everything else. */
export interface AuditRecord {
  v: 1;
  seq: number;
  time: string;
  type: AuditEventType;
  severity: AuditSeverity;
  message: string;
  data: Record<string, unknown>;
  prev: string;
  hash: string;
}

export const GENESIS = '0'.repeat(64);

/** JSON with object keys sorted at every level, so the same record always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value as Record<string, unknown>)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The hash a record must carry: over its canonical form without `hash` (its `prev` included). */
export function recordHash(record: Omit<AuditRecord, 'hash'>): string {
  const { hash: _ignored, ...rest } = record as AuditRecord;
  return sha256(canonicalJson(rest));
}

/** Where the chain breaks, and why: the first broken link is what "Verify Audit Log" reports. */
export interface ChainBreak {
  /** 1-based line in the file. */
  line: number;
  seq?: number;
  reason: string;
}

export interface ChainReport {
  ok: boolean;
  records: number;
  firstBreak?: ChainBreak;
  /** The last good record (what the next append chains to). */
  last?: { seq: number; hash: string };
}

/**
 * Verifies complete lines of an audit log. A file may start with a checkpoint (retention folded the
 * records before it): its own hash is checked, and the record after it must continue the dropped
 * chain (`data.lastSeq` + 1, `prev` = `data.lastHash`). `expectedHead`, kept outside the file, detects
 * records cut off the end.
 */
export function verifyChain(lines: string[], expectedHead?: { seq: number; hash: string }): ChainReport {
  let prev: { seq: number; hash: string } | undefined;
  let count = 0;
  const broken = (line: number, reason: string, seq?: number): ChainReport => ({ ok: false, records: count, firstBreak: { line, seq, reason }, last: prev });
  for (const [i, text] of lines.entries()) {
    const line = i + 1;
    let r: AuditRecord;
    try {
      r = JSON.parse(text) as AuditRecord;
    } catch {
      return broken(line, 'not a JSON record (edited or corrupted)');
    }
    if (r === null || typeof r !== 'object' || typeof r.hash !== 'string' || typeof r.prev !== 'string' || !Number.isInteger(r.seq)) {
      return broken(line, 'not an audit record');
    }
    if (recordHash(r) !== r.hash) return broken(line, 'its content does not match its hash (the record was edited)', r.seq);
    if (prev === undefined) {
      if (r.type === 'checkpoint') {
        const d = r.data as { lastSeq?: unknown; lastHash?: unknown };
        if (!Number.isInteger(d.lastSeq) || typeof d.lastHash !== 'string') return broken(line, 'a checkpoint without lastSeq/lastHash', r.seq);
        prev = { seq: d.lastSeq as number, hash: d.lastHash as string };
        count++;
        continue;
      }
      if (r.prev !== GENESIS || r.seq !== 1)
        return broken(line, `the log starts at record ${r.seq} without a checkpoint (earlier records were deleted)`, r.seq);
    } else {
      if (r.seq !== prev.seq + 1) {
        return broken(
          line,
          r.seq > prev.seq + 1
            ? `records ${prev.seq + 1}–${r.seq - 1} are missing (deleted)`
            : `record ${r.seq} comes after ${prev.seq} (reordered or duplicated)`,
          r.seq,
        );
      }
      if (r.prev !== prev.hash) return broken(line, `its link to record ${prev.seq} does not match (a record before it was edited or replaced)`, r.seq);
    }
    prev = { seq: r.seq, hash: r.hash };
    count++;
  }
  if (expectedHead && (prev === undefined || prev.seq < expectedHead.seq)) {
    return broken(lines.length + 1, `the log ends at record ${prev?.seq ?? 0} but ${expectedHead.seq} were written (records cut off the end)`);
  }
  if (expectedHead && prev && prev.seq === expectedHead.seq && prev.hash !== expectedHead.hash) {
    return broken(lines.length, `the last record differs from the one written as record ${expectedHead.seq}`, prev.seq);
  }
  return { ok: true, records: count, last: prev };
}
