import type { ProviderListState } from '../llm/modelLists/CloudModelLists';
import { PROVIDER_LABELS, type UnlistedModel } from '../llm/modelLists/ModelList';

/** How a time is shown to the reader (local time in the editor; fixed in tests). */
export type FormatTime = (epochMs: number) => string;

export const formatListTime: FormatTime = (ms) => new Date(ms).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** "3 hours ago", "2 days ago", "just now": the list's age. */
export function formatAge(fromMs: number, nowMs: number): string {
  const minutes = Math.max(0, Math.round((nowMs - fromMs) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.round(hours / 24);
  return `${days} days ago`;
}

function tierWords(tiers: readonly string[]): string {
  if (tiers.length === 1) return `the ${tiers[0]} tier`;
  return `the ${tiers.slice(0, -1).join(', ')} and ${tiers[tiers.length - 1]} tiers`;
}

/** One sentence per unlisted model: what is missing, where it is configured, what happens to requests. */
export function describeUnlisted(u: UnlistedModel, time: FormatTime = formatListTime): string {
  const label = PROVIDER_LABELS[u.provider];
  return `${label} no longer lists ${u.model} (used in ${tierWords(u.tiers)}; list from ${time(u.listFetchedAt)}). Requests to it fail and fall back to the next model of the tier.`;
}

/** The notification's text for the models not warned about yet. */
export function unlistedWarning(unlisted: readonly UnlistedModel[], time: FormatTime = formatListTime): string {
  if (unlisted.length === 1) return `Jarvis: ${describeUnlisted(unlisted[0], time)}`;
  const names = unlisted.map((u) => `${u.provider}:${u.model} (${u.tiers.join(', ')})`).join(', ');
  return `Jarvis: ${unlisted.length} configured cloud models are not in their provider's current model list: ${names}. Requests to them fail and fall back to the next model of the tier.`;
}

/**
 * One line per provider: models offered for chat, how old the list is, and whether the last refresh
 * failed (then the cached list is what is shown, and from when). `hasKey` undefined: not known here.
 */
export function describeListState(s: ProviderListState, hasKey: boolean | undefined, now: number, time: FormatTime = formatListTime): string {
  const label = PROVIDER_LABELS[s.provider];
  const parts: string[] = [];
  if (s.list) {
    const chat = s.list.models.filter((m) => m.chat).length;
    parts.push(
      `${chat} chat model${chat === 1 ? '' : 's'}${chat === s.list.models.length ? '' : ` (of ${s.list.models.length} listed)`}, fetched ${time(s.list.fetchedAt)} (${formatAge(s.list.fetchedAt, now)})`,
    );
    if (!s.list.complete) parts.push(`the list was cut at ${s.list.models.length.toLocaleString('en-US')} models`);
  } else if (hasKey === false) {
    parts.push(`no API key, so no list (run Jarvis: Set ${label} API Key)`);
  } else if (hasKey === undefined) {
    parts.push('no list yet (it is fetched once an API key is set)');
  } else {
    parts.push('not fetched yet (run Jarvis: Refresh Cloud Model Lists)');
  }
  if (s.lastError) {
    parts.push(
      `the last refresh (${time(s.lastError.at)}) failed: ${s.lastError.message}${s.list ? ` Showing the list cached from ${time(s.list.fetchedAt)}.` : ''}`,
    );
  }
  if (s.refreshing) parts.push('refreshing now');
  return `${label}: ${parts.join('; ')}`;
}
