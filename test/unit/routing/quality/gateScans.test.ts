/**
 * The quality gate's scans (#17 speed work, third pass) answer as the plain forms they replaced: the
 * topic rule's word questions without a list of words, word counts without split arrays, the junk
 * share's native pre-check, and the elision passes skipped for code without "..." or "…".
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hasSpaces } from '../../../../src/core/routing/quality/rules/naturalLanguageRule';
import { WORD, hasWordEqual, hasWordStarting, hasWords } from '../../../../src/core/routing/quality/rules/wordRuns';
import { keyTerms } from '../../../../src/core/routing/quality/rules/keyTerms';
import { splitAnswer } from '../../../../src/core/routing/quality/splitAnswer';
import { hasEllipsis } from '../../../../src/core/routing/quality/validateQuality';
import { SIGNS_WITH_NEEDS } from '../../../../src/core/routing/quality/detectCodeLanguage';

// Training texts only (the held-out split is never read outside the bench).
const TRAIN = fs
  .readFileSync(path.resolve(__dirname, '../../../../../data/quality/train.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as { question: string; answer: string });

function generator(seed: number, pieces: readonly string[]): (maxPieces: number) => string {
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return (maxPieces) => {
    let s = '';
    for (let i = Math.floor(next() * maxPieces); i > 0; i--) s += pieces[Math.floor(next() * pieces.length)];
    return s;
  };
}

describe('quality gate scans', () => {
  it('finds a word starting with a prefix, a word equal to a term and n words as the list of words does', () => {
    // Letters, digits and the extra word characters, separators, a combining mark, a surrogate pair
    // (a letter), its halves alone (no letter), a title-case letter and a dotted capital I.
    const pieces = [
      'a',
      'b',
      'ab',
      'abc',
      'x',
      ' ',
      '.',
      '-',
      '_',
      '$',
      '#',
      '+',
      'é',
      'ß',
      '9',
      '\n',
      '𝐀',
      '\ud835',
      '\udc00',
      '中',
      '٣',
      "'",
      'İ',
      'ǅ',
      '\u0301',
      'AB',
    ];
    const gen = generator(5, pieces);
    let positives = 0;
    for (let k = 0; k < 30000; k++) {
      const text = gen(30);
      const prefix = gen(4);
      const n = k % 8;
      const words: string[] = text.match(WORD) ?? [];
      const starting = prefix === '' ? words.length > 0 : words.some((w) => w.startsWith(prefix));
      if (starting) positives++;
      const at = JSON.stringify([text, prefix]);
      assert.equal(hasWordStarting(text, prefix), starting, at);
      assert.equal(hasWordEqual(text, prefix), prefix !== '' && words.includes(prefix), at);
      assert.equal(hasWords(text, n), words.length >= n, at);
    }
    assert.ok(positives > 3000, `the generated cases hold matches too (${positives})`);
    // Real answers against every training question's terms, as the topic rule asks.
    const terms = [...new Set(TRAIN.slice(0, 60).flatMap((r) => keyTerms(r.question)))];
    for (const r of TRAIN) {
      const text = r.answer.slice(0, 20000).toLowerCase();
      const words: string[] = text.match(WORD) ?? [];
      for (const t of terms) {
        assert.equal(
          hasWordStarting(text, t.slice(0, 5)),
          words.some((w) => w.startsWith(t.slice(0, 5))),
          t,
        );
        // The rule asks this for terms longer than four letters only.
        if (t.length > 4)
          assert.equal(
            hasWordEqual(text, t.slice(0, 4)),
            words.some((w) => w.length === 4 && t.startsWith(w)),
            t,
          );
      }
      assert.equal(hasWords(text, 25), words.length >= 25);
    }
  });

  it('counts spaces as the split it replaced', () => {
    const gen = generator(9, [' ', 'a', 'bc', '  ', '\u00a0', '\n']);
    for (let k = 0; k < 5000; k++) {
      const s = gen(20);
      for (const n of [0, 1, 3, 9]) assert.equal(hasSpaces(s, n), s.split(' ').length > n, JSON.stringify([s, n]));
    }
  });

  it('gives the junk share of the character loop, and 0 without a single junk character', () => {
    const byLoop = (text: string) => {
      const sample = text.slice(0, 8192);
      let junk = 0;
      for (let i = 0; i < sample.length; i++) {
        const c = sample.charCodeAt(i);
        if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) junk++;
      }
      return sample.length === 0 ? 0 : junk / sample.length;
    };
    const chars = Array.from({ length: 0xa2 }, (_, c) => String.fromCharCode(c)).concat(['\ufffd', '\ufffe', 'é', '𝐀']);
    for (const c of chars) assert.equal(splitAnswer(`ok ${c} ok`).junkShare, byLoop(`ok ${c} ok`), `U+${c.charCodeAt(0).toString(16)}`);
    const gen = generator(3, ['a', '\u0000', '\t', '\r', '\u007f', '\u009f', '\u00a0', '\ufffd', ' ']);
    for (let k = 0; k < 3000; k++) {
      const s = gen(40);
      assert.equal(splitAnswer(s).junkShare, byLoop(s), JSON.stringify(s));
    }
    for (const r of TRAIN) assert.equal(splitAnswer(r.answer).junkShare, byLoop(r.answer.slice(0, 64 * 1024)));
  });

  it('leaves code without an ellipsis as the elision patterns would', () => {
    const patterns = (code: string) =>
      code
        .replace(/^\s*(?:\/\/\s*|#\s*)?(?:\.\.\.|…)\s*$/gm, '')
        .replace(/\{\s*(?:\.\.\.|…)\s*\}/g, '{}')
        .replace(/^\s*(?:\/\/\s*)?(?:\.\.\.|…)\s*$/gm, '');
    const gen = generator(13, ['.', '..', '…', '{', '}', ' ', '\n', '//', '#', 'x']);
    let elided = 0;
    for (let k = 0; k < 5000; k++) {
      const code = gen(16);
      if (!hasEllipsis(code)) assert.equal(patterns(code), code, JSON.stringify(code));
      else if (patterns(code) !== code) elided++;
    }
    assert.ok(elided > 100, `elisions are still found where there are some (${elided})`);
  });

  it("skips a language sign only when the block lacks every string the sign's matches contain", () => {
    // Training blocks, plus text built from the signs' own strings and the characters around them.
    const blocks = TRAIN.flatMap((r) => splitAnswer(r.answer).blocks.map((b) => b.code));
    const strings = [...new Set(SIGNS_WITH_NEEDS.flatMap(([, needs]) => needs))];
    const gen = generator(17, [...strings, ' ', '\n', '  ', 'x', 'ab', '(', ')', ':', '{', '=', '<T>', 'int', '"', '.', 'er', 'ni']);
    for (let k = 0; k < 4000; k++) blocks.push(gen(12));
    let matched = 0;
    for (const [re, needs] of SIGNS_WITH_NEEDS) {
      for (const code of blocks) {
        if (!re.test(code)) continue;
        matched++;
        assert.ok(
          needs.some((n) => code.includes(n)),
          `${re} matched ${JSON.stringify(code.slice(0, 80))} without ${needs.join(' | ')}`,
        );
      }
    }
    assert.ok(SIGNS_WITH_NEEDS.length >= 30 && matched > 2000, `signs checked: ${SIGNS_WITH_NEEDS.length}, matches: ${matched}`);
  });
});
