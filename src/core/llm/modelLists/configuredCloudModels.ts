import type { JarvisSettings } from '../../config/settings';
import { TIER_NAMES, type TierName } from '../../config/tiers';
import type { CloudProviderId, ModelList, UnlistedModel } from './ModelList';

/** One cloud candidate of `jarvis.routing.tiers`: which tier, its place in that tier's list, the model. */
export interface ConfiguredCloudModel {
  tier: TierName;
  /** Index in the tier's list (the setting's array), so a choice replaces exactly this entry. */
  index: number;
  provider: CloudProviderId;
  model: string;
}

/** The OpenAI and Anthropic candidates of the routing table, tier by tier, in their configured order. */
export function configuredCloudModels(settings: JarvisSettings): ConfiguredCloudModel[] {
  const out: ConfiguredCloudModel[] = [];
  for (const tier of TIER_NAMES) {
    (settings.routing.tiers[tier] ?? []).forEach((entry, index) => {
      const i = entry.indexOf(':');
      const provider = entry.slice(0, i).trim();
      const model = entry.slice(i + 1).trim();
      if (i > 0 && (provider === 'openai' || provider === 'anthropic') && model) out.push({ tier, index, provider, model });
    });
  }
  return out;
}

/**
 * Whether `model` is in the list. Exact first (then ignoring case). Anthropic's list names dated ids
 * only (`claude-sonnet-4-20250514`), while its documented aliases are what people configure: `-latest`
 * (`claude-3-5-haiku-latest`), a `-0` minor (`claude-sonnet-4-0`) or the bare version
 * (`claude-sonnet-4-5`) — each stands for `<family>-<YYYYMMDD>` of a listed model.
 */
export function isListed(list: Pick<ModelList, 'provider' | 'models'>, model: string): boolean {
  const want = model.toLowerCase();
  if (list.models.some((m) => m.id === model || m.id.toLowerCase() === want)) return true;
  if (list.provider !== 'anthropic') return false;
  const family = want.replace(/-latest$/, '').replace(/-0$/, '');
  return list.models.some((m) => {
    const id = m.id.toLowerCase();
    return id.startsWith(`${family}-`) && /^\d{8}$/.test(id.slice(family.length + 1));
  });
}

/**
 * Configured candidates missing from their provider's list, one entry per model with the tiers naming it.
 * Only complete, non-empty lists count: a list cut at its limit, or an empty answer, proves nothing.
 */
export function findUnlisted(configured: readonly ConfiguredCloudModel[], lists: Partial<Record<CloudProviderId, ModelList>>): UnlistedModel[] {
  const out = new Map<string, UnlistedModel>();
  for (const c of configured) {
    const list = lists[c.provider];
    if (!list || !list.complete || list.models.length === 0 || isListed(list, c.model)) continue;
    const key = `${c.provider}:${c.model}`;
    const entry = out.get(key) ?? { provider: c.provider, model: c.model, tiers: [], listFetchedAt: list.fetchedAt };
    if (!entry.tiers.includes(c.tier)) entry.tiers.push(c.tier);
    out.set(key, entry);
  }
  return [...out.values()];
}
