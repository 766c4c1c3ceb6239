import { JarvisError } from '../../common/errors';

/**
 * How a cloud provider reaches its API. Read through a function on every request because the
 * user may change settings or the key between two requests.
 */
export interface CloudConnection {
  /** API base URL: `https://api.openai.com/v1`, `https://api.anthropic.com`, or a compatible server. */
  baseUrl: string;
  /** From SecretStorage in the host; `undefined` when the user has not set one. */
  apiKey: string | undefined;
  /**
   * Retries the SDK itself makes on connection errors, 408, 409, 429 and 5xx. The project keeps ONE
   * retry layer: the host passes 0 when its resilience layer retries.
   */
  maxRetries: number;
  /**
   * Milliseconds to wait for the response headers, and then for each next streamed chunk.
   * @default 120000
   */
  timeoutMs?: number;
  /** Injected for tests and proxies; defaults to the global fetch. */
  fetch?: typeof fetch;
}

export interface ValidCloudConnection {
  baseUrl: string;
  apiKey: string;
  maxRetries: number;
  timeoutMs: number;
  fetch?: typeof fetch;
}

/** Generous because reasoning models can think for a long time before their first token. */
export const DEFAULT_CLOUD_TIMEOUT_MS = 120_000;

/**
 * Checks a connection before any network call, so a bad setting is reported as such rather than
 * as a confusing transport error.
 * @param label provider name as users know it, e.g. `OpenAI`
 * @param keyCommand the command palette entry that sets the key, e.g. `Jarvis: Set OpenAI API Key`
 */
export function validateCloudConnection(connection: CloudConnection, label: string, keyCommand: string): ValidCloudConnection {
  const apiKey = connection.apiKey?.trim();
  if (!apiKey) {
    throw new JarvisError('auth-failed', `No ${label} API key is set. Run "${keyCommand}" from the Command Palette to add one.`);
  }
  let url: URL;
  try {
    url = new URL(connection.baseUrl);
  } catch {
    throw new JarvisError('invalid-input', `The ${label} base URL "${connection.baseUrl}" is not a valid URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new JarvisError('invalid-input', `The ${label} base URL must start with http:// or https:// (got "${url.protocol}").`);
  }
  if (!Number.isInteger(connection.maxRetries) || connection.maxRetries < 0) {
    throw new JarvisError('invalid-input', `maxRetries for ${label} must be a whole number of at least 0 (got ${String(connection.maxRetries)}).`);
  }
  const timeoutMs = connection.timeoutMs ?? DEFAULT_CLOUD_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
    throw new JarvisError('invalid-input', `timeoutMs for ${label} must be a positive whole number of milliseconds (got ${String(timeoutMs)}).`);
  }
  return {
    // The SDKs join paths onto the base URL; a trailing slash would double up.
    baseUrl: connection.baseUrl.trim().replace(/\/+$/, ''),
    apiKey,
    maxRetries: connection.maxRetries,
    timeoutMs,
    ...(connection.fetch ? { fetch: connection.fetch } : {}),
  };
}
