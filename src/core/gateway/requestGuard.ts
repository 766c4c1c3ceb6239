import type { IncomingHttpHeaders } from 'node:http';
import { GatewayError } from './GatewayError';

/** The names a loopback server is reached by; anything else in `Host` came through DNS rebinding. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * Refuses what a web page could send to a loopback server: a `Host` other than a loopback name with
 * this port (a DNS-rebinding page reaches 127.0.0.1 under its own host name) and any `Origin` (only
 * browsers send it; scripts, CLIs and SDKs do not). There is no CORS: no page may read an answer.
 * @throws GatewayError 421 or 403
 */
export function checkRequestOrigin(headers: IncomingHttpHeaders, port: number): void {
  const host = (headers.host ?? '').toLowerCase();
  if (!LOOPBACK_NAMES.some((name) => host === `${name}:${port}`)) {
    throw new GatewayError(
      421,
      'invalid_request_error',
      'foreign_host',
      `Host "${headers.host ?? ''}" is not this gateway: use http://127.0.0.1:${port} (or localhost / [::1] with port ${port}).`,
    );
  }
  if (headers.origin !== undefined) {
    throw new GatewayError(
      403,
      'permission_error',
      'browser_origin',
      `Requests from web pages (Origin ${headers.origin}) are refused: the gateway serves local tools, not browsers.`,
    );
  }
}

/** The presented key: `Authorization: Bearer <key>` (OpenAI clients) or the seed's `X-API-Key`. */
export function presentedKey(headers: IncomingHttpHeaders): string | undefined {
  const auth = headers.authorization;
  if (typeof auth === 'string') {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (m) return m[1];
  }
  const x = headers['x-api-key'];
  return typeof x === 'string' && x.trim() !== '' ? x.trim() : undefined;
}
