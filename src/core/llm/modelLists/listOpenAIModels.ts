import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { Clock } from '../../../common/Clock';
import type { Logger } from '../../ports';
import type { ValidCloudConnection } from '../CloudConnection';
import { sdkLogger } from '../sdkLogger';
import { collectPages, type SdkPage } from './collectPages';
import { isChatModelId } from './chatModelRule';
import { listError } from './listErrors';
import type { FetchedModels } from './ModelList';

const SDK = { APIError, APIUserAbortError, APIConnectionError, APIConnectionTimeoutError };

/**
 * `GET /v1/models` through the openai SDK (`client.models.list()`): one page of `{ id, object, created,
 * owned_by }`. Loaded on the first list fetch, never at activation.
 * @throws JarvisError (see listError)
 */
export async function listOpenAIModels(conn: ValidCloudConnection, logger: Logger, clock: Clock, signal?: AbortSignal): Promise<FetchedModels> {
  const client = new OpenAI({
    apiKey: conn.apiKey,
    baseURL: conn.baseUrl,
    maxRetries: conn.maxRetries,
    timeout: conn.timeoutMs,
    logger: sdkLogger(logger, 'OpenAI', conn.apiKey),
    logLevel: 'warn',
    // As for chat: never send OPENAI_ORG_ID / OPENAI_PROJECT_ID from the environment to another server.
    organization: null,
    project: null,
    ...(conn.fetch ? { fetch: conn.fetch } : {}),
  });
  try {
    const first = await client.models.list(signal ? { signal } : undefined);
    return await collectPages(first as unknown as SdkPage<unknown>, 'OpenAI', (_entry, id) => ({ id, chat: isChatModelId('openai', id) }));
  } catch (e) {
    throw listError(e, 'openai', SDK, conn, clock);
  }
}
