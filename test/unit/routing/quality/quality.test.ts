import * as assert from 'node:assert/strict';
import { isJarvisError } from '../../../../src/common/errors';
import { validateQuality } from '../../../../src/core/routing/quality/validateQuality';

const fence = '```';
const GOOD = `Use \`Array.prototype.reverse\` on a copy:\n\n${fence}js\nfunction reversed(xs) {\n  return [...xs].reverse();\n}\n${fence}\n\nThis leaves the input untouched.`;

describe('validateQuality', () => {
  it('gives a clean, complete answer full marks', () => {
    assert.deepEqual(validateQuality(GOOD, { finishReason: 'stop', expectedCriteria: ['reverse'] }), { score: 1, reasons: [] });
  });

  const bad: Array<[string, string, Parameters<typeof validateQuality>[1], RegExp, number]> = [
    ['empty', '   \n ', {}, /^empty answer$/, 0],
    ['refusal', "I can't help with that request.", {}, /^refusal$/, 0.3],
    ['"As an AI" refusal', 'As an AI language model, I do not have access to your files.', {}, /^refusal$/, 0.3],
    [
      'token limit',
      'Here is the full implementation of the parser, which handles sections and keys.',
      { finishReason: 'length' },
      /^truncated: hit the token limit$/,
      0.5,
    ],
    [
      'ends mid-sentence',
      'The function first normalises the input and then, for every key that it finds in the map,',
      {},
      /^truncated: ends mid-sentence$/,
      0.65,
    ],
    ['ends mid-code', `Here you go:\n${fence}js\nfunction f() {\n  return 1;`, {}, /^unbalanced ``` fences: ends mid-code$/, 0.55],
    [
      'JavaScript that does not parse',
      `Try this:\n${fence}javascript\nfunction f( {\n  return 1;\n}\n${fence}\nDone.`,
      {},
      /^javascript block 1 does not parse: Unexpected /,
      0.6,
    ],
    ['JSON that does not parse', `Config:\n${fence}json\n{ "a": 1, }\n${fence}\nDone.`, {}, /^json block 1 does not parse: /, 0.6],
    [
      'missing expected criteria',
      'Here is a sorting function using bubble sort.',
      { expectedCriteria: ['quicksort', 'pivot'] },
      /^missing expected: quicksort, pivot$/,
      0.5,
    ],
  ];
  for (const [name, answer, expect, reason, score] of bad) {
    it(`flags ${name}`, () => {
      const q = validateQuality(answer, expect);
      assert.ok(
        q.reasons.some((r) => reason.test(r)),
        q.reasons.join(' | '),
      );
      assert.ok(Math.abs(q.score - score) < 1e-9, `score ${q.score}, expected ${score}`);
      assert.ok(q.score < 0.7, 'every kind of bad answer falls below the default escalation threshold');
    });
  }

  it('scores partially missing criteria in proportion', () => {
    assert.equal(validateQuality('Uses a pivot.', { expectedCriteria: ['quicksort', 'pivot'] }).score, 0.75);
  });

  it('accepts code it cannot or need not parse, elisions, and scripts', () => {
    const ts = `${fence}ts\nconst x: number = ;\n${fence}\nThat is it.`;
    const elided = `${fence}js\nclass A {\n  run() { ... }\n  ...\n}\n${fence}\nFill in the rest.`;
    const sloppy = `${fence}js\nwith (obj) { a = 010; }\n${fence}\nLegacy code.`;
    const jsonOk = `${fence}json\n{"a": [1, 2]}\n${fence}\nDone.`;
    for (const a of [ts, elided, sloppy, jsonOk]) assert.deepEqual(validateQuality(a), { score: 1, reasons: [] }, a);
  });

  it('does not call lists, headings or short sign-offs truncated', () => {
    for (const a of ['Steps:\n- install\n- run the tests', '## Summary', 'Hope this helps', 'Done\n\n---']) {
      assert.deepEqual(validateQuality(a).reasons, [], a);
    }
  });

  it('refuses bad arguments clearly', () => {
    assert.throws(
      () => validateQuality(42 as never),
      (e) => isJarvisError(e, 'invalid-input') && /needs the answer as a string/.test(e.message),
    );
    assert.throws(() => validateQuality('x', { expectedCriteria: [''] }), /expectedCriteria must be an array of non-empty strings/);
  });
});
