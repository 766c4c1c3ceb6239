import { Emitter } from '../../../common/Emitter';
import { errorMessage } from '../../../common/errors';
import type { JarvisSettings } from '../../config/settings';
import type { OllamaHealth } from './OllamaTypes';
import type { Logger } from '../../ports';

/** The two questions the status bar asks Ollama. */
export interface OllamaProbe {
  health(signal?: AbortSignal): Promise<OllamaHealth>;
  has(model: string): Promise<boolean>;
}

export type OllamaStatus =
  | { state: 'disabled' }
  | { state: 'checking'; host: string; model: string }
  | { state: 'ready'; host: string; model: string; version: string }
  | { state: 'model-missing'; host: string; model: string; version: string }
  | { state: 'unreachable'; host: string; model: string; message: string };

/**
 * Knows whether Ollama answers and has the configured model. Refreshes are coalesced: callers that
 * ask while a check is running share its result, so a burst of events makes one request.
 */
export class OllamaStatusMonitor {
  private readonly changed = new Emitter<OllamaStatus>();
  readonly onDidChange = this.changed.event;
  private current: OllamaStatus;
  private inFlight: Promise<OllamaStatus> | undefined;

  constructor(
    private readonly probe: OllamaProbe,
    private readonly settings: () => JarvisSettings,
    private readonly logger: Logger,
  ) {
    const s = settings();
    this.current = s.ollama.enabled ? { state: 'checking', host: s.ollama.host, model: s.ollama.model } : { state: 'disabled' };
  }

  get status(): OllamaStatus {
    return this.current;
  }

  refresh(): Promise<OllamaStatus> {
    this.inFlight ??= this.check().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async check(): Promise<OllamaStatus> {
    const { enabled, host, model } = this.settings().ollama;
    let next: OllamaStatus;
    if (!enabled) {
      next = { state: 'disabled' };
    } else {
      const health = await this.probe.health();
      if (!health.reachable) {
        next = { state: 'unreachable', host, model, message: health.error.message };
      } else {
        let installed = false;
        try {
          installed = await this.probe.has(model);
        } catch (e) {
          this.logger.warn(`Could not list Ollama models: ${errorMessage(e)}`);
        }
        next = installed ? { state: 'ready', host, model, version: health.version } : { state: 'model-missing', host, model, version: health.version };
      }
    }
    if (JSON.stringify(next) !== JSON.stringify(this.current)) {
      this.logger.info(`Ollama status: ${describe(next)}`);
      this.current = next;
      this.changed.fire(next);
    }
    return next;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function describe(s: OllamaStatus): string {
  switch (s.state) {
    case 'disabled':
      return 'Ollama is turned off in settings';
    case 'checking':
      return `checking Ollama at ${s.host}…`;
    case 'ready':
      return `Ollama ${s.version} at ${s.host}, model ${s.model} installed`;
    case 'model-missing':
      return `Ollama ${s.version} at ${s.host} is running, but model ${s.model} is not installed`;
    case 'unreachable':
      return `Ollama at ${s.host} is not reachable: ${s.message}`;
  }
}
