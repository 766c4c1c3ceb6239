import { Emitter } from '../../src/common/Emitter';
import type { SettingsSource } from '../../src/core/ports';

/** `jarvis.*` settings held in a map; set() fires the change event as VS Code's configuration does. */
export class MapSettingsSource implements SettingsSource {
  readonly values = new Map<string, unknown>();
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;
  get(key: string): unknown {
    return this.values.get(key);
  }
  set(key: string, v: unknown): void {
    this.values.set(key, v);
    this.changed.fire();
  }
}
