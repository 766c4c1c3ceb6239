import { isAbortError } from '../../common/abort';
import { JarvisError, isJarvisError } from '../../common/errors';
import type { ProviderId } from './types';

/**
 * The error classes of a Stainless-generated SDK (openai, @anthropic-ai/sdk). Both SDKs share this
 * shape, so one mapping serves both; each provider passes its own SDK's classes so `instanceof`
 * checks the classes that SDK really throws.
 */
export interface SdkErrorClasses {
  APIError: abstract new (...args: never[]) => SdkApiError;
  APIUserAbortError: abstract new (...args: never[]) => SdkApiError;
  APIConnectionError: abstract new (...args: never[]) => SdkApiError;
  APIConnectionTimeoutError: abstract new (...args: never[]) => SdkApiError;
}

interface SdkApiError extends Error {
  readonly status: number | undefined;
  readonly headers: Headers | undefined;
  /** Parsed error body: OpenAI keeps `body.error` here, Anthropic the whole body. */
  readonly error: unknown;
}

export interface ProviderErrorContext {
  provider: ProviderId;
  /** As users know it: `OpenAI`, `Anthropic`. */
  label: string;
  /** Command palette entry that sets the key. */
  keyCommand: string;
  sdk: SdkErrorClasses;
  baseUrl: string;
  model?: string;
  timeoutMs: number;
  /** The API key, so that it is scrubbed from anything we surface. */
  secret?: string;
  /** Epoch ms, for Retry-After given as an HTTP date. */
  now: number;
}

/** Translates anything an SDK call threw into a JarvisError a user can act on. Never leaks the key. */
export function toProviderError(e: unknown, ctx: ProviderErrorContext): JarvisError {
  if (isJarvisError(e)) return e;
  const { label } = ctx;
  const scrub = (text: string) => redactSecret(text, ctx.secret);
  const details = {
    provider: ctx.provider,
    host: scrub(ctx.baseUrl),
    ...(ctx.model === undefined ? {} : { model: ctx.model }),
    cause: sanitizedCause(e, ctx.secret),
  };
  const { sdk } = ctx;

  if (e instanceof sdk.APIUserAbortError || (isAbortError(e) && !(e instanceof sdk.APIError))) {
    return new JarvisError('cancelled', 'The request was cancelled.', details);
  }
  if (e instanceof sdk.APIConnectionTimeoutError) {
    return new JarvisError(
      'timeout',
      `${label} did not answer within ${formatSeconds(ctx.timeoutMs)} (${details.host}). Try again, or raise the timeout.`,
      details,
    );
  }
  if (e instanceof sdk.APIConnectionError) {
    return new JarvisError(
      'provider-unreachable',
      `Cannot reach ${label} at ${details.host}: ${scrub(describeCause(e))}. Check your network, proxy and the ${label} base URL setting.`,
      details,
    );
  }
  if (e instanceof sdk.APIError) {
    return fromApiError(e, ctx, details, scrub);
  }
  if (e instanceof SyntaxError) {
    return new JarvisError('invalid-response', `${label} sent a malformed streaming chunk; the answer was cut short.`, details);
  }
  if (e instanceof TypeError) {
    // undici reports a socket closed mid-body as `TypeError: terminated`.
    return new JarvisError('provider-unreachable', `The connection to ${label} was lost mid-answer (${scrub(describeCause(e))}). Try again.`, details);
  }
  return new JarvisError('provider-error', `${label} request failed: ${scrub(describeCause(e))}`, details);
}

