import { JarvisError } from '../../../common/errors';
import type { FetchedModels, ListedModel } from './ModelList';
import { cleanModelId } from './chatModelRule';

/** The page shape both Stainless SDKs return from `models.list()` (their own pagination, followed here). */
export interface SdkPage<T> {
  data: unknown;
  hasNextPage(): boolean;
  getNextPage(): Promise<SdkPage<T>>;
}

/** Enough for any real account (OpenAI lists ~100, Anthropic ~20); a server past it is cut, not followed forever. */
export const MAX_MODELS = 10_000;
export const MAX_PAGES = 100;

/**
 * Walks an SDK's pages (Anthropic's `has_more` / `last_id` → `after_id`; OpenAI's single page) and keeps
 * the usable ids once each. Stops with `complete: false` at MAX_PAGES or MAX_MODELS; refuses a page that
 * is not a list, and a cursor that does not move (a server repeating its page would loop forever).
 * @param toModel reads one entry; undefined drops it as rejected
 */
export async function collectPages<T>(first: SdkPage<T>, label: string, toModel: (entry: unknown, id: string) => ListedModel): Promise<FetchedModels> {
  const models: ListedModel[] = [];
  const seen = new Set<string>();
  let rejected = 0;
  let page = first;
  let lastCursor: string | undefined;
  for (let pages = 1; ; pages++) {
    if (!Array.isArray(page.data)) {
      throw new JarvisError('invalid-response', `${label} sent a model list in an unexpected shape (no "data" array). Nothing was changed.`);
    }
    for (const entry of page.data as unknown[]) {
      const id = cleanModelId(typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined);
      if (id === undefined) {
        rejected++;
        continue;
      }
      if (seen.has(id)) continue;
      seen.add(id);
      models.push(toModel(entry, id));
      if (models.length >= MAX_MODELS) return { models, rejected, complete: false };
    }
    if (!page.hasNextPage()) return { models, rejected, complete: true };
    if (pages >= MAX_PAGES) return { models, rejected, complete: false };
    const cursor = (page as { last_id?: unknown }).last_id;
    if (typeof cursor === 'string' && cursor === lastCursor) {
      throw new JarvisError('invalid-response', `${label}'s model list repeats the same page (its cursor does not advance). Nothing was changed.`);
    }
    lastCursor = typeof cursor === 'string' ? cursor : undefined;
    page = await page.getNextPage();
  }
}
