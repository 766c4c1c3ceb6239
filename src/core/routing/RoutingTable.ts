import { parseRouteTable } from '../config/parseRouteTable';
import type { TierName } from '../config/tiers';
import type { Candidate } from './Candidate';

/** Tier → candidates in order of preference. */
export type RoutingTable = Readonly<Record<TierName, readonly Candidate[]>>;

/**
 * The design manual's routing (phi3 / llama3 / mistral locally; GPT-4-class and Claude Opus in the
 * cloud) with today's equivalents of its retired cloud models.
 */
export const DEFAULT_ROUTES: RoutingTable = Object.freeze({
  trivial: [
    { provider: 'ollama', model: 'phi3' },
    { provider: 'ollama', model: 'llama3' },
  ],
  low: [{ provider: 'ollama', model: 'llama3' }],
  medium: [
    { provider: 'ollama', model: 'mistral' },
    { provider: 'openai', model: 'gpt-4o-mini' },
  ],
  high: [
    { provider: 'openai', model: 'gpt-4o' },
    { provider: 'anthropic', model: 'claude-sonnet-4-0' },
  ],
  critical: [
    { provider: 'anthropic', model: 'claude-opus-4-0' },
    { provider: 'openai', model: 'gpt-4o' },
  ],
});

/** Validates a routing table as a user may write it in settings (see config/parseRouteTable). */
export function parseRoutingTable(value: unknown, defaults: RoutingTable = DEFAULT_ROUTES): RoutingTable {
  return parseRouteTable(value, defaults);
}
