import type { CloudProviderId } from '../ProviderRegistry';

export type { CloudProviderId };

/** One model a provider's `GET /v1/models` named, as Jarvis keeps it. */
export interface ListedModel {
  id: string;
  /** Anthropic's display name, when it differs from the id. */
  name?: string;
  /** Offered for chat (see `isChatModelId`); the others still count as listed. */
  chat: boolean;
  /** Anthropic's lifecycle `deprecated`: still callable, headed for retirement (on `retiresAt`, when scheduled). */
  deprecated?: { retiresAt?: string };
}

/** What one fetch of a provider's list returned. */
export interface FetchedModels {
  models: ListedModel[];
  /** Ids dropped because they were not usable names (empty, whitespace, control characters, over 200 characters). */
  rejected: number;
  /** False when the list was cut at the page or model limit: a model missing from it may be on a later page. */
  complete: boolean;
}

/** A provider's list as cached in global state, for the base URL it came from. */
export interface ModelList extends FetchedModels {
  provider: CloudProviderId;
  /** The base URL it was fetched from (a compatible server lists other models than the provider). */
  baseUrl: string;
  /** Epoch ms. */
  fetchedAt: number;
}

/** A configured cloud candidate that the provider's current list does not name. */
export interface UnlistedModel {
  provider: CloudProviderId;
  model: string;
  /** Where it is configured: `jarvis.routing.tiers` tier names, in tier order. */
  tiers: string[];
  /** When the list it is missing from was fetched. */
  listFetchedAt: number;
}

export const PROVIDER_LABELS: Readonly<Record<CloudProviderId, string>> = { openai: 'OpenAI', anthropic: 'Anthropic' };
export const KEY_COMMANDS: Readonly<Record<CloudProviderId, string>> = { openai: 'Jarvis: Set OpenAI API Key', anthropic: 'Jarvis: Set Anthropic API Key' };
