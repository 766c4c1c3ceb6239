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

/** Why the finding `text.slice(start, end)` is public where it stands, or undefined. */
export function publicInContext(text: string, start: number, end: number): 'firebase-web-config' | 'acme-challenge' | undefined {
  const value = text.slice(start, end);
  const around = text.slice(Math.max(0, start - WINDOW), Math.min(text.length, end + WINDOW));
  // Firebase documents the web config's apiKey as an identifier safe to ship (access is governed by
  // security rules); a Google API key in a server call (YouTube, Maps web service) stays a secret.
  const before = text.slice(text.lastIndexOf('\n', start - 1) + 1, start);
  if (GOOGLE_API_KEY.test(value) && FIREBASE_API_KEY_FIELD.test(before) && FIREBASE_CONFIG.test(around)) return 'firebase-web-config';
  if (ACME_VALUE.test(value) && ACME_FIELD.test(before) && ACME_CONTEXT.test(around)) return 'acme-challenge';
  return undefined;
}
