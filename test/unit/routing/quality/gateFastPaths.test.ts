/**
 * The quality gate's fast paths (#17 speed work) give the same answers as the plain forms they
 * replaced: eld fed only the part of a text it reads, readableText's scans, numbered n-grams, the
 * topic rule's per-term stem test, the CLI pre-filter, and the syntax checker's "available" query.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EldLanguageIdentifier, eldInput, loadEldDatabase } from '../../../../src/core/routing/quality/EldLanguageIdentifier';
import { EldScorer } from '../../../../src/core/routing/quality/EldScorer';
import { KnownApis } from '../../../../src/core/routing/quality/KnownApis';
import { QualityGate } from '../../../../src/core/routing/quality/QualityGate';
import { TreeSitterSyntax } from '../../../../src/core/routing/quality/TreeSitterSyntax';
import { cliInventedCommand } from '../../../../src/core/routing/quality/apis/otherApis';
import { readableText } from '../../../../src/core/routing/quality/rules/readableText';
import { repeatedShare } from '../../../../src/core/routing/quality/rules/repeatedWords';
import { topicRule } from '../../../../src/core/routing/quality/rules/topicRule';
import { splitAnswer } from '../../../../src/core/routing/quality/splitAnswer';

const F = '```';
// Training texts only (the held-out split is never read outside the bench).
const TRAIN = fs
  .readFileSync(path.resolve(__dirname, '../../../../../data/quality/train.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as { question: string; answer: string });

/** The regex chain readableText was written as. */
const readableByRegex = (t: string) =>
  t
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[\w./\\-]*[/\\][\w./\\-]*/g, ' ')
    .replace(/\b\w+\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('quality gate fast paths', () => {
  it('eld gives the same language, reliability and scores on the part of a text it reads as on the whole', async () => {
    const { eld } = await import('eld/small');
    const id = await EldLanguageIdentifier.load();
    const greek = 'Η ΑΠΑΝΤΗΣΗ ΕΙΝΑΙ ΣΩΣΤΗ ΟΤΑΝ Ο ΚΩΔΙΚΑΣ ΤΡΕΧΕΙ ΧΩΡΙΣ ΣΦΑΛΜΑΤΑ ΣΤΟΝ ΔΙΑΚΟΜΙΣΤΗ. '.repeat(12);
    const texts = [
      ...TRAIN.flatMap((r) => [r.question, readableText(splitAnswer(r.answer).prose.slice(0, 1500))]),
      greek,
      `${'word '.repeat(90)}${greek}`,
      `${'ab12 '.repeat(300)}fin`,
      'x'.repeat(3000),
    ];
    let shortened = 0;
    for (const t of texts) {
      const input = eldInput(t);
      if (input.length < Math.min(t.length, 1000)) shortened++;
      const whole = eld.detect(t.slice(0, 2000));
      const part = eld.detect(input);
      assert.equal(part.language, whole.language, t.slice(0, 80));
      assert.equal(part.isReliable(), whole.isReliable(), t.slice(0, 80));
      assert.deepEqual(part.getScores(), whole.getScores(), t.slice(0, 80));
      assert.deepEqual(id.identify(t), { language: whole.language || undefined, reliable: whole.isReliable() });
    }
    assert.ok(shortened >= 10, `long answers are cut (${shortened} were)`);
  });

  it("EldScorer gives eld's language and reliability on every training text and on generated ones", async () => {
    const module = await import('eld/small');
    const db = await loadEldDatabase({});
    assert.ok(db, "eld's database is found beside its entry files");
    const scorer = EldScorer.from(db);
    assert.ok(scorer, 'the database has the shape the scorer reads');
    assert.equal((await EldLanguageIdentifier.load()).fast, true, 'the identifier uses the scorer');
    const viaEld = (t: string) => {
      const r = module.eld.detect(t);
      return { language: r.language || undefined, reliable: r.isReliable() };
    };
    // Letters of several scripts, separators eld keeps (apostrophes) or drops, surrogate pairs, a lone
    // surrogate, a dotted capital I (two units once lower-cased) and words past eld's 70-byte cut.
    const pieces = [
      'the ',
      'and ',
      'über ',
      'où ',
      'está ',
      'это ',
      'что ',
      '日本語',
      '中文 ',
      'العربية ',
      'ελληνικά ',
      'हिन्दी ',
      'ไทย ',
      'don’t ',
      "it's ",
      '`x` ',
      '12 ',
      ', ',
      '. ',
      '\n',
      '😀',
      '\ud83d',
      'İ',
      'x'.repeat(75),
      'é'.repeat(40),
      'a',
      'ab ',
      'abc ',
      'abcd ',
      'abcde ',
    ];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const generated: string[] = [];
    for (let k = 0; k < 3000; k++) {
      let s = '';
      for (let i = Math.floor(next() * 120); i > 0; i--) s += pieces[Math.floor(next() * pieces.length)];
      generated.push(s);
    }
    const texts = [...TRAIN.flatMap((r) => [r.question, r.answer, readableText(splitAnswer(r.answer).prose)]), ...generated, '', '   ', '123 456', 'aa bb'];
    const languages = new Set<string>();
    for (const t of texts) {
      const expected = viaEld(t);
      assert.deepEqual(scorer.detect(t), expected, JSON.stringify(t.slice(0, 120)));
      if (expected.language) languages.add(expected.language);
    }
    assert.ok(languages.size >= 8, `several languages come out (${[...languages].join(', ')})`);
  });

  it('readableText drops inline code, URLs, paths and calls exactly as the regex chain did', () => {
    assert.equal(readableText('Run `npm test` from src/app, see https://x.io/a then call f(1, 2) now'), 'Run from , see then call now');
    assert.equal(readableText('  C:\\Users\\me  and\u00a0\u2028 ./a.b-c\tdone  '), 'C: and done', 'a path is dropped from its first path character');
    const pieces = ['a', 'B', '9', '_', '.', '/', '\\', '-', ' ', '\n', '\t', '`', '(', ')', 'http://', 'é', '\u00a0', '\u3000', '\u200b', '\u0085'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let k = 0; k < 5000; k++) {
      let s = '';
      for (let i = Math.floor(next() * 24); i > 0; i--) s += pieces[Math.floor(next() * pieces.length)];
      assert.equal(readableText(s), readableByRegex(s), JSON.stringify(s));
    }
    for (const r of TRAIN) assert.equal(readableText(r.answer), readableByRegex(r.answer));
  });

  it('counts repeated n-grams the same with numbered n-grams and, past 2^53, with joined text', () => {
    const loop = 'the cache is warm and the cache is warm and the cache is warm again'.split(' ');
    assert.equal(repeatedShare(loop, 4, 10), 6 / 12, 'six of its twelve 4-grams came before');
    assert.equal(repeatedShare(loop.slice(0, 9), 4, 10), 0, 'too short to judge');
    // 20,000 distinct words: 20000^4 > 2^53, so the text form counts; the loop at the end repeats.
    const many = Array.from({ length: 20000 }, (_, i) => `w${i}`);
    const tokens = [...many, ...many.slice(0, 40)];
    assert.equal(repeatedShare(tokens, 4, 30), 37 / (tokens.length - 3));
  });

  it('the topic rule matches terms by their first five letters and four-letter words, as the stem sets did', () => {
    const answer = (text: string) => splitAnswer(`${text} ${'Some filler words about nothing in particular here. '.repeat(5)}`);
    const question = 'How does merging branches work when joindre tables?';
    // "merging" is matched by "merged" (first five letters), "joindre" by "join", "branches" by "branch".
    assert.equal(topicRule.check({ question, answer: answer('They merged a branch and used join.') }, {}), undefined);
    const off = topicRule.check({ question, answer: answer('Bananas are yellow fruit grown in warm places.') }, {});
    assert.equal(off?.rule, 'topic');
  });

  it('finds invented CLI subcommands after separators and prompts, and skips code with no tool in it', async () => {
    const known = await KnownApis.load();
    assert.equal(cliInventedCommand('cd app && git unpush origin', known, true)?.name, 'git unpush');
    assert.equal(cliInventedCommand('$ npm publish-all', known, true)?.name, 'npm publish-all');
    assert.equal(cliInventedCommand('ls|docker purge', known, true)?.name, 'docker purge');
    assert.equal(cliInventedCommand('const legit = "digit status";\nlet cargo = 1;', known, true), undefined);
    assert.equal(cliInventedCommand('git status && git push', known, true), undefined);
  });

  it('reports a language without a loaded grammar as a skipped check without parsing anything', async () => {
    const syntax = new TreeSitterSyntax();
    assert.equal(syntax.available('python'), false, 'nothing loaded yet');
    await syntax.warm(['python']);
    assert.equal(syntax.available('python'), true);
    assert.equal(syntax.available('go'), false, 'loaded per language');
    assert.equal(syntax.available('kotlin'), false, 'loaded on first use');
    // Every language Jarvis names has a grammar now: one without is simulated.
    const noKotlin = Object.assign(Object.create(syntax) as TreeSitterSyntax, { supports: (l: string) => l !== 'kotlin' && syntax.supports(l) });
    const v = await new QualityGate({ syntax: noKotlin }).assess({
      question: 'Show me both',
      answer: `${F}python\nprint(1)\n${F}\n\n${F}kotlin\nfun main() = println(1)\n${F}`,
    });
    assert.deepEqual(v.skipped, ['natural-language check unavailable', 'no kotlin parser (judged on the other rules)']);
  });
});
