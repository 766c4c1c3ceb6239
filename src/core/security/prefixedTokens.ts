import { namesPublicOrId } from './credentialName';
import { lineAround } from './lineAround';
import { notASecret } from './notASecret';
import { tokenShaped } from './tokenShape';

// A vendor-looking prefix (one or two short segments) before a random tail of letters and digits.
const PREFIXED = /(?<![A-Za-z0-9_+/=.-])([A-Za-z][a-z]{1,9}[_-](?:[a-z]{2,10}[_-])?)([A-Za-z0-9]{8,200}(?:[_-][A-Za-z0-9]{4,200}){0,3})(?![A-Za-z0-9_+/=.-])/g;
// Prefixes of identifiers, not secrets: payment and API object ids (`cus_`, `evt_`, `org-`, `proj_`,
// `req_`), digests (`sha256-`), and generic words.
const ID_PREFIXES = new Set([
  'org',
  'proj',
  'cus',
  'sub',
  'evt',
  'req',
  'ch',
  'pi',
  'pm',
  'py',
  'po',
  'in',
  'ii',
  'il',
  'prod',
  'price',
  'plan',
  'txn',
  'tx',
  'ord',
  'order',
  'inv',
  'acct',
  'ba',
  'card',
  'src',
  'tok',
  'seti',
  'si',
  'cs',
  'file',
  'asst',
  'thread',
  'run',
  'msg',
  'call',
  'step',
  'batch',
  'ft',
  'ftjob',
  'chatcmpl',
  'cmpl',
  'resp',
  'user',
  'usr',
  'team',
  'ws',
  'id',
  'uid',
  'ref',
  'trace',
  'span',
  'build',
  'job',
  'pr',
  'commit',
  'sha',
  'md',
  'v',
  'rel',
  'release',
  'pod',
  'node',
  'vol',
  'vpc',
  'subnet',
  'sg',
  'ami',
  'snap',
  'eni',
  'i',
  'arn',
  'test',
  'tests',
  'spec',
  'fixture',
  'mock',
  'session',
  'sess',
  'cache',
  'tmp',
  'temp',
  'img',
  'image',
  'asset',
  'chunk',
  'bundle',
  'main',
  'vendor',
  'app',
  'web',
  'api',
  'worker',
  'data',
  'blob',
  'obj',
  'cert',
  'crt',
  'sig',
  'nonce',
  'salt',
  'hash',
  'uuid',
  'guid',
  'ulid',
  'ksuid',
  'device',
  'dev',
  'loc',
  'item',
  'art',
]);
// Client-side keys by their own prefix (Statsig `client-`, LaunchDarkly `mob-`): public by design.
const PUBLIC_PREFIXES = new Set(['client', 'pub', 'public', 'publishable', 'site', 'anon', 'mob', 'browser', 'frontend']);
// A name on the line before a prefixed value that says it is an identifier (`"id": "…"`, `customer=…`).
const ID_NAME_BEFORE = /(?:\bid|_id|Id|ID|uid|guid|customer|organization|org|project|account|request|trace|span|event|object|ref)["']?\s*[:=]\s*["'`]?$/;

/**
 * Tokens with a vendor-looking prefix the hand-written rules do not know (`abc_`, `live_sk_`,
 * `Mid-server-`) before a random tail: the generic detector's finding without any name. Not object
 * ids' prefixes (`cus_`, `evt_`, `org-`), not client-side keys, not published or placeholder values.
 */
export function prefixedTokens(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(PREFIXED)) {
    const first = m[1].split(/[_-]/)[0].toLowerCase();
    if (ID_PREFIXES.has(first) || PUBLIC_PREFIXES.has(first) || notASecret(m[0]) !== undefined) continue;
    const tail = m[2];
    // `<name>-<sha1>` / `<name>-<sha256>`: cache keys, image tags, build ids carry a digest, not a key.
    if (/^[0-9a-f]+$/i.test(tail) && (tail.length === 40 || tail.length === 64)) continue;
    // The random part: the longest segment of the tail.
    const longest = tail.split(/[_-]/).reduce((a, b) => (b.length > a.length ? b : a), '');
    if (longest.length < 16 || !tokenShaped(tail.length >= 20 ? tail : longest, 'prefix', lineAround(text, m.index))) continue;
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    if (ID_NAME_BEFORE.test(before)) continue;
    const bound = /([\w.-]{1,40})["']?[ \t]*[:=][ \t]*["'`]?$/.exec(before);
    if (bound && namesPublicOrId(bound[1])) continue;
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}
