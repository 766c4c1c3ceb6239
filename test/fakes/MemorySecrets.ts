import type { SecretStore } from '../../src/core/ports';

/** An in-memory SecretStore (VS Code's SecretStorage stand-in); `map` shows what is stored. */
export class MemorySecrets implements SecretStore {
  readonly map = new Map<string, string>();
  async get(k: string): Promise<string | undefined> {
    return this.map.get(k);
  }
  async store(k: string, v: string): Promise<void> {
    this.map.set(k, v);
  }
  async delete(k: string): Promise<void> {
    this.map.delete(k);
  }
}
