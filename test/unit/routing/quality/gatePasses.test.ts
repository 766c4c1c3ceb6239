/**
 * The quality gate's fourth speed pass (#17) answers as the forms it replaced: the repetition rule's
 * word n-grams counted where the words lie, and the invented-API checks that skip a pattern's pass when
 * the code lacks the literal every match of it holds (they still find what those passes find).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { INCLUDES, SIGNS, detectCodeLanguage, type DetectedLanguage } from '../../../../src/core/routing/quality/detectCodeLanguage';
import { KnownApis } from '../../../../src/core/routing/quality/KnownApis';
import { cliInventedCommand, goInventedApi, rustInventedApi } from '../../../../src/core/routing/quality/apis/otherApis';
import { javascriptInventedApi } from '../../../../src/core/routing/quality/apis/javascriptApis';
import { pythonInventedApi } from '../../../../src/core/routing/quality/apis/pythonApis';
import { PROSE_WORD, repeatedShare, repeatedWordShare } from '../../../../src/core/routing/quality/rules/repeatedWords';
import { splitAnswer } from '../../../../src/core/routing/quality/splitAnswer';

// Training texts only (the held-out split is never read outside the bench).
const TRAIN = fs
  .readFileSync(path.resolve(__dirname, '../../../../../data/quality/train.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as { question: string; answer: string });

/** detectCodeLanguage as first written: every sign tried, an object of scores, a stable sort. */
function plainDetect(code: string): DetectedLanguage | undefined {
  const text = code.length > 4096 ? code.slice(0, 4096) : code;
  if (text.trim().length < 8) return undefined;
  const scores: Record<string, number> = {};
  for (const [lang, signs] of Object.entries(SIGNS)) {
    let s = 0;
    for (const [re, w] of signs) if (re.test(text)) s += w;
    scores[lang] = s;
  }
  for (const [sup, sub] of Object.entries(INCLUDES)) if (scores[sup] > 0) scores[sup] += scores[sub] ?? 0;
  const ranked = Object.entries(scores).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] < 3) return undefined;
  const runnerUp = second && INCLUDES[best[0]] !== second[0] ? second[1] : (ranked[2]?.[1] ?? 0);
  if (best[1] < runnerUp * 1.5) return undefined;
  return { language: best[0], score: best[1] };
}

const plainShare = (text: string, n: number, min: number) => repeatedShare(text.match(PROSE_WORD) ?? [], n, min);

describe('quality gate passes', () => {
  it('counts repeated word n-grams as the list of words did, on every training answer and generated text', () => {
    for (const r of TRAIN) {
      const prose = splitAnswer(r.answer).prose.toLowerCase();
      assert.equal(repeatedWordShare(prose, 4, 30), plainShare(prose, 4, 30), r.answer.slice(0, 80));
    }
    // Word characters of several kinds (apostrophes, ’, _, digits, a combining mark, a surrogate-pair
    // letter and digit), separators, lone surrogates (no letter) and an astral non-letter (emoji).
    const pieces = [
      'the ',
      'cache ',
      'is ',
      'warm ',
      'a',
      'b',
      ' ',
      '. ',
      '\n',
      "it's ",
      'don’t ',
      '_x ',
      '42 ',
      'é',
      'e\u0301',
      '𝐀',
      '𝟙',
      '😀',
      '\ud835',
      '\udc00',
      'İ',
      '-',
      '中文 ',
    ];
    let seed = 5;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let k = 0; k < 4000; k++) {
      let s = '';
      for (let i = Math.floor(next() * 160); i > 0; i--) s += pieces[Math.floor(next() * pieces.length)];
      for (const [n, min] of [
        [4, 30],
        [2, 3],
        [4, 0],
      ])
        assert.equal(repeatedWordShare(s, n, min), plainShare(s, n, min), JSON.stringify([s, n, min]));
    }
  });

  it('finds the loop a repeating answer makes, and past 2^53 distinct n-grams counts them as joined text', () => {
    const loop = 'the cache is warm and the cache is warm and the cache is warm again';
    assert.equal(repeatedWordShare(loop, 4, 10), 6 / 12, 'six of its twelve 4-grams came before');
    assert.equal(repeatedWordShare('too short', 4, 10), 0, 'too short to judge');
    const many = Array.from({ length: 20000 }, (_, i) => `w${i}`);
    const text = [...many, ...many.slice(0, 40)].join(' ');
    assert.equal(repeatedWordShare(text, 4, 30), 37 / (20040 - 3));
  });

  it('detects the language of code as the plain scoring did, on every training block and generated splices', () => {
    const blocks = TRAIN.flatMap((r) => splitAnswer(r.answer).blocks.map((b) => b.code));
    let seed = 9;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = () => blocks[Math.floor(next() * blocks.length)];
    // Ends of one block joined to the start of another: mixed evidence, ties and near-ties.
    for (let k = 0; k < 6000; k++) {
      const [a, b] = [pick(), pick()];
      blocks.push(`${a.slice(0, Math.floor(next() * a.length))}\n${b.slice(Math.floor(next() * b.length))}`);
    }
    const languages = new Set<string>();
    for (const code of blocks) {
      const expected = plainDetect(code);
      assert.deepEqual(detectCodeLanguage(code), expected, code.slice(0, 80));
      if (expected) languages.add(expected.language);
    }
    assert.ok(languages.size >= 12, `many languages come out (${[...languages].join(', ')})`);
  });

  it('still finds inventions in code that lacks the literals of the passes it skips', async () => {
    const known = await KnownApis.load();
    // A tool line after lines without any tool; a prompt and a separator before the tool.
    assert.equal(cliInventedCommand('echo start\nls -la\n$ cd app && git unpush origin', known, true)?.name, 'git unpush');
    assert.equal(cliInventedCommand('echo start\nls -la\ngit status', known, true), undefined);
    // No import: the string-method and list-literal checks still run; with `".` only.
    assert.equal(pythonInventedApi('name = "a,b"\nprint(", ".joinwith(name))', known)?.name, 'str.joinwith');
    assert.equal(pythonInventedApi('items = [3, 1]\nitems.flatten()', known)?.name, 'list.flatten');
    assert.equal(pythonInventedApi('import os\nos.path.joinpath("a")', known)?.name, 'os.path.joinpath');
    // No require( or import: globals and literal-typed variables are still checked.
    assert.equal(javascriptInventedApi('const xs = [1, 2];\nxs.last();', known)?.name, 'Array.prototype.last');
    assert.equal(javascriptInventedApi('await Promise.allIgnoringErrors([a, b]);', known)?.name, 'Promise.allIgnoringErrors');
    assert.equal(javascriptInventedApi("const fs = require('fs');\nfs.readFileAsync('x');", known)?.name, 'fs.readFileAsync');
    // Go without an import: a method call on a slice.
    assert.equal(goInventedApi('names := []string{"a"}\nif names.Contains("a") {}', known)?.name, 'names.Contains');
    assert.equal(goInventedApi('import "strings"\nfunc f() { strings.Reverse("a") }', known)?.name, 'strings.Reverse');
    // Rust without `use`, `::`, `mod` or `fn`: a method no std type has.
    assert.equal(rustInventedApi('let n = "5".to_int();', known)?.name, 'to_int');
    assert.equal(rustInventedApi('fn to_int(s: &str) -> i32 { 0 }\nlet n = s.to_int();', known), undefined, 'the code defines it');
    assert.equal(rustInventedApi('use serde::Deserialize;\nlet n = x.to_int();', known), undefined, 'another crate could add it');
  });
});
