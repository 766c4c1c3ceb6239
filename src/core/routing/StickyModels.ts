import type { Clock } from '../../common/Clock';
import type { Candidate } from './Candidate';

/** Conversations remembered; the oldest is forgotten first. @default 200 */
export const STICKY_CONVERSATIONS = 200;
/** A conversation idle this long starts afresh. @default 2 h */
export const STICKY_TTL_MS = 2 * 60 * 60 * 1000;

interface Pin {
  candidate: Candidate;
  local: boolean;
  at: number;
}

/**
 * Which model each agent conversation was routed to, so an agent loop does not hop between models
 * every step (each hop loses the model's own reading of the conversation, and costs a cold start).
 */
export class StickyModels {
  private readonly pins = new Map<string, Pin>();

  constructor(private readonly clock: Clock) {}

  get(key: string): Pin | undefined {
    const pin = this.pins.get(key);
    if (!pin) return undefined;
    if (this.clock.now() - pin.at > STICKY_TTL_MS) {
      this.pins.delete(key);
      return undefined;
    }
    return pin;
  }

  set(key: string, candidate: Candidate, local: boolean): void {
    this.pins.delete(key);
    this.pins.set(key, { candidate, local, at: this.clock.now() });
    while (this.pins.size > STICKY_CONVERSATIONS) this.pins.delete(this.pins.keys().next().value as string);
  }
}
