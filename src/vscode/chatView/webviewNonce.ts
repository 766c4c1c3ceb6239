import { randomBytes } from 'node:crypto';

/** A CSP nonce: 192 random bits from the OS CSPRNG (never Math.random), base64url so it fits the CSP grammar. */
export function webviewNonce(): string {
  return randomBytes(24).toString('base64url');
}
