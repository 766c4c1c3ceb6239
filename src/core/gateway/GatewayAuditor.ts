import type { Clock } from '../../common/Clock';
import type { AuditEntry, AuditSink } from '../audit/AuditLog';
import type { Logger } from '../ports';
import type { Role } from './permissions';

/** What a record says about a key (a KeyIdentity has these fields): never the key, nor its hash. */
export interface KeyIdentity {
  id: string;
  name: string;
  role: Role;
}

/** One event of a kind per key (or per failure reason) is written at most this often. */
const REPEAT_WINDOW_MS = 60_000;

/**
 * The gateway's security events in the hash-chained audit log. Key creation, revocation and expiry are
 * always written; the per-request events (authentication success and failure, permission denied, rate
 * limited) are written the first time in each minute per key and kind, with the number left out since
 * the last one, so a script in a loop or a flood of bad keys cannot grow the ledger by a record per
 * request (nor slow every request down by a disk write).
 */
export class GatewayAuditor {
  private readonly last = new Map<string, { at: number; suppressed: number }>();

  constructor(
    private readonly sink: AuditSink | undefined,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  keyCreated(k: KeyIdentity): void {
    this.write({ type: 'gateway-key-created', message: `gateway key "${k.name}" created (${k.role})`, data: describe(k) });
  }

  keyRevoked(k: KeyIdentity): void {
    this.write({ type: 'gateway-key-revoked', severity: 'warning', message: `gateway key "${k.name}" revoked`, data: describe(k) });
  }

  started(port: number): void {
    this.write({ type: 'gateway-started', message: `gateway listening on 127.0.0.1:${port}`, data: { port } });
  }

  stopped(port: number): void {
    this.write({ type: 'gateway-stopped', message: `gateway on 127.0.0.1:${port} stopped`, data: { port } });
  }

  authSuccess(k: KeyIdentity, endpoint: string): void {
    this.throttled(`ok:${k.id}`, { type: 'gateway-auth-success', message: `gateway key "${k.name}" authenticated`, data: { ...describe(k), endpoint } });
  }

  /** An expired key is written once per minute as `gateway-key-expired`, other failures as `gateway-auth-failure`. */
  authFailure(reason: string, endpoint: string, k?: KeyIdentity): void {
    if (reason === 'expired' && k) {
      this.throttled(`expired:${k.id}`, {
        type: 'gateway-key-expired',
        severity: 'warning',
        message: `expired gateway key "${k.name}" was used`,
        data: { ...describe(k), endpoint },
      });
      return;
    }
    this.throttled(`fail:${reason}:${k?.id ?? ''}`, {
      type: 'gateway-auth-failure',
      severity: 'warning',
      message: `gateway request refused: ${reason} key`,
      data: { reason, endpoint, ...(k ? describe(k) : {}) },
    });
  }

  permissionDenied(k: KeyIdentity, endpoint: string, permission: string): void {
    this.throttled(`denied:${k.id}:${endpoint}`, {
      type: 'gateway-permission-denied',
      severity: 'warning',
      message: `gateway key "${k.name}" (${k.role}) lacks ${permission} for ${endpoint}`,
      data: { ...describe(k), endpoint, permission },
    });
  }

  rateLimited(k: KeyIdentity, endpoint: string, retryAfterSeconds: number): void {
    this.throttled(`limited:${k.id}`, {
      type: 'gateway-rate-limited',
      severity: 'warning',
      message: `gateway key "${k.name}" rate limited`,
      data: { ...describe(k), endpoint, retryAfterSeconds },
    });
  }

  private throttled(key: string, entry: AuditEntry): void {
    const now = this.clock.now();
    const seen = this.last.get(key);
    if (seen && now - seen.at < REPEAT_WINDOW_MS) {
      seen.suppressed++;
      return;
    }
    this.last.set(key, { at: now, suppressed: 0 });
    this.write(seen && seen.suppressed > 0 ? { ...entry, data: { ...entry.data, sinceLastRecord: seen.suppressed } } : entry);
  }

  private write(entry: AuditEntry): void {
    if (!this.sink) return;
    // A ledger failure is logged, never turned into a failed request.
    this.sink.append(entry).catch((e: unknown) => this.logger.warn(`gateway audit record not written: ${e instanceof Error ? e.message : String(e)}`));
  }
}

/** What identifies a key in a record: never the key, nor its hash. */
function describe(k: KeyIdentity): Record<string, unknown> {
  return { keyId: k.id, keyName: k.name, role: k.role };
}
