import type { KeyValueStore } from '../../src/core/ports';

/** An in-memory KeyValueStore that, like VS Code's Memento, stores and returns copies. */
export class MemoryKv implements KeyValueStore {
  readonly data = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return structuredClone(this.data.get(key)) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.data.set(key, structuredClone(value));
  }
}
