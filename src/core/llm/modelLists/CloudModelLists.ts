import type { Clock } from '../../../common/Clock';
import { Emitter, type Event } from '../../../common/Emitter';
import { JarvisError, errorMessage, isJarvisError } from '../../../common/errors';
import type { JarvisSettings } from '../../config/settings';
import type { KeyValueStore, Logger } from '../../ports';
import { type ValidCloudConnection, validateCloudConnection } from '../CloudConnection';
import { configuredCloudModels, findUnlisted } from './configuredCloudModels';
import { type CloudProviderId, type FetchedModels, KEY_COMMANDS, type ModelList, PROVIDER_LABELS, type UnlistedModel } from './ModelList';
import { type CachedLists, readCachedLists } from './readCachedLists';

export const CLOUD_MODEL_PROVIDERS: readonly CloudProviderId[] = ['openai', 'anthropic'];
/** Global-state key of the cached lists (one per provider, with the base URL and time they came from). */
export const MODEL_LISTS_KEY = 'jarvis.cloudModelLists.v1';
/** Global-state key of the unlisted set last warned about, so a reload does not repeat the same warning. */
export const WARNED_KEY = 'jarvis.cloudModelLists.warned';
const HOUR_MS = 3_600_000;
/** After a failed background refresh, wait this long before the next one (a failing server is not asked every few minutes). */
export const FAILURE_BACKOFF_MS = HOUR_MS;
/** A list is a small GET: give up long before a chat request would. */
const LIST_TIMEOUT_MS = 15_000;

export interface CloudModelListsDeps {
  /** Key reads are audited per purpose (ApiKeyStore): these read as "model list". */
  keys: { has(provider: CloudProviderId): Promise<boolean>; get(provider: CloudProviderId, purpose: string): Promise<string | undefined> };
  settings: () => JarvisSettings;
  store: KeyValueStore;
  clock: Clock;
  logger: Logger;
  /** Workspace Trust: background refreshes wait for a trusted window (explicit ones do not; see refresh()). */
  trusted?: () => boolean;
  /** Injected for tests of the request timeout. @default 15000 */
  timeoutMs?: number;
}

export type RefreshTrigger = 'manual' | 'background';

/** What one refresh did. Never a thrown error: the caller shows it. */
export type RefreshOutcome =
  | { provider: CloudProviderId; status: 'updated'; list: ModelList }
  /** The fetch failed (or listed nothing): `cached` is the list still in use, if any. */
  | { provider: CloudProviderId; status: 'failed'; error: JarvisError; cached?: ModelList }
  | { provider: CloudProviderId; status: 'skipped'; why: 'no-key' | 'untrusted' | 'fresh' | 'backoff' | 'disabled' };

export interface ProviderListState {
  provider: CloudProviderId;
  /** The cached list for the current base URL (a list from another base URL does not apply). */
  list?: ModelList;
  /** The last refresh's failure, if the last refresh failed. */
  lastError?: { message: string; code: string; at: number };
  refreshing: boolean;
}

/**
 * The providers' own model lists (`GET /v1/models` with the user's key), cached in global state with
 * the time they were fetched. Refreshed on demand, or in the background at most once per
 * `jarvis.cloudModels.refreshHours` when a key is set; a failure keeps the cached list and says so. One
 * request per provider at a time (concurrent callers share it), no retries of its own (the user's
 * Refresh is the retry), and after a failure the background waits an hour (a 401 waits for a manual
 * refresh). The SDK code is loaded on the first fetch, never at activation.
 */
export class CloudModelLists {
  private readonly changed = new Emitter<void>();
  /** The lists, a failure or a refresh's start/end changed (status page, dashboard, warnings). */
  readonly onDidChange: Event<void> = this.changed.event;
  private readonly inflight = new Map<CloudProviderId, Promise<RefreshOutcome>>();
  private readonly errors = new Map<CloudProviderId, { error: JarvisError; at: number }>();
  private loaded: CachedLists | undefined;
  private warned: Set<string> | undefined;

