import * as assert from 'node:assert/strict';
import { isJarvisError, type JarvisError, type JarvisErrorCode } from '../../../src/common/errors';

/** Awaits `work`, asserts it fails with a JarvisError of `code`, and returns that error for more checks. */
export async function assertJarvisError(work: Promise<unknown> | (() => Promise<unknown>), code: JarvisErrorCode): Promise<JarvisError> {
  let caught: unknown;
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (e) {
    caught = e;
  }
  assert.ok(caught !== undefined, `expected a JarvisError "${code}", but nothing was thrown`);
  assert.ok(isJarvisError(caught), `expected a JarvisError, got ${String(caught)}`);
  assert.equal(caught.code, code, `expected code "${code}", got "${caught.code}": ${caught.message}`);
  return caught;
}
