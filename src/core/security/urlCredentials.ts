import { lineAround } from './lineAround';
import { tokenShaped } from './tokenShape';

/**
 * Credentials a URL carries where no parameter names them (#13, session 18; the generic detector's URL family):
 *
 * - userinfo of several colon-separated fields (`scheme://client::refresh-token@host`, `id:secret:token@host`):
 *   the last field is the secret (a plain `user:password@` is the guard's URL-password rule);
 * - a random path segment right after an API version (`/api/v1/<token>/telemetry`, `/v2/<key>/send`): REST puts
 *   a resource's name there, so a random value in that place is the caller's credential, as a path.
 * - session 18, round 2: a random segment (or a UUID) in the path of a webhook or integration endpoint
 *   (`/integrations/generic/20131114/alert/<key>/<routing-key>`, `/api/webhooks/<id>/<token>`): such URLs are
 *   their own credential, whoever holds one can post to it.
 * - session 19: a stream key as the last path segment of an RTMP ingest URL (`rtmp://…/live2/<key>`: whoever has
 *   it broadcasts on the channel), and the password an OBS WebSocket URL carries as its path (`obsws://host:4455/<pw>`).
 * - session 21: a key as a path segment of an API call (`/api/exportvessel/v:5/<40 hex>/timespan:20`), hex or random,
 *   unless a segment before it says the value is a digest or an object's name (`/commits/`, `/blobs/`, `/objects/`).
 */
export interface UrlCredentialSpan {
  start: number;
  end: number;
}

const MULTI_FIELD_USERINFO = /:\/\/[^\s/@:"'`]{0,100}(?::[^\s/@:"'`]{0,256}){2,4}@[A-Za-z0-9]/g;
const VERSION_SEGMENT = /\/v\d{1,2}\/([A-Za-z0-9_-]{16,128})\/[A-Za-z]/g;

const HOOK_PATH = /\/(?:integrations?|webhooks?|hooks)\/([^\s"'`<>?#]{1,300})/g;
const UUID = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const STREAM_KEY = /\brtmps?:\/\/[^\s/"'`]{1,253}(?:\/[^\s/"'`?]{1,64}){1,3}\/([A-Za-z0-9_.-]{12,128})(?=[\s"'`?]|$)/g;
const API_PATH_KEY = /\/api\/((?:[^\s/"'`<>?#]{1,64}\/){1,4})([0-9a-fA-F]{32,64}|[A-Za-z0-9_]{24,128})(?=[/?#\s"'`<>)]|$)/g;
const DIGEST_SEGMENT =
  /commit|blob|tree|sha|ref|revision|object|digest|hash|file|download|archive|raw|ipfs|release|attestation|manifest|package|artifact|build|cache/i;
const CODE_HOST = /github|gitlab|bitbucket|gitea|codeberg|docker|npmjs|pypi|crates|rubygems|nuget|maven|sourcehut/i;
const SOCKET_PASSWORD = /\bobsws:\/\/[^\s/"'`]{1,253}\/([^\s/"'`]{6,128})/g;

/** Spans of credentials carried by URLs in `text`. */
export function urlCredentials(text: string): UrlCredentialSpan[] {
  if (!text.includes('://')) return [];
  const out: UrlCredentialSpan[] = [];
  for (const m of text.matchAll(MULTI_FIELD_USERINFO)) {
    const userinfo = m[0].slice(3, -2);
    const last = userinfo.slice(userinfo.lastIndexOf(':') + 1);
    const start = m.index + 3 + userinfo.length - last.length;
    if (tokenShaped(last, 'strong', lineAround(text, m.index))) out.push({ start, end: start + last.length });
  }
  for (const m of text.matchAll(VERSION_SEGMENT)) {
    // Only inside a URL: the run of non-space characters before it has a scheme.
    const run = /[^\s"'`<>()]*$/.exec(text.slice(Math.max(0, m.index - 200), m.index))?.[0] ?? '';
    if (!run.includes('://')) continue;
    const start = m.index + m[0].indexOf(m[1]);
    if (tokenShaped(m[1], 'weak', lineAround(text, m.index))) out.push({ start, end: start + m[1].length });
  }
  for (const m of text.matchAll(HOOK_PATH)) {
    const run = /[^\s"'`<>()]*$/.exec(text.slice(Math.max(0, m.index - 200), m.index))?.[0] ?? '';
    if (!run.includes('://')) continue;
    let at = m.index + m[0].length - m[1].length;
    for (const seg of m[1].split('/')) {
      if (/^[A-Za-z0-9_-]{16,128}$/.test(seg) && !/^\d+$/.test(seg) && (UUID.test(seg) || tokenShaped(seg, 'weak', lineAround(text, m.index))))
        out.push({ start: at, end: at + seg.length });
      at += seg.length + 1;
    }
  }
  for (const m of text.includes('rtmp') ? text.matchAll(STREAM_KEY) : []) {
    // A key is random, or the dashed groups a platform prints (`abcd-efgh-ijkl-mnop-qrst`); a stream's name is a word.
    if (tokenShaped(m[1], 'strong') || /^(?:[a-z0-9]{4}-){3,5}[a-z0-9]{4}$/.test(m[1])) push(m, m[1]);
  }
  for (const m of text.includes('/api/') ? text.matchAll(API_PATH_KEY) : []) {
    const run = /[^\s"'`<>()]*$/.exec(text.slice(Math.max(0, m.index - 200), m.index))?.[0] ?? '';
    if (!run.includes('://') || CODE_HOST.test(run) || DIGEST_SEGMENT.test(m[1])) continue;
    const v = m[2];
    if (/^[0-9a-f]+$/i.test(v) ? new Set(v.toLowerCase()).size >= 10 : tokenShaped(v, 'weak', lineAround(text, m.index))) {
      const start = m.index + m[0].length - v.length;
      out.push({ start, end: start + v.length });
    }
  }
  for (const m of text.includes('obsws://') ? text.matchAll(SOCKET_PASSWORD) : []) if (tokenShaped(m[1], 'strong')) push(m, m[1]);
  return out;

  function push(m: RegExpMatchArray, value: string): void {
    const start = (m.index ?? 0) + m[0].length - value.length;
    out.push({ start, end: start + value.length });
  }
}
