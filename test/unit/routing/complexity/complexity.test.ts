import * as assert from 'node:assert/strict';
import { isJarvisError } from '../../../../src/common/errors';
import { analyzeComplexity, type ComplexityInput } from '../../../../src/core/routing/complexity/analyzeComplexity';
import { TaskComplexity, parseComplexity } from '../../../../src/core/routing/complexity/TaskComplexity';

const { TRIVIAL, LOW, MEDIUM, HIGH, CRITICAL } = TaskComplexity;
const lines = (n: number) => Array.from({ length: n }, (_, i) => `const v${i} = ${i};`).join('\n');

describe('analyzeComplexity', () => {
  const table: Array<[string, ComplexityInput, TaskComplexity]> = [
    ['definition', { prompt: 'What is a closure in JavaScript?' }, TRIVIAL],
    ['define', { prompt: 'Define idempotent.' }, TRIVIAL],
    ['explain', { prompt: 'Explain how promises are scheduled on the microtask queue.' }, LOW],
    ['what is, about attached code', { prompt: 'What does this function do?', attachedCode: lines(10) }, LOW],
    ['no recognisable ask', { prompt: 'hello there, jarvis' }, LOW],
    ['write', { prompt: 'Write a function that reverses a linked list.' }, MEDIUM],
    ['fix', { prompt: 'Fix the off-by-one error in this loop.', attachedCode: lines(20) }, MEDIUM],
    ['refactor', { prompt: 'Refactor this class to use composition.', attachedCode: lines(60) }, MEDIUM],
    ['refactor, big code', { prompt: 'Refactor this module.', attachedCode: lines(400) }, HIGH],
    ['fix across many files', { prompt: 'Fix the failing build.', fileCount: 4 }, HIGH],
    ['design', { prompt: 'Design a plugin system for our editor.' }, HIGH],
    ['optimise the system', { prompt: 'Optimise the whole system for throughput.' }, HIGH],
    ['write + one risk', { prompt: 'Write a login handler with OAuth.' }, HIGH],
    ['design + risk', { prompt: 'Design the architecture of a distributed job queue.' }, CRITICAL],
    ['fix + three risks', { prompt: 'Fix the race condition in the payment service before the production migration.' }, CRITICAL],
    ['what is + risk stays low', { prompt: 'What is a race condition?' }, LOW],
  ];
  for (const [name, input, level] of table) {
    it(`${name}: ${JSON.stringify(input.prompt)} → ${TaskComplexity[level]}`, () => {
      const a = analyzeComplexity(input);
      assert.equal(a.level, level, a.reasons.join(' | '));
      assert.ok(a.confidence > 0 && a.confidence <= 1);
      assert.ok(a.reasons.length > 0);
    });
  }

  it('is deterministic', () => {
    const input = { prompt: 'Implement a secure token refresh flow', attachedCode: lines(200), fileCount: 3 };
    assert.deepEqual(analyzeComplexity(input), analyzeComplexity(input));
  });

  it('names the signals that moved the level', () => {
    const a = analyzeComplexity({ prompt: 'Refactor the auth middleware', attachedCode: lines(900), fileCount: 12, languageIds: ['ts', 'py', 'go'] });
    assert.equal(a.level, CRITICAL);
    assert.ok(a.reasons.some((r) => r === 'write/fix/refactor ask → medium'));
    assert.ok(a.reasons.some((r) => r === '900 lines of code'));
    assert.ok(a.reasons.some((r) => r === '12 files'));
    assert.ok(a.reasons.some((r) => r === 'risk: auth'));
  });

  it('counts code pasted in ``` fences like attached code', () => {
    const prompt = `Refactor this:\n\`\`\`ts\n${lines(200)}\n\`\`\``;
    assert.equal(analyzeComplexity({ prompt }).level, HIGH);
  });

  it('is less confident when asks conflict or are absent', () => {
    const clear = analyzeComplexity({ prompt: 'Write a parser for INI files.' }).confidence;
    const mixed = analyzeComplexity({ prompt: 'Explain and then implement a parser for INI files.' }).confidence;
    const none = analyzeComplexity({ prompt: 'INI files, again, sigh' }).confidence;
    assert.ok(clear > mixed && mixed > none, `${clear} > ${mixed} > ${none}`);
  });

  it('lets a per-request override win with reason "override"', () => {
    const a = analyzeComplexity({ prompt: 'What is 2+2?' }, CRITICAL);
    assert.deepEqual(a, { level: CRITICAL, confidence: 1, reasons: ['override'] });
    assert.equal(analyzeComplexity({ prompt: 'Design a distributed system' }, 'trivial').level, TRIVIAL);
  });

  it('refuses bad input with clear errors', () => {
    const bad = (input: unknown, msg: RegExp, override?: unknown) =>
      assert.throws(
        () => analyzeComplexity(input as ComplexityInput, override as never),
        (e) => isJarvisError(e, 'invalid-input') && msg.test(e.message),
      );
    bad(null, /needs \{ prompt: string \}/);
    bad({ prompt: 42 }, /needs \{ prompt: string \}/);
    bad({ prompt: 'x', fileCount: -1 }, /fileCount must be a whole number ≥ 0 \(got -1\)/);
    bad({ prompt: 'x', attachedCode: 5 }, /attachedCode must be a string/);
    bad({ prompt: 'x', languageIds: 'ts' }, /languageIds must be an array of strings/);
    bad({ prompt: 'x' }, /Complexity must be one of trivial, low, medium, high, critical \(or 1–5\); got 7/, 7);
    bad({ prompt: 'x' }, /got "extreme"/, 'extreme');
  });

  it('parses levels as users write them', () => {
    assert.equal(parseComplexity(' High '), HIGH);
    assert.equal(parseComplexity(2), LOW);
  });
});
