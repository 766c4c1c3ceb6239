import type { Clock } from '../../../common/Clock';
import { JarvisError } from '../../../common/errors';
import type { ValidCloudConnection } from '../CloudConnection';
import { redactSecret, type SdkErrorClasses, toProviderError } from '../toProviderError';
import type { CloudProviderId } from './ModelList';
import { KEY_COMMANDS, PROVIDER_LABELS } from './ModelList';

/**
 * What a failed `GET /v1/models` means to the user. The chat mapping (toProviderError: 401, 429 with
 * Retry-After, 5xx, unreachable, timeout; the key scrubbed) applies, with the messages that speak of
 * an answer or a model replaced by ones about the list.
 */
export function listError(e: unknown, provider: CloudProviderId, sdk: SdkErrorClasses, conn: ValidCloudConnection, clock: Clock): JarvisError {
  const label = PROVIDER_LABELS[provider];
  const base = toProviderError(e, {
    provider,
    label,
    keyCommand: KEY_COMMANDS[provider],
    sdk,
    baseUrl: conn.baseUrl,
    timeoutMs: conn.timeoutMs,
    secret: conn.apiKey,
    now: clock.now(),
  });
  const host = redactSecret(conn.baseUrl, conn.apiKey);
  if (e instanceof SyntaxError) {
    return new JarvisError('invalid-response', `${label} sent a model list that is not valid JSON (${host}). The cached list is kept.`, base.details);
  }
  if (base.code === 'model-not-found') {
    return new JarvisError('invalid-response', `${host} has no model list (404): check that the ${label} base URL is right.`, base.details);
  }
  if (e instanceof TypeError && !(e instanceof sdk.APIError) && base.code === 'provider-unreachable') {
    return new JarvisError('provider-unreachable', `The connection to ${label} was lost while its model list was read. Try again.`, base.details);
  }
  return base;
}
