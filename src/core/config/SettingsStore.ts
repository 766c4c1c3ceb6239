import { Emitter } from '../../common/Emitter';
import type { IDisposable } from '../../common/Disposable';
import type { Logger } from '../../common/Logger';
import type { SettingsSource } from './SettingsSource';
import { parseSettings } from './parseSettings';
import type { JarvisSettings } from './settings';

/**
 * Parsed, validated settings with change events. Re-parses only when the source says something
 * changed, and reports each distinct invalid value once (not on every read).
 */
export class SettingsStore implements IDisposable {
  private readonly changed = new Emitter<JarvisSettings>();
  private readonly invalid = new Emitter<string[]>();
  readonly onDidChange = this.changed.event;
  /** Fires with warnings that were not reported before. */
  readonly onInvalidSettings = this.invalid.event;
  private value: JarvisSettings;
  private reported = new Set<string>();
  private readonly subscription: IDisposable;

  constructor(
    private readonly source: SettingsSource,
    private readonly logger: Logger,
  ) {
    this.value = this.parse();
    this.subscription = source.onDidChange(() => {
      this.value = this.parse();
      this.changed.fire(this.value);
    });
  }

  get current(): JarvisSettings {
    return this.value;
  }

  /** Every invalid value in the current settings (including those found before anyone listened). */
  get warnings(): string[] {
    return [...this.reported];
  }

  private parse(): JarvisSettings {
    const { settings, warnings } = parseSettings((k) => this.source.get(k));
    const fresh = warnings.filter((w) => !this.reported.has(w));
    this.reported = new Set(warnings);
    for (const w of fresh) this.logger.warn(`Invalid setting: ${w}`);
    if (fresh.length > 0) this.invalid.fire(fresh);
    return settings;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
    this.invalid.dispose();
  }
}
