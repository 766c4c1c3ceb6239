import * as assert from 'node:assert/strict';
import { genericCredentials } from '../../../src/core/security/genericCredentials';
import { PrivacyGuard } from '../../../src/core/security/PrivacyGuard';

/** A family's example: its name, the text, the secret the generic detector must find in it, and how it finds it. */
export type FamilyCase = [family: string, text: string, secret: string, via: string];

/** What the generic detector finds in the text: each span's value and how it was found. */
export const genericSpans = (text: string): Array<{ value: string; via: string }> =>
  genericCredentials(text).map((s) => ({ value: text.slice(s.start, s.end), via: s.via }));

/**
 * One test per case: the generic detector finds the secret the way the case says, the guard keeps the prompt
 * local, and redaction removes the secret.
 */
export function itFindsAndRedacts(cases: readonly FamilyCase[], guard = new PrivacyGuard()): void {
  for (const [family, text, secret, via] of cases) {
    it(`finds and redacts: ${family}`, () => {
      assert.ok(
        genericSpans(text).some((s) => s.value === secret && s.via === via),
        `${family}: ${JSON.stringify(genericSpans(text))}`,
      );
      assert.ok(guard.scan({ prompt: text }).localOnly, family);
      assert.ok(!guard.redact(text).includes(secret), guard.redact(text));
    });
  }
}
