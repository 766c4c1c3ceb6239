/**
 * Values that are public by design only in a given context: the same shape elsewhere is a secret, so
 * `notASecret` (which sees the value alone) cannot decide them. Both detectors' findings pass through
 * `publicInContext` with the text around them (see PrivacyGuard).
 */

// How far around a finding its context is read: a Firebase config object or a cert-manager Challenge
// fits in it, and the rest of a long prompt does not change the answer.
const WINDOW = 600;

const GOOGLE_API_KEY = /^AIza[0-9A-Za-z_-]{35}$/;
// The fields of the web config the Firebase console prints (`const firebaseConfig = { apiKey, authDomain, … }`).
const FIREBASE_API_KEY_FIELD = /\bapiKey["']?\s*[:=]\s*["'`]?$/;
const FIREBASE_CONFIG =
  /\bauthDomain\b[\s\S]*\b(?:projectId|messagingSenderId|appId|storageBucket)\b|\b(?:projectId|messagingSenderId|appId|storageBucket)\b[\s\S]*\bauthDomain\b/;

// An ACME (RFC 8555) challenge token, alone or as a key authorization `token.thumbprint`: 43 base64url
// characters each (256 bits). The token is served over plain HTTP at /.well-known/acme-challenge/.
const ACME_VALUE = /^[A-Za-z0-9_-]{43}(?:\.[A-Za-z0-9_-]{43})?$/;
// Words only ACME talk has ("acme" alone is also every example company's name).
const ACME_CONTEXT =
  /acme-challenge|cert-manager|letsencrypt|\b(?:http|dns|tls-alpn)-01\b|kind:\s*Challenge\b|\bACME (?:challenge|server|account|client|protocol)/i;
// The field the value sits in: a challenge's `token` / `key` / `keyAuthorization`, not `apiToken` (a
// DNS-01 solver's Cloudflare token is a secret even in the same file).
const ACME_FIELD = /(?:^|[\s"'{,])(?:token|key|keyAuthorization)["']?\s*[:=]\s*["']?$/i;

// Session 13: a Google API key in the Maps JavaScript API's loader URL (or an embed URL) is in a page every
// visitor downloads; Google's answer is a key restricted to the site's referrers. Public when the text says
// the key is so restricted; an unrestricted key there can be used for any API on the bill, and a key in a
// server call stays a secret.
const KEY_RESTRICTED = /referr?er|restricted|restriction/i;
const MAPS_BROWSER_URL = /(?:maps\.googleapis\.com\/maps\/api\/js|google\.com\/maps\/embed\/v1\/[a-z]+)\?(?:[^\s"'<>]*&(?:amp;)?)?key=$/;

// Session 13: an AWS access key id is the public half of a pair; audit records (CloudTrail, IAM key
// listings, access-key-last-used) name it to say which key acted. Public there when no secret is near.
const AWS_KEY_ID = /^(?:AKIA|ASIA)[A-Z0-9]{16}$/;
const AWS_AUDIT_CONTEXT =
  /"userIdentity"\s*:|"eventSource"\s*:|"eventName"\s*:|"AccessKeyMetadata"|"AccessKeyLastUsed"|list-access-keys|get-access-key-last-used/;
const AWS_SECRET_NEAR = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])|secret_?access_?key|SecretAccessKey/i;

// Session 13: Algolia search-only keys are meant for browsers (InstantSearch, the lite client); the admin
// key has the same 32-hex shape. Public only when the code around searches and writes nothing.
const ALGOLIA_VALUE = /^[a-f0-9]{32}$/;
const ALGOLIA_SEARCH_ONLY = /instantsearch|searchClient|search[- ]only|searchOnly|algoliasearch\/lite|liteClient/i;
const ALGOLIA_WRITES =
  /\b(?:saveObjects?|partialUpdateObjects?|deleteObjects?|clearObjects|deleteIndex|setSettings|addObjects?|replaceAllObjects|saveRules|saveSynonyms|copyIndex|moveIndex|deleteBy)\b|admin/i;

// Session 13: a value held in a name that says it is the public half (`DISCORD_PUBLIC_KEY`, `publicKey:`,
// `verify_key`), as hex or base64 of a key (an Ed25519 public key is 64 hex): public by its role.
const PUBLIC_KEY_NAME = /(?:public|verify|verifying)[_-]?key\w*["']?\s*(?::=|=>|[:=])\s*["'`]?$/i;
const KEY_ENCODING = /^(?:[0-9a-fA-F]{32,128}|[A-Za-z0-9+/_-]{32,90}={0,2})$/;

// Session 13: browser SDKs' keys are in every page the app serves; their vendors document them as
// public (Bugsnag's notifier key, Mixpanel's project token, Datadog RUM's client token, Amplitude,
// Segment's write key, PostHog). Public when the code around imports the browser SDK and the value is
// the key field of its init call; a server SDK's key in the same shape stays a secret.
const BROWSER_SDK =
  /@bugsnag\/(?:js|browser)|bugsnag-js|@datadog\/browser-(?:rum|logs)|mixpanel-browser|@amplitude\/analytics-browser|amplitude-js|@segment\/analytics-next|posthog-js|logrocket|@fullstory\/browser/;
const BROWSER_SDK_KEY_FIELD = /\b(?:apiKey|clientToken|token|writeKey|projectToken|key)["']?\s*:\s*["'`]$/;

// Session 14: a DNS TXT record is published to the world (site-verification tokens, SPF, DKIM public keys).
const DNS_TXT_LINE = /\b(?:IN\s+)?TXT\s+(?:\(\s*)?"/;

// Session 16: the Android and iOS Firebase configs (`google-services.json`, `GoogleService-Info.plist`) ship
// in every copy of the app, like the web config; their `current_key` / `API_KEY` is the same kind of
// identifier. Recognised by the fields only those files have.
const FIREBASE_APP_CONFIG = /"mobilesdk_app_id"\s*:|"client_info"\s*:[\s\S]*"current_key"|<key>GOOGLE_APP_ID<\/key>/;

// Session 16: web analytics beacons (Cloudflare Web Analytics' `data-cf-beacon='{"token": …}'`, Plausible,
// Fathom, Umami) put their site token in the script tag of every page they count.
const ANALYTICS_BEACON_TAG = /<script\b[^<>]*(?:data-cf-beacon|cloudflareinsights\.com|plausible\.io|usefathom\.com|umami|simpleanalytics|goatcounter)[^<>]*$/i;

// Session 16: a UUID under a name that ends in `Id` / `_id` / `Guid` (`<UserSecretsId>`, `"tenant_id":`,
// `ProjectGuid=`) identifies something (the user-secrets store, a tenant); it opens nothing. Vault AppRole's
// `secret_id` is the exception: the name says the id is the secret (a `SecretsId` names a store of them).
const SECRET_ID_NAME = /secret[_-]?id["']?(?:>|\s*(?::=|=>|[:=])\s*["'`]?)$/i;
const UUID_VALUE = /^\{?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}\}?$/i;
const ID_NAME_BEFORE = /(?:[a-z0-9](?:Id|ID|Guid|GUID|Uuid|UUID)|[_.-](?:id|guid|uuid))["']?(?:>|\s*(?::=|=>|[:=])\s*["'`]?)$/;

// Session 18: a field named for a password's hash or ciphertext (RabbitMQ's `password_hash`, Firefox's
// `encryptedPassword`, `hashed_secret`): the value is what the server or the browser stores, which logs nobody
// in without the plaintext (or the profile's key). `hash_salt` ends in a salt, which signs, so it is not here.
const HASHED_FIELD =
  /(?:(?:encrypted|hashed|ciphered|wrapped)[_-]?[A-Za-z]*|[A-Za-z]*(?:pass(?:word)?|secret|token|key)[_-]?(?:hash|Hash|digest|Digest))["']?\s*(?::=|=>|[:=])\s*["'`]?$/i;
// Session 18: published test vectors (NIST SP 800-38A, FIPS-197, RFC appendices, BIP-39's Trezor vectors) are
// the same in every copy of every library's tests: the comment or line before says which one. A hex key or a
// word mnemonic only; anything else near such a comment is judged as usual.
const TEST_VECTOR_CONTEXT =
  /(?:test|reference|known[- ]answer)[ -]vectors?\b|\bKAT\b|known[- ]answer|\bNIST\s+SP\s*800-|\bFIPS[ -]?\d{3}\b|\bRFC\s?\d{3,4}\b[^\n]{0,40}\b(?:appendix|example|test)/i;
const TEST_VECTOR_VALUE = /^(?:(?:0x)?(?:[0-9a-fA-F]{2}){16,64}|(?:[a-z]{3,8} ){11,23}[a-z]{3,8})$/;

// Session 18, round 2: lockfiles and manifests list digests under a section header that says so (CocoaPods'
// `SPEC CHECKSUMS:`, `checksums:`, `[metadata.hashes]`): an indented hex value under such a header is a digest.
const DIGEST_VALUE = /^(?:[0-9a-fA-F]{32}|[0-9a-fA-F]{40}|[0-9a-fA-F]{56}|[0-9a-fA-F]{64}|[0-9a-fA-F]{96}|[0-9a-fA-F]{128})$/;
const DIGEST_HEADER = /(?:check[ _-]?sums?|hashes|digests?|integrity|sha\d{0,3}sums?)\]?[ \t]*:?[ \t]*$/i;
// Session 18, round 2: a key-derivation document (restic's key files, keystores): `kdf` and its parameters beside
// a `salt` and the wrapped key (`data`, `ciphertext`), which opens nothing without the password it was derived from.
const KDF_DOCUMENT = /["']?kdf(?:params)?["']?\s*[:=]/i;
const KDF_FIELD = /["']?(?:salt|data|ciphertext|iv|nonce|mac)["']?\s*[:=]\s*["'`]?$/i;
// Session 18, round 2: an app's string resource (Android `res/values`) named for the public client half
// (`facebook_client_token`, `app_site_key`): the SDK documents it as shipped inside every copy of the app.
const PUBLIC_STRING_RESOURCE = /<string\s+name=["'][\w.]*?(?:^|[_.])?(?:client|site|app|publishable|public|anon)[_.]?(?:token|key)["'][^<>]*>$/i;

export type PublicInContext =
  | 'dns-txt-record'
  | 'firebase-web-config'
  | 'acme-challenge'
  | 'maps-browser-key'
  | 'aws-key-id-in-audit-record'
  | 'algolia-search-key'
  | 'named-public-key'
  | 'browser-sdk-key'
  | 'firebase-app-config'
  | 'analytics-beacon'
  | 'uuid-identifier'
  | 'hashed-or-encrypted-field'
  | 'published-test-vector'
  | 'listed-digest'
  | 'kdf-wrapped-key'
  | 'public-string-resource';

/** Why the finding `text.slice(start, end)` is public where it stands, or undefined. */
export function publicInContext(text: string, start: number, end: number): PublicInContext | undefined {
  const value = text.slice(start, end);
  const around = text.slice(Math.max(0, start - WINDOW), Math.min(text.length, end + WINDOW));
  // Firebase documents the web config's apiKey as an identifier safe to ship (access is governed by
  // security rules); a Google API key in a server call (YouTube, Maps web service) stays a secret.
  const before = text.slice(text.lastIndexOf('\n', start - 1) + 1, start);
  if (DNS_TXT_LINE.test(before)) return 'dns-txt-record';
  if (HASHED_FIELD.test(before)) return 'hashed-or-encrypted-field';
  if (DIGEST_VALUE.test(value) && /^[ \t]/.test(before) && DIGEST_HEADER.test(sectionHeader(text, start))) return 'listed-digest';
  if (KDF_FIELD.test(before) && KDF_DOCUMENT.test(around)) return 'kdf-wrapped-key';
  if (PUBLIC_STRING_RESOURCE.test(before)) return 'public-string-resource';
  if (TEST_VECTOR_VALUE.test(value) && TEST_VECTOR_CONTEXT.test(linesBefore(text, start, 3))) return 'published-test-vector';
  if (GOOGLE_API_KEY.test(value) && FIREBASE_API_KEY_FIELD.test(before) && FIREBASE_CONFIG.test(around)) return 'firebase-web-config';
  if (GOOGLE_API_KEY.test(value) && FIREBASE_APP_CONFIG.test(around)) return 'firebase-app-config';
  if (ANALYTICS_BEACON_TAG.test(text.slice(Math.max(0, start - WINDOW), start))) return 'analytics-beacon';
  if (UUID_VALUE.test(value) && ID_NAME_BEFORE.test(before) && !SECRET_ID_NAME.test(before)) return 'uuid-identifier';
  if (ACME_VALUE.test(value) && ACME_FIELD.test(before) && ACME_CONTEXT.test(around)) return 'acme-challenge';
  if (GOOGLE_API_KEY.test(value) && MAPS_BROWSER_URL.test(before) && KEY_RESTRICTED.test(around)) return 'maps-browser-key';
  if (ALGOLIA_VALUE.test(value) && /algolia/i.test(around) && ALGOLIA_SEARCH_ONLY.test(around) && !ALGOLIA_WRITES.test(around)) return 'algolia-search-key';
  if (KEY_ENCODING.test(value) && PUBLIC_KEY_NAME.test(before)) return 'named-public-key';
  if (BROWSER_SDK_KEY_FIELD.test(before) && BROWSER_SDK.test(text.slice(Math.max(0, start - 4 * WINDOW), start))) return 'browser-sdk-key';
  if (AWS_KEY_ID.test(value) && AWS_AUDIT_CONTEXT.test(around)) {
    // The secret may be anywhere in the text: a pasted credentials file after the event.
    const rest = text.slice(0, start) + text.slice(end);
    if (!AWS_SECRET_NEAR.test(rest)) return 'aws-key-id-in-audit-record';
  }
  return undefined;
}

/** The line of `at` up to it and the `n` lines above it. */
function linesBefore(text: string, at: number, n: number): string {
  let from = at;
  for (let i = 0; i <= n; i++) {
    const nl = text.lastIndexOf('\n', from - 1);
    if (nl === -1) return text.slice(0, at);
    from = nl;
  }
  return text.slice(from + 1, at);
}

/** The nearest line above `at` that starts at column 0 (a section's header), within 100 lines. */
function sectionHeader(text: string, at: number): string {
  let end = text.lastIndexOf('\n', at - 1);
  for (let i = 0; i < 100 && end > 0; i++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    if (line.trim() !== '' && !/^[ \t]/.test(line)) return line;
    end = start - 1;
  }
  return '';
}
