import * as assert from 'node:assert/strict';
import { isJarvisError } from '../../../../src/common/errors';
import { extractPreferences } from '../../../../src/core/memory/preferences/extractPreferences';
import { readWorkspaceConfig } from '../../../../src/core/memory/preferences/readWorkspaceConfig';

describe('extractPreferences', () => {
  const table: [string, [string, string, string][]][] = [
    ['I prefer TypeScript over JavaScript', [['coding_style', 'language', 'TypeScript']]],
    ['I prefer using Python over Ruby.', [['coding_style', 'language', 'Python']]],
    ['always use tabs', [['coding_style', 'indent', 'tabs']]],
    ['use 2 spaces', [['coding_style', 'indent', '2 spaces']]],
    ['Indent with 4-space please', [['coding_style', 'indent', '4 spaces']]],
    ['never use var', [['coding_style', 'avoid:var', 'var']]],
    ['I like single quotes', [['coding_style', 'quotes', 'single']]],
    ['Never use double quotes', [['coding_style', 'quotes', 'single']]],
    ['no semicolons please', [['coding_style', 'semicolons', 'never']]],
    ['use camelCase for variables', [['coding_style', 'naming', 'camelCase']]],
    ['prefer pytest', [['testing', 'test-framework', 'pytest']]],
    ['I like jest', [['testing', 'test-framework', 'jest']]],
    ['Please be concise', [['communication', 'verbosity', 'concise']]],
    ['explain in detail', [['communication', 'verbosity', 'detailed']]],
    ['We should always squash commits', [['workflow', 'always:squash commits', 'squash commits']]],
    ['always add JSDoc to exported functions', [['documentation', 'always:add jsdoc to exported functions', 'add JSDoc to exported functions']]],
    ['I prefer functional patterns', [['architecture', 'prefer:functional patterns', 'functional patterns']]],
    ['I prefer PostgreSQL', [['tools', 'prefer:postgresql', 'PostgreSQL']]],
    ['never use exceptions for control flow', [['error_handling', 'avoid:exceptions for control flow', 'exceptions for control flow']]],
    [
      'I prefer TypeScript over JavaScript, always use semicolons and never use any',
      [
        ['coding_style', 'language', 'TypeScript'],
        ['coding_style', 'semicolons', 'always'],
        ['coding_style', 'avoid:any', 'any'],
      ],
    ],
    ['The build is broken again', []],
    ['', []],
  ];
  for (const [text, expected] of table) {
    it(`"${text}"`, () => {
      assert.deepEqual(
        extractPreferences(text).map((p) => [p.category, p.key, p.value]),
        expected,
      );
    });
  }

  it('writes prompt-ready statements', () => {
    assert.equal(extractPreferences('I prefer TypeScript over JavaScript')[0].statement, 'Use TypeScript (preferred over JavaScript)');
    assert.equal(extractPreferences('never use var')[0].statement, 'Never use var');
  });
});

describe('readWorkspaceConfig', () => {
  const pick = (fileName: string, content: string) => readWorkspaceConfig({ fileName, content }).map((p) => [p.key, p.value]);

  it('reads .editorconfig, preferring the [*] section', () => {
    const content = '# top\nroot = true\n\n[*.py]\nindent_size = 4\n\n[*]\nindent_style = space\nindent_size = 2\nquote_type = single\n';
    assert.deepEqual(pick('/w/.editorconfig', content), [
      ['indent', '2 spaces'],
      ['quotes', 'single'],
    ]);
    assert.deepEqual(pick('.editorconfig', '[*]\nindent_style = tab\n'), [['indent', 'tabs']]);
  });

  it('reads Prettier JSON', () => {
    assert.deepEqual(pick('.prettierrc', '{ "useTabs": false, "tabWidth": 4, "singleQuote": true, "semi": false }'), [
      ['indent', '4 spaces'],
      ['quotes', 'single'],
      ['semicolons', 'never'],
    ]);
    assert.deepEqual(pick('sub/.prettierrc.json', '{"useTabs": true}'), [['indent', 'tabs']]);
  });

  it('reads ESLint JSON with comments and trailing commas, ignoring rules that are off', () => {
    const content = `{
      // style
      "rules": {
        "indent": ["error", 2],
        "quotes": ["warn", "double", { "avoidEscape": true }],
        "semi": ["off", "never"], /* disabled */
      },
    }`;
    assert.deepEqual(pick('.eslintrc.json', content), [
      ['indent', '2 spaces'],
      ['quotes', 'double'],
    ]);
    assert.deepEqual(pick('.eslintrc', '{"rules":{"@stylistic/indent":["error","tab"],"@stylistic/semi":["error","always"]}}'), [
      ['indent', 'tabs'],
      ['semicolons', 'always'],
    ]);
  });

  it('refuses unknown and malformed files with the file name in the message', () => {
    assert.throws(
      () => readWorkspaceConfig({ fileName: 'eslint.config.js', content: 'export default []' }),
      (e) => isJarvisError(e, 'invalid-input') && /cannot learn from "eslint.config.js"/.test(e.message),
    );
    assert.throws(() => readWorkspaceConfig({ fileName: '.prettierrc', content: 'semi: false' }), /\.prettierrc is not valid JSON/);
    assert.throws(() => readWorkspaceConfig({ fileName: '.eslintrc.json', content: '[1]' }), /top level is not an object/);
    assert.throws(() => readWorkspaceConfig({ fileName: 1 as never, content: '' }), /needs a `fileName`/);
  });
});
