import * as assert from 'node:assert/strict';
import { bracketProblem, checkCodeSyntax, grammarFor, treeSitterProblem } from '../../../src/core/editor/checkCodeSyntax';
import { TreeSitterSyntax } from '../../../src/core/routing/quality/TreeSitterSyntax';
import { extractCode, fencedBlocks, looksLikeCode, matchIndentation, partialCode } from '../../../src/core/editor/extractCode';

describe('editor: code from a model answer', () => {
  it('takes the block in the document language and keeps the prose as the explanation', () => {
    const answer = 'Here you go:\n\n```ts\nconst a = 1;\n```\n\nI renamed the variable.';
    const r = extractCode(answer, 'typescript');
    assert.ok(r.ok);
    assert.equal(r.code, 'const a = 1;');
    assert.equal(r.explanation, 'Here you go:\n\nI renamed the variable.');
    assert.equal(r.candidates, 1);
  });

  it('accepts an untagged block and bare code, but not prose', () => {
    assert.deepEqual(extractCode('```\nx = 1\n```', 'python'), { ok: true, code: 'x = 1', explanation: '', candidates: 1 });
    const bare = extractCode('function f() {\n  return 1;\n}\n', 'javascript');
    assert.ok(bare.ok && bare.code === 'function f() {\n  return 1;\n}');
    const prose = extractCode('Sure! The function already looks good to me, nothing to change.', 'typescript');
    assert.equal(prose.ok, false);
    assert.match(!prose.ok ? prose.reason : '', /prose, not TypeScript code/);
  });

  it('refuses a block in another language, a cut-off block, an empty answer and an empty block', () => {
    const other = extractCode('```bash\nnpm test\n```', 'typescript');
    assert.ok(!other.ok && /not TypeScript \(its blocks are: bash\)/.test(other.reason));
    const cut = extractCode('```ts\nfunction f() {\n  return', 'typescript');
    assert.ok(!cut.ok && /cut off/.test(cut.reason));
    assert.ok(!extractCode('   ', 'typescript').ok);
    const empty = extractCode('```ts\n\n```', 'typescript');
    assert.ok(!empty.ok && /empty code block/.test(empty.reason));
  });

  it('picks the fuller block when the model shows before and after', () => {
    const answer = 'Before:\n```js\nvar a=1\n```\nAfter:\n```js\nconst answer = 1;\nexport default answer;\n```';
    const r = extractCode(answer, 'javascript');
    assert.ok(r.ok);
    assert.equal(r.code, 'const answer = 1;\nexport default answer;');
    assert.equal(r.candidates, 2);
  });

  it('refuses code that does not parse: JavaScript with acorn, JSON, brackets elsewhere', () => {
    const js = extractCode('```js\nconst = 1;\n```', 'javascript');
    assert.ok(!js.ok && /does not parse/.test(js.reason), JSON.stringify(js));
    const json = extractCode('```json\n{"a": 1,}\n```', 'json');
    assert.ok(!json.ok && /does not parse/.test(json.reason));
    const ts = extractCode('```ts\nfunction f(a: number) {\n  return [a;\n}\n```', 'typescript');
    assert.ok(!ts.ok && /"\}" closes "\[" from line 2/.test(ts.reason), JSON.stringify(ts));
  });

  it('does not refuse a proposal for a fragment that did not parse on its own either', () => {
    const fragment = '  a: 1,\n  b: [2,';
    assert.ok(extractCode('```js\n  a: 1,\n  b: [3,\n```', 'javascript', fragment).ok);
    assert.ok(!extractCode('```js\nconst = 1;\n```', 'javascript', 'const a = 1;').ok);
  });

  it('parses a class method selected on its own as JavaScript', () => {
    assert.equal(checkCodeSyntax('  total() {\n    return this.items.length;\n  }', 'javascript'), undefined);
  });

  it('ignores brackets in strings and comments, and finds unclosed ones', () => {
    assert.equal(bracketProblem('const s = "(";\n// )\n/* ] */ const t = `{`;', 'typescript'), undefined);
    assert.equal(bracketProblem('s = "("  # )\nt = """\n)\n"""', 'python'), undefined);
    assert.match(bracketProblem('if (a }', 'typescript') ?? '', /"\}" closes "\("/);
    assert.match(bracketProblem('f(\n', 'go') ?? '', /line 1: "\(" is never closed/);
    assert.match(bracketProblem('x = "open\n', 'typescript') ?? '', /string is never closed/);
    assert.equal(bracketProblem("fn f<'a>(x: &'a str) -> char { 'c' }", 'rust'), undefined);
    // Languages without a check pass.
    assert.equal(checkCodeSyntax('((((', 'markdown'), undefined);
  });

  it('reads ~~~ fences and longer fences holding ```', () => {
    const blocks = fencedBlocks('~~~py\na = 1\n~~~\n````md\n```\ninner\n```\n````');
    assert.deepEqual(
      blocks.map((b) => [b.tag, b.code, b.closed]),
      [
        ['py', 'a = 1', true],
        ['md', '```\ninner\n```', true],
      ],
    );
  });

  it('streams the first block so far, holding back a half-written last line', () => {
    assert.equal(partialCode('Sure:\n```ts\nconst a = 1;\nconst b', 'typescript'), 'const a = 1;');
    assert.equal(partialCode('Sure:\n```ts\nconst a = 1;\n```\nmore', 'typescript'), 'const a = 1;');
    assert.equal(partialCode('Thinking…', 'typescript'), undefined);
  });

  it('tells code from sentences', () => {
    assert.equal(looksLikeCode('x = compute(y)\nreturn x'), true);
    assert.equal(looksLikeCode('This function computes the total of the items.'), false);
    assert.equal(looksLikeCode('just words'), false);
  });

  it('re-indents a flush-left proposal to the code it replaces, and leaves indented ones', () => {
    assert.equal(matchIndentation('    a();\n    b();', 'a2();\n\nb2();'), '    a2();\n\n    b2();');
    assert.equal(matchIndentation('    a();', '  a2();'), '  a2();');
    assert.equal(matchIndentation('a();', 'x();'), 'x();');
  });
});

