import { JarvisError } from '../../common/errors';
import type { AuditEntry, AuditSink } from '../audit/AuditLog';
import { recordAudit } from '../audit/recordAudit';
import type { Logger, SecretStore } from '../ports';

export type CloudProvider = 'openai' | 'anthropic';
export const CLOUD_PROVIDERS: readonly CloudProvider[] = ['openai', 'anthropic'];

/** SecretStorage key for a provider's API key: `jarvis.<provider>.apiKey`. */
export function apiKeySecretName(provider: CloudProvider): string {
  return `jarvis.${provider}.apiKey`;
}

export interface ApiKeyStoreOptions {
  /** The audit log: key set, cleared and read are security events (never with the value). */
  audit?: AuditSink;
  logger?: Logger;
}

/**
 * API keys live only in SecretStorage. Values are trimmed; empty, multi-line or absurdly long values
 * are refused so a bad paste never becomes a stored secret. Nothing here logs a key; the audit log
 * records who set, cleared or read which provider's key, and a fingerprint-free fact only.
 */
export class ApiKeyStore {
  constructor(
    private readonly secrets: SecretStore,
    private readonly options: ApiKeyStoreOptions = {},
  ) {}

  /** provider:purpose pairs already recorded as read since the key last changed (one record each, not one per request). */
  private readonly readsRecorded = new Set<string>();

  static validate(raw: string): string | undefined {
    const key = raw.trim();
    if (key === '') return 'The API key is empty.';
    if (/\s/.test(key)) return 'The API key must not contain spaces or line breaks.';
    if (key.length > 512) return 'That is too long to be an API key (more than 512 characters).';
    return undefined;
  }

  async set(provider: CloudProvider, raw: string): Promise<void> {
    const problem = ApiKeyStore.validate(raw);
    if (problem) throw new JarvisError('invalid-input', problem);
    const replaced = await this.has(provider);
    await this.secrets.store(apiKeySecretName(provider), raw.trim());
    this.forgetReads(provider);
    this.audit({ type: 'key-set', severity: 'warning', message: `${provider} API key ${replaced ? 'replaced' : 'set'}`, data: { provider, replaced } });
  }

  /**
   * Reads the key for use. `purpose` says which part of Jarvis asked (cloud requests, embeddings);
   * the first read for each purpose after the key was set is an audit record (later reads for the same
   * purpose add nothing a reviewer needs, and would bury the ledger's other records).
   */
  async get(provider: CloudProvider, purpose = 'unspecified'): Promise<string | undefined> {
    const v = await this.read(provider);
    const pair = `${provider}:${purpose}`;
    if (v !== undefined && !this.readsRecorded.has(pair)) {
      this.readsRecorded.add(pair);
      this.audit({ type: 'key-read', message: `${provider} API key read for ${purpose}`, data: { provider, purpose } });
    }
    return v;
  }

  /** Whether a key is stored; not an audit event (the value never leaves this method). */
  async has(provider: CloudProvider): Promise<boolean> {
    return (await this.read(provider)) !== undefined;
  }

  async clear(): Promise<void> {
    const had = (await Promise.all(CLOUD_PROVIDERS.map(async (p) => ((await this.has(p)) ? p : undefined)))).filter((p) => p !== undefined);
    await Promise.all(CLOUD_PROVIDERS.map((p) => this.secrets.delete(apiKeySecretName(p))));
    for (const p of CLOUD_PROVIDERS) this.forgetReads(p);
    this.audit({
      type: 'key-cleared',
      severity: 'warning',
      message: `API keys cleared (${had.length ? had.join(', ') : 'none were set'})`,
      data: { providers: had },
    });
  }

  private forgetReads(provider: CloudProvider): void {
    for (const pair of [...this.readsRecorded]) if (pair.startsWith(`${provider}:`)) this.readsRecorded.delete(pair);
  }

  private async read(provider: CloudProvider): Promise<string | undefined> {
    const v = await this.secrets.get(apiKeySecretName(provider));
    return v && v.trim() !== '' ? v : undefined;
  }

  private audit(entry: AuditEntry): void {
    recordAudit(this.options.audit, entry, this.options.logger);
  }
}
