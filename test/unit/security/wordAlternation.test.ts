import * as assert from 'node:assert/strict';
import { wordAlternation } from '../../../src/core/security/wordAlternation';

describe('wordAlternation: a prefix-factored alternation matches exactly the words given', () => {
  it('factors shared prefixes, keeps words that are prefixes of others, and matches nothing else', () => {
    const words = ['okta', 'okt', 'mollie', 'mailgun', 'mailchimp', 'fcm', 'fastly', 'auth0'];
    const source = wordAlternation(words);
    assert.equal(source, 'auth0|f(?:astly|cm)|m(?:ail(?:chimp|gun)|ollie)|okta?');
    const exact = new RegExp(`^(?:${source})$`);
    for (const w of words) assert.ok(exact.test(w), w);
    for (const w of ['ok', 'oktaa', 'mail', 'mollies', 'fc', 'fastl', 'auth', '']) assert.equal(exact.test(w), false, w);
  });
});
