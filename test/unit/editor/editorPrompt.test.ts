import * as assert from 'node:assert/strict';
import { FakeClock } from '../../fakes/FakeClock';
import type { CodeTarget } from '../../../src/core/editor/CodeTarget';
import { buildEditorPrompt } from '../../../src/core/editor/buildEditorPrompt';
import { EDITOR_COMMAND_KINDS, EDITOR_COMMANDS } from '../../../src/core/editor/EditorCommand';
import { EditorContextContributor } from '../../../src/core/editor/EditorContextContributor';
import { planTests } from '../../../src/core/editor/detectTestFramework';
import { extractImports } from '../../../src/core/editor/extractImports';
import { findEnclosingSymbol } from '../../../src/core/editor/findEnclosingSymbol';
import { assertJarvisError } from '../helpers/assertJarvisError';

async function refuses(work: () => unknown, message: RegExp): Promise<void> {
  const e = await assertJarvisError(async () => work(), 'invalid-input');
  assert.match(e.message, message);
}

const target: CodeTarget = {
  file: 'src/cart.ts',
  languageId: 'typescript',
  code: '  total() {\n    return this.items.length;\n  }',
  startLine: 4,
  endLine: 6,
  source: 'selection',
  enclosing: { name: 'Cart', kind: 'class', code: 'class Cart {\n  total() {\n    return this.items.length;\n  }\n}' },
  imports: ["import { Item } from './item';"],
};

