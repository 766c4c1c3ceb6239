import type { Event } from '../../common/Emitter';

/** Raw settings under the `jarvis.` section, read on demand, with a change signal (a port: VS Code's configuration, or a map in tests). */
export interface SettingsSource {
  /** Value of `jarvis.<key>` as the user wrote it (unknown: it may be malformed). */
  get(key: string): unknown;
  readonly onDidChange: Event<void>;
}
