import Anthropic, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import type { Clock } from '../../../common/Clock';
import type { Logger } from '../../ports';
import type { ValidCloudConnection } from '../CloudConnection';
import { sdkLogger } from '../sdkLogger';
import { collectPages, type SdkPage } from './collectPages';
import { listError } from './listErrors';
import type { FetchedModels, ListedModel } from './ModelList';

const SDK = { APIError, APIUserAbortError, APIConnectionError, APIConnectionTimeoutError };
/** The API's largest page: a whole account's list in one request (its default is 20). */
const PAGE_LIMIT = 1000;

/**
 * `GET /v1/models` through @anthropic-ai/sdk (`client.models.list()`), following its pagination
 * (`has_more`, `last_id` → `after_id`). The API lists active and deprecated models (retired ones only
 * when asked for); a deprecated one is kept with its retirement date. Loaded on the first list fetch.
 * @throws JarvisError (see listError)
 */
export async function listAnthropicModels(conn: ValidCloudConnection, logger: Logger, clock: Clock, signal?: AbortSignal): Promise<FetchedModels> {
  const client = new Anthropic({
    apiKey: conn.apiKey,
    // The SDK appends /v1/models; a base URL pasted with /v1 would double it.
    baseURL: conn.baseUrl.replace(/\/v1$/, ''),
    maxRetries: conn.maxRetries,
    timeout: conn.timeoutMs,
    logger: sdkLogger(logger, 'Anthropic', conn.apiKey),
    logLevel: 'warn',
    ...(conn.fetch ? { fetch: conn.fetch } : {}),
  });
  try {
    const first = await client.models.list({ limit: PAGE_LIMIT }, signal ? { signal } : undefined);
    return await collectPages(first as unknown as SdkPage<unknown>, 'Anthropic', toModel);
  } catch (e) {
    throw listError(e, 'anthropic', SDK, conn, clock);
  }
}

function toModel(entry: unknown, id: string): ListedModel {
  const e = entry as { display_name?: unknown; lifecycle?: unknown; retires_at?: unknown };
  const name = typeof e.display_name === 'string' && e.display_name.trim() !== '' && e.display_name !== id ? e.display_name.slice(0, 200) : undefined;
  const retiresAt = typeof e.retires_at === 'string' ? e.retires_at.slice(0, 40) : undefined;
  return {
    id,
    chat: true,
    ...(name ? { name } : {}),
    ...(e.lifecycle === 'deprecated' ? { deprecated: retiresAt ? { retiresAt } : {} } : {}),
  };
}