describe('editor: a full parse with tree-sitter where a grammar exists', () => {
  const syntax = new TreeSitterSyntax();
  before(() => syntax.warm(['typescript', 'python']));

  it('refuses a TypeScript or Python proposal with a syntax error when the original parsed', () => {
    assert.equal(grammarFor('typescriptreact'), 'typescript');
    const original = 'function total(items: Item[]): number {\n  return items.length;\n}';
    assert.equal(
      treeSitterProblem(syntax, 'typescript', original, 'function total(items: Item[]): number {\n  return items.reduce((n) => n + 1, 0);\n}'),
      undefined,
    );
    assert.match(
      treeSitterProblem(syntax, 'typescript', original, 'function total(items: Item[]): number {\n  return items.reduce((n) => n +, 0);\n}') ?? '',
      /syntax error near line 2/,
    );
    assert.match(treeSitterProblem(syntax, 'python', 'def f(x):\n    return x', 'def f(x)\n    return x') ?? '', /syntax error/);
  });

  it('accepts a method selected on its own, and does not hold a fragment to parsing', () => {
    const method = '  private total(): number {\n    return this.items.length;\n  }';
    assert.equal(treeSitterProblem(syntax, 'typescript', method, '  private total(): number {\n    return this.items.length ?? 0;\n  }'), undefined);
    // The original is half an object literal: not a program, so the proposal is not refused for it either.
    assert.equal(treeSitterProblem(syntax, 'typescript', '  a: 1,\n  b: 2,', '  a: 1,\n  b: 3,'), undefined);
    assert.equal(treeSitterProblem(syntax, 'markdown', '# x', '((('), undefined);
  });
});