describe('editor: prompts per command', () => {
  it('gives every command a prompt; edit commands ask for one fenced block in the language', () => {
    for (const kind of EDITOR_COMMAND_KINDS) {
      const p = buildEditorPrompt(kind, { ...target, question: 'Why a getter?', tests: { framework: 'mocha', file: 'src/cart.test.ts' } });
      assert.equal(p.expectsCode, EDITOR_COMMANDS[kind].answersIn === 'edit', kind);
      if (p.expectsCode) assert.match(p.prompt, /ONE fenced ```typescript block/, kind);
      assert.match(p.prompt, /src\/cart\.ts, lines 4–6/, kind);
      assert.equal(p.attachments[0].content, target.code);
    }
  });

  it('sends the imports and the enclosing symbol as context, and says so in the system block', () => {
    const p = buildEditorPrompt('refactor', target);
    assert.deepEqual(
      p.attachments.map((a) => a.name),
      ['src/cart.ts (lines 4–6)', 'Imports of src/cart.ts (context only)', 'The class `Cart` around it (context only)'],
    );
    assert.match(p.context, /src\/cart\.ts \(TypeScript\)/);
    assert.match(p.context, /inside the class `Cart`/);
    assert.match(p.context, /import \{ Item \} from '\.\/item';/);
    assert.equal(p.scopeNote, undefined);
  });

  it('says when the enclosing symbol stood in for an empty selection', () => {
    const p = buildEditorPrompt('explain', { ...target, source: 'symbol', enclosing: { name: 'total', kind: 'method' } });
    assert.match(p.prompt, /^Explain the method `total` \(src\/cart\.ts, lines 4–6\)/);
    assert.match(p.scopeNote ?? '', /Nothing was selected, so Jarvis used the method `total`/);
  });

  it('Fix lists the diagnostics; Add Tests appends to an existing test file or writes a new one', () => {
    const fix = buildEditorPrompt('fix', { ...target, diagnostics: [{ line: 5, message: "Property 'items' does not exist", source: 'ts', code: '2339' }] });
    assert.match(fix.prompt, /- line 5: Property 'items' does not exist \(ts 2339\)/);
    const fresh = buildEditorPrompt('addTests', { ...target, tests: { framework: 'vitest', file: 'src/cart.test.ts' } });
    assert.match(fresh.prompt, /complete new test file src\/cart\.test\.ts/);
    const more = buildEditorPrompt('addTests', {
      ...target,
      tests: { framework: 'vitest', file: 'src/cart.test.ts', existing: "import { it } from 'vitest';" },
    });
    assert.match(more.prompt, /add to the end of the existing test file/);
    assert.ok(more.attachments.some((a) => a.name === 'Existing test file src/cart.test.ts'));
  });

  it('refuses empty code, an empty question, and Add Tests without a plan', async () => {
    await refuses(() => buildEditorPrompt('explain', { ...target, code: '  ' }), /Select some code/);
    await refuses(() => buildEditorPrompt('ask', { ...target, question: ' ' }), /Type a question/);
    await refuses(() => buildEditorPrompt('addTests', target), /test framework/);
    await refuses(() => buildEditorPrompt('nope' as never, target), /Unknown editor command/);
  });
});

describe('editor: context around the code', () => {
  it('finds the innermost function or class, skipping one-line variables', () => {
    const text = 'class A {\n  m() {\n    const x = 1;\n  }\n}\n';
    const symbols = [
      {
        name: 'A',
        kind: 'class',
        range: { start: 0, end: 36 },
        children: [{ name: 'm', kind: 'method', range: { start: 12, end: 34 }, children: [{ name: 'x', kind: 'variable', range: { start: 24, end: 35 } }] }],
      },
    ];
    const inM = text.indexOf('const');
    assert.equal(findEnclosingSymbol(symbols, { start: inM, end: inM }, text)?.name, 'm');
    assert.equal(findEnclosingSymbol(symbols, { start: 2, end: 3 }, text)?.name, 'A');
    assert.equal(findEnclosingSymbol(symbols, { start: 40, end: 40 }, text), undefined);
    const arrow = 'const f = () => {\n  go();\n};';
    assert.equal(findEnclosingSymbol([{ name: 'f', kind: 'variable', range: { start: 0, end: arrow.length } }], { start: 20, end: 20 }, arrow)?.name, 'f');
  });

  it('extracts whole import statements per language', () => {
    assert.deepEqual(extractImports("import a from 'a';\nimport {\n  b,\n  c,\n} from 'bc';\nconst d = require('d');\n\nfoo();", 'typescript'), [
      "import a from 'a';",
      "import {\n  b,\n  c,\n} from 'bc';",
      "const d = require('d');",
    ]);
    assert.deepEqual(extractImports('import os\nfrom x import (\n  a,\n)\nprint(1)', 'python'), ['import os', 'from x import (\n  a,\n)']);
    assert.deepEqual(extractImports('package m\nimport (\n  "fmt"\n)\n', 'go'), ['import (\n  "fmt"\n)']);
    assert.deepEqual(extractImports('# title', 'markdown'), []);
  });

  it('plans the test file next to the source with the detected framework', () => {
    const pkg = (deps: Record<string, string>) => JSON.stringify({ devDependencies: deps });
    assert.deepEqual(planTests({ languageId: 'typescript', sourcePath: 'src/cart.ts', siblings: ['cart.ts'], packageJson: pkg({ vitest: '1' }) }), {
      framework: 'vitest',
      testPath: 'src/cart.test.ts',
    });
    assert.equal(
      planTests({ languageId: 'typescript', sourcePath: 'src/cart.ts', siblings: ['a.spec.ts'], packageJson: pkg({ jest: '1' }) }).testPath,
      'src/cart.spec.ts',
    );
    assert.match(planTests({ languageId: 'javascript', sourcePath: 'a.js', siblings: [], packageJson: pkg({ mocha: '1' }) }).framework, /^mocha/);
    assert.match(planTests({ languageId: 'javascript', sourcePath: 'a.js', siblings: [], packageJson: '{broken' }).framework, /node:test/);
    assert.deepEqual(planTests({ languageId: 'python', sourcePath: 'pkg/cart.py', siblings: [], pythonConfig: '[tool.pytest.ini_options]' }), {
      framework: 'pytest',
      testPath: 'pkg/test_cart.py',
    });
    assert.equal(planTests({ languageId: 'go', sourcePath: 'cart.go', siblings: [] }).testPath, 'cart_test.go');
    // A test file is extended, not given a test file of its own.
    assert.equal(planTests({ languageId: 'typescript', sourcePath: 'src/cart.test.ts', siblings: [] }).testPath, 'src/cart.test.ts');
  });
});

describe('editor: context carried into the chat request', () => {
  it('adds the context to the matching prompt once, within two minutes', async () => {
    const clock = new FakeClock(0);
    const c = new EditorContextContributor(clock);
    c.expect('Explain this', { system: 'ctx', code: '```ts\nx\n```' });
    const req = (prompt: string) => ({ prompt, history: [], signal: new AbortController().signal });
    assert.deepEqual(await c.contribute(req('Something else')), {});
    assert.deepEqual(await c.contribute(req(' Explain this ')), { system: 'ctx\n\nThe code the user asks about:\n```ts\nx\n```' });
    // With the code attached as a reference (native Chat view) it is not sent twice, nor listed twice in the ledger.
    c.expect('Explain this', { system: 'ctx', code: '```ts\nx\n```', files: [{ path: 'a.ts', range: { startLine: 1, endLine: 1 } }] });
    assert.deepEqual(await c.contribute({ ...req('Explain this'), attachments: [{ name: 'a.ts', content: 'x' }] }), { system: 'ctx' });
    assert.deepEqual(await c.contribute(req('Explain this')), {});
    // Both paths mark their prompts as Jarvis's own words, so preference learning skips them.
    assert.equal(c.isGenerated('Explain this'), true);
    c.markGenerated('Refactor x');
    assert.equal(c.isGenerated(' Refactor x '), true);
    assert.equal(c.isGenerated('I prefer tabs'), false);
    c.expect('Later', { system: 'old' });
    clock.advance(2 * 60_000 + 1);
    assert.deepEqual(await c.contribute(req('Later')), {});
  });
});
