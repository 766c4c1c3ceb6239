import type { Logger } from '../../ports';
import { cleanModelId } from './chatModelRule';
import type { CloudProviderId, ListedModel, ModelList } from './ModelList';

export type CachedLists = Partial<Record<CloudProviderId, ModelList>>;

/**
 * The cached lists from global state, checked field by field: state written by another version, or
 * edited by hand, must not put a non-string id into a picker or a setting. A provider's entry that does
 * not check out is dropped (the next refresh writes it again); the others are kept.
 */
export function readCachedLists(raw: unknown, logger: Logger): CachedLists {
  if (raw === undefined) return {};
  if (typeof raw !== 'object' || raw === null) {
    logger.warn('The cached cloud model lists are unreadable; they will be fetched again.');
    return {};
  }
  const out: CachedLists = {};
  for (const provider of ['openai', 'anthropic'] as const) {
    const entry = (raw as Record<string, unknown>)[provider];
    if (entry === undefined) continue;
    const list = checkList(provider, entry);
    if (list) out[provider] = list;
    else logger.warn(`The cached ${provider} model list is unreadable; it will be fetched again.`);
  }
  return out;
}

function checkList(provider: CloudProviderId, x: unknown): ModelList | undefined {
  if (typeof x !== 'object' || x === null) return undefined;
  const l = x as Record<string, unknown>;
  if (typeof l.baseUrl !== 'string' || typeof l.fetchedAt !== 'number' || !Number.isFinite(l.fetchedAt) || !Array.isArray(l.models)) return undefined;
  const models: ListedModel[] = [];
  for (const m of l.models as unknown[]) {
    const r = (typeof m === 'object' && m !== null ? m : {}) as Record<string, unknown>;
    const id = cleanModelId(r.id);
    if (id === undefined || typeof r.chat !== 'boolean') return undefined;
    const d = r.deprecated as { retiresAt?: unknown } | undefined;
    models.push({
      id,
      chat: r.chat,
      ...(typeof r.name === 'string' ? { name: r.name } : {}),
      ...(typeof d === 'object' && d !== null ? { deprecated: typeof d.retiresAt === 'string' ? { retiresAt: d.retiresAt } : {} } : {}),
    });
  }
  return {
    provider,
    baseUrl: l.baseUrl,
    fetchedAt: l.fetchedAt,
    models,
    rejected: typeof l.rejected === 'number' ? l.rejected : 0,
    complete: l.complete !== false,
  };
}