  constructor(private readonly deps: CloudModelListsDeps) {}

  dispose(): void {
    this.changed.dispose();
  }

  state(provider: CloudProviderId): ProviderListState {
    const e = this.errors.get(provider);
    const list = this.cachedList(provider);
    return {
      provider,
      ...(list ? { list } : {}),
      ...(e ? { lastError: { message: e.error.message, code: e.error.code, at: e.at } } : {}),
      refreshing: this.inflight.has(provider),
    };
  }

  states(): ProviderListState[] {
    return CLOUD_MODEL_PROVIDERS.map((p) => this.state(p));
  }

  /** Configured `jarvis.routing.tiers` cloud models that their provider's cached list does not name. */
  unlisted(): UnlistedModel[] {
    const lists: Partial<Record<CloudProviderId, ModelList>> = {};
    for (const p of CLOUD_MODEL_PROVIDERS) {
      const l = this.cachedList(p);
      if (l) lists[p] = l;
    }
    return findUnlisted(configuredCloudModels(this.deps.settings()), lists);
  }

  /**
   * The unlisted models not warned about yet (undefined: none). The warning is shown once per model,
   * not on every request, change event or window: the warned ones are kept in global state (across
   * reloads) for as long as they stay unlisted, so one that is fixed and goes missing again is warned
   * about again.
   */
  takeNewUnlisted(): UnlistedModel[] | undefined {
    const unlisted = this.unlisted();
    if (!this.warned) {
      const stored = this.deps.store.get<unknown>(WARNED_KEY);
      this.warned = new Set(Array.isArray(stored) ? stored.filter((x): x is string => typeof x === 'string') : []);
    }
    const warned = this.warned;
    const now = unlisted.map((u) => `${u.provider}:${u.model}`);
    const fresh = unlisted.filter((u) => !warned.has(`${u.provider}:${u.model}`));
    if (now.length !== warned.size || fresh.length > 0) {
      // Kept in memory first: the store's write completes later, and the next change event may come sooner.
      this.warned = new Set(now);
      void this.deps.store.update(WARNED_KEY, now);
    }
    return fresh.length ? fresh : undefined;
  }

  /**
   * Fetches one provider's list now. `manual` (the Refresh command, the model picker) always asks,
   * also in Restricted Mode: the request carries the key and nothing from the workspace, to a base
   * URL the workspace cannot set (both base URLs are restricted settings). `background` asks only when
   * due (see refreshIfDue).
   */
  refresh(provider: CloudProviderId, trigger: RefreshTrigger = 'manual', signal?: AbortSignal): Promise<RefreshOutcome> {
    const running = this.inflight.get(provider);
    if (running) return running;
    const p = this.run(provider, trigger, signal).finally(() => {
      this.inflight.delete(provider);
      this.changed.fire();
    });
    this.inflight.set(provider, p);
    this.changed.fire();
    return p;
  }

  refreshAll(trigger: RefreshTrigger = 'manual', signal?: AbortSignal): Promise<RefreshOutcome[]> {
    return Promise.all(CLOUD_MODEL_PROVIDERS.map((p) => this.refresh(p, trigger, signal)));
  }

  /**
   * The background refresh: for each provider with a key, when its cached list is older than
   * `jarvis.cloudModels.refreshHours` (or absent, or from another base URL), in a trusted window, and
   * not within an hour of a failure (or at all after a rejected key, until a manual refresh).
   */
  async refreshIfDue(): Promise<RefreshOutcome[]> {
    return Promise.all(CLOUD_MODEL_PROVIDERS.map((p) => this.refresh(p, 'background')));
  }

