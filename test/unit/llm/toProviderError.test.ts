import * as assert from 'node:assert/strict';
import * as OpenAISdk from 'openai';
import * as AnthropicSdk from '@anthropic-ai/sdk';
import { JarvisError } from '../../../src/common/errors';
import { DEFAULT_CLOUD_TIMEOUT_MS, validateCloudConnection } from '../../../src/core/llm/CloudConnection';
import { parseRetryAfter, redactSecret, type ProviderErrorContext, toProviderError } from '../../../src/core/llm/toProviderError';
import { everythingVisible } from '../../fakes/providerAssertions';

const SECRET = 'sk-secret-abcdefghijklmnop';

function ctx(sdk: typeof OpenAISdk | typeof AnthropicSdk, over: Partial<ProviderErrorContext> = {}): ProviderErrorContext {
  return {
    provider: 'openai',
    label: 'OpenAI',
    keyCommand: 'Jarvis: Set OpenAI API Key',
    sdk: {
      APIError: sdk.APIError,
      APIUserAbortError: sdk.APIUserAbortError,
      APIConnectionError: sdk.APIConnectionError,
      APIConnectionTimeoutError: sdk.APIConnectionTimeoutError,
    },
    baseUrl: 'http://127.0.0.1:1/v1',
    model: 'm',
    timeoutMs: 30_000,
    secret: SECRET,
    now: 0,
    ...over,
  };
}

describe('parseRetryAfter', () => {
  const h = (init: Record<string, string>) => new Headers(init);
  it('reads retry-after-ms first, then retry-after seconds (fractions allowed)', () => {
    assert.equal(parseRetryAfter(h({ 'retry-after-ms': '250', 'retry-after': '9' }), 0), 250);
    assert.equal(parseRetryAfter(h({ 'retry-after': '2.5' }), 0), 2500);
  });
  it('reads an HTTP date relative to now, never below zero', () => {
    const now = Date.parse('2025-06-01T12:00:00Z');
    assert.equal(parseRetryAfter(h({ 'retry-after': 'Sun, 01 Jun 2025 12:00:10 GMT' }), now), 10_000);
    assert.equal(parseRetryAfter(h({ 'retry-after': 'Sun, 01 Jun 2025 11:00:00 GMT' }), now), 0);
  });
  it('ignores absent, negative and unparseable values', () => {
    assert.equal(parseRetryAfter(h({}), 0), undefined);
    assert.equal(parseRetryAfter(h({ 'retry-after': '-3' }), 0), undefined);
    assert.equal(parseRetryAfter(h({ 'retry-after': 'soon' }), 0), undefined);
    assert.equal(parseRetryAfter(h({ 'retry-after-ms': 'x', 'retry-after': '1' }), 0), 1000);
  });
});

describe('redactSecret', () => {
  it('replaces every occurrence', () => {
    assert.equal(redactSecret(`a ${SECRET} b ${SECRET}`, SECRET), 'a [redacted] b [redacted]');
  });
  it('leaves text alone without a secret, or with one too short to be a key', () => {
    assert.equal(redactSecret('abc', undefined), 'abc');
    assert.equal(redactSecret('a b a', 'a'), 'a b a');
  });
});

describe('toProviderError', () => {
  for (const [name, sdk] of [
    ['openai', OpenAISdk],
    ['@anthropic-ai/sdk', AnthropicSdk],
  ] as const) {
    describe(name, () => {
      it('user abort → cancelled', () => {
        assert.equal(toProviderError(new sdk.APIUserAbortError(), ctx(sdk)).code, 'cancelled');
      });
      it('connection timeout → timeout, with the limit in the message', () => {
        const e = toProviderError(new sdk.APIConnectionTimeoutError(), ctx(sdk));
        assert.equal(e.code, 'timeout');
        assert.match(e.message, /within 30 s/);
      });
      it('connection error → provider-unreachable with the underlying cause', () => {
        const cause = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:1') });
        const e = toProviderError(new sdk.APIConnectionError({ cause }), ctx(sdk));
        assert.equal(e.code, 'provider-unreachable');
        assert.match(e.message, /ECONNREFUSED/);
      });
      it('an unknown status → provider-error with the status', () => {
        const e = toProviderError(sdk.APIError.generate(418, { error: { message: 'teapot' } }, undefined, new Headers()), ctx(sdk));
        assert.equal(e.code, 'provider-error');
        assert.equal(e.details.status, 418);
      });
      it('403 → auth-failed', () => {
        const e = toProviderError(sdk.APIError.generate(403, { error: { message: 'no access' } }, undefined, new Headers()), ctx(sdk));
        assert.equal(e.code, 'auth-failed');
      });
    });
  }

  it('passes JarvisErrors through unchanged', () => {
    const original = new JarvisError('budget-exceeded', 'over budget');
    assert.equal(toProviderError(original, ctx(OpenAISdk)), original);
  });

  it('a DOM AbortError → cancelled', () => {
    assert.equal(toProviderError(new DOMException('aborted', 'AbortError'), ctx(OpenAISdk)).code, 'cancelled');
  });

  it('scrubs the key from messages, host and cause of anything else', () => {
    const e = toProviderError(new Error(`boom with ${SECRET}`), ctx(OpenAISdk, { baseUrl: `http://h/?key=${SECRET}` }));
    assert.equal(e.code, 'provider-error');
    assert.ok(!everythingVisible(e).includes(SECRET));
    assert.match(e.message, /\[redacted\]/);
  });
});

describe('validateCloudConnection', () => {
  it('trims the key, strips trailing slashes and applies the default timeout', () => {
    const v = validateCloudConnection({ baseUrl: 'http://x/v1//', apiKey: ' k ', maxRetries: 0 }, 'OpenAI', 'cmd');
    assert.deepEqual(v, { baseUrl: 'http://x/v1', apiKey: 'k', maxRetries: 0, timeoutMs: DEFAULT_CLOUD_TIMEOUT_MS });
  });
  it('checks the key before anything else, so an unconfigured provider says so', () => {
    assert.throws(
      () => validateCloudConnection({ baseUrl: 'bad', apiKey: undefined, maxRetries: -1 }, 'OpenAI', 'Jarvis: Set OpenAI API Key'),
      (e: JarvisError) => e.code === 'auth-failed' && /Jarvis: Set OpenAI API Key/.test(e.message),
    );
  });
});
