import { JarvisError } from '../../common/errors';
import type { SecretStore } from '../ports';

export type CloudProvider = 'openai' | 'anthropic';
export const CLOUD_PROVIDERS: readonly CloudProvider[] = ['openai', 'anthropic'];

/** SecretStorage key for a provider's API key: `jarvis.<provider>.apiKey`. */
export function apiKeySecretName(provider: CloudProvider): string {
  return `jarvis.${provider}.apiKey`;
}

/**
 * API keys live only in SecretStorage. Values are trimmed; empty, multi-line or absurdly long values
 * are refused so a bad paste never becomes a stored secret. Nothing here logs a key.
 */
export class ApiKeyStore {
  constructor(private readonly secrets: SecretStore) {}

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
    await this.secrets.store(apiKeySecretName(provider), raw.trim());
  }

  async get(provider: CloudProvider): Promise<string | undefined> {
    const v = await this.secrets.get(apiKeySecretName(provider));
    return v && v.trim() !== '' ? v : undefined;
  }

  async has(provider: CloudProvider): Promise<boolean> {
    return (await this.get(provider)) !== undefined;
  }

  async clear(): Promise<void> {
    await Promise.all(CLOUD_PROVIDERS.map((p) => this.secrets.delete(apiKeySecretName(p))));
  }
}
