import { JarvisError } from '../../common/errors';
import { TIER_NAMES, type TierName } from './tiers';

/** Provider ids a route may name (the same strings as llm's ProviderId, which config cannot import). */
export type RouteProvider = 'ollama' | 'openai' | 'anthropic' | 'vscode';
const PROVIDERS: readonly RouteProvider[] = ['ollama', 'openai', 'anthropic', 'vscode'];

export interface RouteCandidate {
  provider: RouteProvider;
  model: string;
}

/** Tier → candidates in order of preference. */
export type RouteTable = Readonly<Record<TierName, readonly RouteCandidate[]>>;

/**
 * Validates a routing table as a user may write it in settings: each tier a list of
 * "provider:model" strings or { provider, model } objects. Missing tiers keep their default.
 */
export function parseRouteTable(value: unknown, defaults: RouteTable): RouteTable {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new JarvisError('invalid-input', 'Routes must be an object mapping trivial/low/medium/high/critical to lists of "provider:model".');
  }
  const out: Record<string, RouteCandidate[]> = {};
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
  return Object.freeze(out) as RouteTable;
}

function parseCandidate(item: unknown, where: string): RouteCandidate {
  let provider: unknown;
  let model: unknown;
  if (typeof item === 'string') {
    const i = item.indexOf(':');
    provider = i > 0 ? item.slice(0, i).trim() : undefined;
    model = i > 0 ? item.slice(i + 1).trim() : undefined;
  } else if (item !== null && typeof item === 'object') {
    ({ provider, model } = item as Record<string, unknown>);
  }
  if (!PROVIDERS.includes(provider as RouteProvider)) {
    throw new JarvisError(
      'invalid-input',
      `Route ${where} must name a provider (ollama, openai, anthropic or vscode) as "provider:model"; got ${JSON.stringify(item)}.`,
    );
  }
  if (typeof model !== 'string' || model.trim() === '') {
    throw new JarvisError('invalid-input', `Route ${where} has no model name; write it as "${String(provider)}:<model>".`);
  }
  return { provider: provider as RouteProvider, model: model.trim() };
}
