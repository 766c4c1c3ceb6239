import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../common/Clock';
import { Emitter, type Event } from '../../common/Emitter';
import { JarvisError } from '../../common/errors';
import type { SecretStore } from '../ports';
import type { GatewayAuditor } from './GatewayAuditor';
import { isRole, type Role } from './permissions';

/** What is kept of a key: never the key itself, only its SHA-256. */
export interface GatewayKeyRecord {
  id: string;
  name: string;
  role: Role;
  /** Hex SHA-256 of the raw key. */
  hash: string;
  /**
   * The first 8 hex digits of `hash`, so a person can tell keys apart in a list (and match a key they
   * hold with `displayIdOf`). Derived from the hash: no part of the key itself is kept.
   */
  displayId: string;
  created: number;
  /** Epoch ms, or null for a key that never expires. */
  expires: number | null;
  lastUsed: number | null;
  revoked: number | null;
}

export type KeyCheck = { ok: true; key: GatewayKeyRecord } | { ok: false; reason: 'missing' | 'unknown' | 'expired' | 'revoked'; key?: GatewayKeyRecord };

/** Where the records live (the extension passes SecretStorage); one JSON document under this name. */
export const GATEWAY_KEYS_SECRET = 'jarvis.gateway.keys';
export const KEY_PREFIX = 'jgw_';
/** The seed's API_KEY_EXPIRY_DAYS. */
export const DEFAULT_EXPIRY_DAYS = 90;
const DAY_MS = 86_400_000;
/** Last-used times are written back at most this often: a request must not wait for SecretStorage. */
const LAST_USED_FLUSH_MS = 60_000;

export function hashKey(raw: string): string {
  return createHash('sha256').update(raw, 'utf8').digest('hex');
}

/** What the key list shows for a key: the start of its SHA-256, never of the key. */
export function displayIdOf(hash: string): string {
  return hash.slice(0, 8);
}

/**
 * The gateway's API keys (the seed's AuthManager.create_api_key / verify_api_key): 32 random bytes,
 * returned once at creation and stored only as a SHA-256 hash with name, role, created, expires and
 * last used. Checking a presented key hashes it and compares against every stored hash in constant
 * time (no early exit), so timing tells nothing about how much of a hash matched or which key did.
 */
export class GatewayKeyStore {
  private records: GatewayKeyRecord[] | undefined;
  private loading: Promise<GatewayKeyRecord[]> | undefined;
  private lastFlush = 0;
  private readonly changed = new Emitter<void>();
  readonly onDidChange: Event<void> = this.changed.event;

  constructor(
    private readonly vault: SecretStore,
    private readonly clock: Clock,
    /** Key created / revoked records in the audit log. */
    private readonly auditor?: GatewayAuditor,
  ) {}

  /**
   * A new key. The raw key is in the result and nowhere else: it cannot be shown again.
   * @param expiresInDays null: never expires. @default DEFAULT_EXPIRY_DAYS
   */
  async create(input: { name: string; role: Role; expiresInDays?: number | null }): Promise<{ key: string; record: GatewayKeyRecord }> {
    const name = typeof input?.name === 'string' ? input.name.trim() : '';
    if (name === '' || name.length > 100) throw new JarvisError('invalid-input', 'A gateway key needs a name of 1 to 100 characters.');
    if (!isRole(input.role)) throw new JarvisError('invalid-input', `Unknown role "${String(input.role)}": use admin, developer, user, readonly or guest.`);
    const days = input.expiresInDays === undefined ? DEFAULT_EXPIRY_DAYS : input.expiresInDays;
    if (days !== null && (!Number.isInteger(days) || days < 1 || days > 3650)) {
      throw new JarvisError('invalid-input', `Expiry must be a whole number of days from 1 to 3650, or never (got ${String(days)}).`);
    }
    const records = await this.load();
    if (records.some((r) => r.name === name && r.revoked === null)) throw new JarvisError('invalid-input', `A gateway key named "${name}" already exists.`);
    const key = KEY_PREFIX + randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const record: GatewayKeyRecord = {
      id: randomUUID(),
      name,
      role: input.role,
      hash: hashKey(key),
      displayId: displayIdOf(hashKey(key)),
      created: now,
      expires: days === null ? null : now + days * DAY_MS,
      lastUsed: null,
      revoked: null,
    };
    this.records = [...records, record];
    await this.save();
    this.auditor?.keyCreated(record);
    return { key, record };
  }