function fromApiError(
  e: SdkApiError,
  ctx: ProviderErrorContext,
  baseDetails: { provider: ProviderId; host: string; model?: string; cause: Error },
  scrub: (s: string) => string,
): JarvisError {
  const { label } = ctx;
  const status = e.status;
  const details = { ...baseDetails, ...(status === undefined ? {} : { status }) };
  const apiMessage = scrub(bodyField(e.error, 'message') ?? '');
  const type = bodyField(e.error, 'type');
  const code = bodyField(e.error, 'code');
  const said = apiMessage ? `: ${apiMessage}` : '.';

  if (status === undefined) {
    // An `error` event inside a stream that had already started.
    if (type === 'rate_limit_error' || type === 'rate_limit_exceeded' || code === 'rate_limit_exceeded') {
      return new JarvisError('rate-limited', `${label} hit a rate limit mid-answer${said}`, details);
    }
    return new JarvisError('provider-error', `${label} reported an error mid-answer${said}`, details);
  }
  if (status === 401) {
    return new JarvisError('auth-failed', `${label} rejected the API key (401). Run "${ctx.keyCommand}" to enter a valid key.`, details);
  }
  if (status === 403) {
    return new JarvisError(
      'auth-failed',
      `${label} refused access with this API key (403)${said} Check the key's permissions, or run "${ctx.keyCommand}".`,
      details,
    );
  }
  if (status === 404) {
    const model = ctx.model === undefined ? 'the model' : `the model "${ctx.model}"`;
    return new JarvisError(
      'model-not-found',
      `${label} does not know ${model}, or this key cannot use it (404). Pick another model, or check that ${details.host} is a ${label}-compatible base URL.`,
      details,
    );
  }
  if (status === 429) {
    if (code === 'insufficient_quota') {
      // Not transient: retrying cannot help until the user fixes billing.
      return new JarvisError('provider-error', `${label} says the account has no quota left${said} Check your plan and billing.`, details);
    }
    const retryAfterMs = e.headers ? parseRetryAfter(e.headers, ctx.now) : undefined;
    const wait = retryAfterMs === undefined ? '' : ` Retry in ${formatSeconds(retryAfterMs)}.`;
    return new JarvisError(
      'rate-limited',
      `${label} is rate-limiting requests (429).${wait}`,
      retryAfterMs === undefined ? details : { ...details, retryAfterMs },
    );
  }
  if (status === 400 || status === 413 || status === 422) {
    return new JarvisError('invalid-input', `${label} refused the request (${status})${said}`, details);
  }
  if (status === 529 || type === 'overloaded_error') {
    return new JarvisError('provider-error', `${label} is overloaded (${status}). Try again shortly.`, details);
  }
  if (status >= 500) {
    return new JarvisError('provider-error', `${label} had a server error (${status})${said} Try again shortly.`, details);
  }
  return new JarvisError('provider-error', `${label} answered with HTTP ${status}${said}`, details);
}

/**
 * Milliseconds to wait, from `retry-after-ms` (OpenAI's non-standard header), else `retry-after`
 * in seconds or as an HTTP date. Undefined when absent or unparseable.
 */
export function parseRetryAfter(headers: Headers, nowMs: number): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '') {
    const value = Number(ms);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const after = headers.get('retry-after');
  if (after === null || after.trim() === '') return undefined;
  const seconds = Number(after);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(after);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/** Replaces every occurrence of the secret. Short strings are left alone: they cannot be a key. */
export function redactSecret(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 8) return text;
  return text.split(secret).join('[redacted]');
}

/**
 * SDK errors carry the response body, which a misbehaving proxy may use to echo the key. Keep a
 * plain Error with the scrubbed message chain instead of the original object.
 */
function sanitizedCause(e: unknown, secret: string | undefined): Error {
  const name = e instanceof Error ? e.constructor.name || e.name : typeof e;
  const cause = new Error(redactSecret(`${name}: ${describeCause(e)}`, secret));
  cause.name = name;
  return cause;
}

/** The message plus nested causes, e.g. `fetch failed (connect ECONNREFUSED 127.0.0.1:9)`. */
function describeCause(e: unknown): string {
  const parts: string[] = [];
  let current: unknown = e;
  for (let depth = 0; depth < 4 && current !== undefined && current !== null; depth++) {
    const message = current instanceof Error ? current.message : String(current);
    if (message && !parts.includes(message)) parts.push(message);
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.length === 0 ? 'unknown error' : parts[0] + (parts.length > 1 ? ` (${parts.slice(1).join('; ')})` : '');
}

/** Reads `field` from an error body shaped `{ field }` (OpenAI) or `{ error: { field } }` (Anthropic). */
function bodyField(body: unknown, field: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const inner = record.error;
  const nested = typeof inner === 'object' && inner !== null ? (inner as Record<string, unknown>)[field] : undefined;
  if (typeof nested === 'string') return nested;
  const direct = record[field];
  // Anthropic bodies carry `type: "error"` at the top; the useful type is the nested one.
  return typeof direct === 'string' && !(field === 'type' && direct === 'error') ? direct : undefined;
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
