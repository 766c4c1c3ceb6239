import { isJarvisError } from '../../common/errors';

/**
 * How long the server asked us to wait, in ms, or undefined when it did not say.
 * Reads JarvisError `details.retryAfterMs`, else the `retry-after-ms` (OpenAI/Anthropic) and
 * `retry-after` (RFC 9110: delta-seconds or an HTTP-date) headers of an SDK error.
 * `nowMs` is the wall clock, needed only for the HTTP-date form.
 */
export function retryAfterMs(error: unknown, nowMs: number): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  if (isJarvisError(error)) {
    const ms = error.details.retryAfterMs;
    if (typeof ms === 'number' && Number.isFinite(ms) && ms >= 0) return ms;
  }
  const headers = (error as { headers?: unknown }).headers;
  const header = (name: string) => readHeader(headers, name);

  const msValue = header('retry-after-ms');
  if (msValue !== undefined) {
    const ms = Number(msValue);
    if (Number.isFinite(ms) && ms >= 0) return ms;
  }
  const value = header('retry-after');
  if (value === undefined) return undefined;
  return parseRetryAfterHeader(value, nowMs);
}

/** Parses a Retry-After header value; undefined when it is neither seconds nor a date. */
export function parseRetryAfterHeader(value: string, nowMs: number): number | undefined {
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

function readHeader(headers: unknown, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  const get = (headers as { get?: unknown }).get;
  if (typeof get === 'function') {
    const v: unknown = get.call(headers, name);
    return typeof v === 'string' ? v : undefined;
  }
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() === name) return Array.isArray(v) ? String(v[0]) : typeof v === 'string' ? v : undefined;
  }
  return undefined;
}