  async list(): Promise<GatewayKeyRecord[]> {
    return (await this.load()).map((r) => ({ ...r }));
  }

  /** Revoking keeps the record (it says who had access until when); the key stops working at once. */
  async revoke(id: string): Promise<GatewayKeyRecord> {
    const records = await this.load();
    const record = records.find((r) => r.id === id);
    if (!record) throw new JarvisError('invalid-input', `No gateway key with id ${id}.`);
    if (record.revoked === null) {
      record.revoked = this.clock.now();
      await this.save();
      this.auditor?.keyRevoked(record);
    }
    return { ...record };
  }

  /** Checks a presented key and, when it is good, notes its use. */
  async check(raw: string | undefined): Promise<KeyCheck> {
    if (raw === undefined || raw === '') return { ok: false, reason: 'missing' };
    const records = await this.load();
    const presented = Buffer.from(hashKey(raw), 'hex');
    let found: GatewayKeyRecord | undefined;
    for (const r of records) {
      // Every stored hash is compared, whatever matched before.
      if (timingSafeEqual(presented, Buffer.from(r.hash, 'hex'))) found = r;
    }
    if (!found) return { ok: false, reason: 'unknown' };
    if (found.revoked !== null) return { ok: false, reason: 'revoked', key: { ...found } };
    const now = this.clock.now();
    if (found.expires !== null && now >= found.expires) return { ok: false, reason: 'expired', key: { ...found } };
    found.lastUsed = now;
    if (now - this.lastFlush >= LAST_USED_FLUSH_MS) void this.save().catch(() => undefined);
    return { ok: true, key: { ...found } };
  }

  /** Writes pending last-used times (the gateway calls this when it stops). */
  async flush(): Promise<void> {
    if (this.records) await this.save();
  }

  dispose(): void {
    this.changed.dispose();
  }

  private load(): Promise<GatewayKeyRecord[]> {
    if (this.records) return Promise.resolve(this.records);
    this.loading ??= this.vault.get(GATEWAY_KEYS_SECRET).then(
      async (text) => {
        const { records, hadPrefix } = parseRecords(text);
        this.records = records;
        this.loading = undefined;
        // Records from before display ids kept the key's first characters: written back without them.
        if (hadPrefix) await this.save().catch(() => undefined);
        return this.records;
      },
      (e: unknown) => {
        this.loading = undefined;
        throw new JarvisError('storage-failed', `Could not read the gateway keys: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
      },
    );
    return this.loading;
  }

  private async save(): Promise<void> {
    this.lastFlush = this.clock.now();
    await this.vault.store(GATEWAY_KEYS_SECRET, JSON.stringify({ v: 1, keys: this.records ?? [] }));
    this.changed.fire();
  }
}

/**
 * Stored records, checked field by field: a damaged entry is dropped, never trusted. The display id is
 * derived from the hash again; `hadPrefix` says a record still carries the plain-text key prefix that
 * earlier versions stored (dropped here, so the caller writes the records back).
 */
function parseRecords(text: string | undefined): { records: GatewayKeyRecord[]; hadPrefix: boolean } {
  const none = { records: [], hadPrefix: false };
  if (!text) return none;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return none;
  }
  const keys = (doc as { keys?: unknown })?.keys;
  if (!Array.isArray(keys)) return none;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const hadPrefix = keys.some((k: unknown) => k !== null && typeof k === 'object' && 'prefix' in k);
  const records = keys.flatMap((k: Record<string, unknown>): GatewayKeyRecord[] => {
    if (!k || typeof k.id !== 'string' || typeof k.name !== 'string' || !isRole(k.role)) return [];
    if (typeof k.hash !== 'string' || !/^[0-9a-f]{64}$/.test(k.hash) || typeof k.created !== 'number') return [];
    return [
      {
        id: k.id,
        name: k.name,
        role: k.role,
        hash: k.hash,
        displayId: displayIdOf(k.hash),
        created: k.created,
        expires: num(k.expires),
        lastUsed: num(k.lastUsed),
        revoked: num(k.revoked),
      },
    ];
  });
  return { records, hadPrefix };
}
