import * as assert from 'node:assert/strict';
import { wordAlternation } from '../../../src/core/security/wordAlternation';

describe('wordAlternation: a prefix-factored alternation matches exactly the words given', () => {
  it('factors shared prefixes, keeps words that are prefixes of others, and matches nothing else', () => {
    const words = ['okta', 'okt', 'mollie', 'mailgun', 'mailchimp', 'fcm', 'fastly', 'auth0'];
    const source = wordAlternation(words);
    assert.ok(source.startsWith('a') && source.includes('ma(?:il(?:chimp|gun)|'), source);
    const exact = new RegExp(`^(?:${source})$`);
    for (const w of words) assert.ok(exact.test(w), w);
    for (const w of ['ok', 'oktaa', 'mail', 'mollies', 'fc', 'fastl', 'auth', '']) assert.equal(exact.test(w), false, w);
  });
});
