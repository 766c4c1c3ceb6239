import type { TranscriptMemento } from '../../src/vscode/chatView/ChatViewSession';

/** A Memento in a map that stores what JSON keeps (as VS Code's does); `failWith` makes updates fail. */
export class MapMemento implements TranscriptMemento {
  readonly values = new Map<string, unknown>();
  failWith: Error | undefined;
  get(key: string): unknown {
    return this.values.get(key);
  }
  async update(key: string, value: unknown): Promise<void> {
    if (this.failWith) throw this.failWith;
    // Memento stores JSON: prove the transcript survives serialisation.
    this.values.set(key, JSON.parse(JSON.stringify(value)));
  }
}
