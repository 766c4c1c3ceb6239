import { Emitter, type Event } from '../../common/Emitter';
import { errorMessage } from '../../common/errors';
import type { JarvisSettings } from '../config/settings';
import type { GatewayServer } from './GatewayServer';
import type { RateLimit } from './TokenBucketLimiter';

export type GatewayState =
  { state: 'off' } | { state: 'starting'; port: number } | { state: 'running'; port: number } | { state: 'failed'; port: number; error: string };

type GatewaySettings = JarvisSettings['gateway'];

/**
 * Keeps the gateway server in line with `jarvis.gateway.*`: started when enabled, stopped when
 * disabled, restarted on a new port, and given new rate limits in place. Changes are applied one at a
 * time in order, so quickly toggling the setting never leaves two servers or a stray one.
 */
export class GatewayRunner {
  private current: GatewayState = { state: 'off' };
  private queue: Promise<void> = Promise.resolve();
  private readonly changed = new Emitter<GatewayState>();
  readonly onDidChange: Event<GatewayState> = this.changed.event;

  constructor(private readonly server: GatewayServer) {}

  get state(): GatewayState {
    return this.current;
  }

  /** Applies the settings; resolves with the state reached (a failure is a state, not a rejection). */
  apply(s: GatewaySettings): Promise<GatewayState> {
    this.queue = this.queue.then(() => this.applyNow(s));
    return this.queue.then(() => this.current);
  }

  /** Stops the server (window closing, extension deactivating). */
  stop(): Promise<void> {
    this.queue = this.queue.then(async () => {
      await this.server.stop();
      this.set({ state: 'off' });
    });
    return this.queue;
  }

  dispose(): void {
    void this.stop().finally(() => this.changed.dispose());
  }

  private async applyNow(s: GatewaySettings): Promise<void> {
    const limit = rateLimitOf(s);
    if (!s.enabled) {
      if (this.server.running) await this.server.stop();
      if (this.current.state !== 'off') this.set({ state: 'off' });
      return;
    }
    if (this.server.running && this.server.port === s.port) {
      this.server.configure(limit);
      return;
    }
    if (this.server.running) await this.server.stop();
    this.set({ state: 'starting', port: s.port });
    try {
      this.set({ state: 'running', port: await this.server.start(s.port, limit) });
    } catch (e) {
      this.set({ state: 'failed', port: s.port, error: errorMessage(e) });
    }
  }

  private set(state: GatewayState): void {
    this.current = state;
    this.changed.fire(state);
  }
}

export function rateLimitOf(s: GatewaySettings): RateLimit {
  return { requests: s.rateLimit.requests, windowSeconds: s.rateLimit.window, burst: s.rateLimit.burst };
}

/** One sentence for the status menu and Show Routing Status. */
export function describeGateway(state: GatewayState, keys: number): string {
  const keyText = `${keys} active key${keys === 1 ? '' : 's'}`;
  switch (state.state) {
    case 'off':
      return 'off (turn on `jarvis.gateway.enabled` to serve other tools on this machine)';
    case 'starting':
      return `starting on 127.0.0.1:${state.port}…`;
    case 'running':
      return `on at http://127.0.0.1:${state.port}/v1 and /mcp, ${keyText}`;
    case 'failed':
      return `not running: ${state.error}`;
  }
}
