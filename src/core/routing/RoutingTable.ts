import { JarvisError } from '../../common/errors';
import type { ProviderId } from '../llm/types';
import type { Candidate } from './Candidate';
import { TIER_NAMES, type TierName } from './complexity/TaskComplexity';

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

const PROVIDERS: readonly ProviderId[] = ['ollama', 'openai', 'anthropic', 'vscode'];

/**
 * Validates a routing table as a user may write it in settings: each tier a list of
 * "provider:model" strings or { provider, model } objects. Missing tiers keep their default.
 */
export function parseRoutingTable(value: unknown, defaults: RoutingTable = DEFAULT_ROUTES): RoutingTable {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new JarvisError('invalid-input', 'Routes must be an object mapping trivial/low/medium/high/critical to lists of "provider:model".');
  }
  const out: Record<string, Candidate[]> = {};
  for (const key of Object.keys(value)) {
    if (!TIER_NAMES.includes(key as TierName)) {
      throw new JarvisError('invalid-input', `Unknown routing tier "${key}"; use trivial, low, medium, high or critical.`);
    }
  }
  for (const tier of TIER_NAMES) {
    const list = (value as Record<string, unknown>)[tier];
    if (list === undefined) {
      out[tier] = [...defaults[tier]];
      continue;
    }
    if (!Array.isArray(list) || list.length === 0) {
      throw new JarvisError('invalid-input', `Routing tier "${tier}" must be a non-empty list of "provider:model".`);
    }
    out[tier] = list.map((item, i) => parseCandidate(item, `${tier}[${i}]`));
  }
  return Object.freeze(out) as RoutingTable;
}

function parseCandidate(item: unknown, where: string): Candidate {
  let provider: unknown;
  let model: unknown;
  if (typeof item === 'string') {
    const i = item.indexOf(':');
    provider = i > 0 ? item.slice(0, i).trim() : undefined;
    model = i > 0 ? item.slice(i + 1).trim() : undefined;
  } else if (item !== null && typeof item === 'object') {
    ({ provider, model } = item as Record<string, unknown>);
  }
  if (!PROVIDERS.includes(provider as ProviderId)) {
    throw new JarvisError('invalid-input', `Route ${where} must name a provider (ollama, openai, anthropic or vscode) as "provider:model"; got ${JSON.stringify(item)}.`);
  }
  if (typeof model !== 'string' || model.trim() === '') {
    throw new JarvisError('invalid-input', `Route ${where} has no model name; write it as "${String(provider)}:<model>".`);
  }
  return { provider: provider as ProviderId, model: model.trim() };
}
