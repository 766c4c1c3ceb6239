import * as assert from 'node:assert/strict';
import type { JarvisErrorCode } from '../../../src/common/errors';
import { ALL_ERROR_CATEGORIES, DEFAULT_CATEGORY_POLICIES } from '../../../src/core/resilience/ErrorCategory';
import { CODE_FOR_OUTCOME, FAILURE_TABLE, retries } from '../../../src/core/resilience/failureTable';

const codes = (pick: (r: (typeof FAILURE_TABLE)[JarvisErrorCode]) => boolean) =>
  (Object.keys(FAILURE_TABLE) as JarvisErrorCode[]).filter((c) => pick(FAILURE_TABLE[c])).sort();

describe('the failure table', () => {
  it('moves on to the next model for failures that say nothing about the request', () => {
    assert.deepEqual(
      codes((r) => r.nextModel),
      ['auth-failed', 'circuit-open', 'model-not-found', 'provider-error', 'provider-unreachable', 'rate-limited', 'timeout'],
    );
  });

  it("degrades to a cached answer when no model could answer, but not for the user's own refusals", () => {
    assert.deepEqual(
      codes((r) => r.degrade),
      ['circuit-open', 'invalid-response', 'model-not-found', 'no-model-available', 'provider-error', 'provider-unreachable', 'rate-limited', 'timeout'],
    );
  });

  it('retries network failures and limits; not keys, bad input, policy, cancellation or an open circuit', () => {
    for (const c of ['provider-unreachable', 'timeout', 'rate-limited', 'provider-error'] as const) assert.equal(retries(c), true, c);
    // An open circuit fails fast (the retry layer never waited on it; now the table says so).
    for (const c of ['cancelled', 'auth-failed', 'invalid-input', 'model-not-found', 'budget-exceeded', 'provider-disabled', 'circuit-open'] as const)
      assert.equal(retries(c), false, c);
  });

  it('never says retry where the category policy forbids it (the row cannot promise what the policy refuses)', () => {
    for (const [code, rule] of Object.entries(FAILURE_TABLE)) {
      if (rule.retry && rule.category !== 'cancelled') assert.equal(DEFAULT_CATEGORY_POLICIES[rule.category].retry, true, code);
    }
  });

  it('names one code for every category a foreign error can have (derived from the same table)', () => {
    assert.deepEqual(CODE_FOR_OUTCOME, {
      cancelled: 'cancelled',
      network: 'provider-unreachable',
      api_limit: 'rate-limited',
      authentication: 'auth-failed',
      validation: 'invalid-input',
      resource: 'provider-error',
      transient: 'provider-error',
      fatal: 'provider-error',
    });
    for (const category of ALL_ERROR_CATEGORIES) assert.ok(CODE_FOR_OUTCOME[category], category);
  });

  it('each wrapping code belongs to a category it wraps or a sibling one (no category is wrapped twice)', () => {
    const wrapped = Object.values(FAILURE_TABLE).flatMap((r) => r.wraps ?? []);
    assert.equal(new Set(wrapped).size, wrapped.length);
  });
});