  private async run(provider: CloudProviderId, trigger: RefreshTrigger, signal: AbortSignal | undefined): Promise<RefreshOutcome> {
    if (trigger === 'background') {
      const why = await this.skipReason(provider);
      if (why) return { provider, status: 'skipped', why };
    }
    const label = PROVIDER_LABELS[provider];
    const cached = this.cachedList(provider);
    const key = await this.deps.keys.get(provider, 'model list');
    if (key === undefined) return { provider, status: 'skipped', why: 'no-key' };
    try {
      const baseUrl = this.deps.settings()[provider].baseUrl;
      const conn = validateCloudConnection(
        { baseUrl, apiKey: key, maxRetries: 0, timeoutMs: this.deps.timeoutMs ?? LIST_TIMEOUT_MS },
        label,
        KEY_COMMANDS[provider],
      );
      const fetched = await this.fetch(provider, conn, signal);
      if (fetched.models.length === 0) {
        throw new JarvisError(
          'invalid-response',
          `${label} listed no models${cached ? '; the list cached earlier is kept' : ''}. A proxy or a key without model access can answer so.`,
          { provider },
        );
      }
      const list: ModelList = { provider, baseUrl: conn.baseUrl, fetchedAt: this.deps.clock.now(), ...fetched };
      await this.save(list);
      this.errors.delete(provider);
      this.deps.logger.info(
        `${label} model list: ${list.models.length} models (${list.models.filter((m) => m.chat).length} for chat)` +
          `${list.rejected ? `, ${list.rejected} unusable ids dropped` : ''}${list.complete ? '' : ', cut at the limit'}`,
      );
      return { provider, status: 'updated', list };
    } catch (e) {
      const error = isJarvisError(e) ? e : new JarvisError('provider-error', `${label} model list: ${errorMessage(e)}`, { provider });
      this.errors.set(provider, { error, at: this.deps.clock.now() });
      // The message is the SDK mapping's, with the key scrubbed; the key itself is never in a log line.
      this.deps.logger.warn(`${label} model list not refreshed (${trigger}): ${error.code}: ${error.message}`);
      return { provider, status: 'failed', error, ...(cached ? { cached } : {}) };
    }
  }

  private async skipReason(provider: CloudProviderId): Promise<'no-key' | 'untrusted' | 'fresh' | 'backoff' | 'disabled' | undefined> {
    const hours = this.deps.settings().cloudModels.refreshHours;
    if (hours === 0) return 'disabled';
    // has(), not get(): asking whether a key exists is not a key read for the audit log.
    if (!(await this.deps.keys.has(provider))) return 'no-key';
    if (this.deps.trusted?.() === false) return 'untrusted';
    const now = this.deps.clock.now();
    const failure = this.errors.get(provider);
    if (failure) {
      if (failure.error.code === 'auth-failed') return 'backoff';
      const wait = Math.max(FAILURE_BACKOFF_MS, failure.error.details.retryAfterMs ?? 0);
      if (now - failure.at < wait) return 'backoff';
    }
    const list = this.cachedList(provider);
    if (list && now - list.fetchedAt < hours * HOUR_MS) return 'fresh';
    return undefined;
  }

  /** The SDK listers are imported here, on the first fetch: activation loads neither SDK. */
  private async fetch(provider: CloudProviderId, conn: ValidCloudConnection, signal?: AbortSignal): Promise<FetchedModels> {
    const { logger, clock } = this.deps;
    if (provider === 'openai') {
      const { listOpenAIModels } = await import('./listOpenAIModels.js');
      return listOpenAIModels(conn, logger, clock, signal);
    }
    const { listAnthropicModels } = await import('./listAnthropicModels.js');
    return listAnthropicModels(conn, logger, clock, signal);
  }

  /** The stored lists, read and checked once (this object is their only writer). */
  private lists(): CachedLists {
    this.loaded ??= readCachedLists(this.deps.store.get(MODEL_LISTS_KEY), this.deps.logger);
    return this.loaded;
  }

  private cachedList(provider: CloudProviderId): ModelList | undefined {
    const list = this.lists()[provider];
    const baseUrl = this.deps.settings()[provider].baseUrl.trim().replace(/\/+$/, '');
    return list && list.baseUrl === baseUrl ? list : undefined;
  }

  private async save(list: ModelList): Promise<void> {
    this.loaded = { ...this.lists(), [list.provider]: list };
    await this.deps.store.update(MODEL_LISTS_KEY, this.loaded);
  }
}
