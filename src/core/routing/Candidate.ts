import type { ProviderId } from '../llm/types';

/** A model the router may use: which provider, and the model name as that provider spells it. */
export interface Candidate {
  provider: ProviderId;
  model: string;
}

/** Whether a candidate can be used right now, and if not, why (shown to the user in the trace). */
export type Availability = { ok: true } | { ok: false; reason: string };

/**
 * Filled by the host from what it knows: Ollama's installed models, which API keys SecretStorage
 * holds, circuit-breaker states, disabled providers. May be async (SecretStorage is).
 */
export type AvailabilityCheck = (candidate: Candidate) => Availability | Promise<Availability>;

export function candidateKey(c: Candidate): string {
  return `${c.provider}:${c.model}`;
}
