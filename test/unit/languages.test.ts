import * as assert from 'node:assert/strict';
import {
  BRACKET_LANGUAGES,
  canonicalLanguage,
  COMPANION_LANGUAGES,
  fenceMatches,
  languageLabel,
  languageName,
  satisfies,
  SEMICOLON_LANGUAGES,
  SLASH_COMMENT_LANGUAGES,
} from '../../src/core/languages';

describe('core/languages: the one language table', () => {
  it('gives prompts a label and people a name per VS Code language id', () => {
    assert.equal(languageLabel('typescriptreact'), 'TypeScript (TSX)');
    assert.equal(languageName('typescriptreact'), 'TypeScript');
    assert.equal(languageLabel('jsonc'), 'JSON with comments');
    // No name for JSON: edit evidence reports the id as it is.
    assert.equal(languageName('json'), 'json');
    assert.equal(languageLabel('fortran'), 'fortran');
  });

  it('does not answer from Object.prototype for ids such as "constructor"', () => {
    assert.equal(languageLabel('constructor'), 'constructor');
    assert.equal(languageName('toString'), 'toString');
    assert.equal(canonicalLanguage('constructor'), undefined);
    assert.equal(fenceMatches('x', 'constructor'), false);
  });

  it('matches the fence tags models write, and only those', () => {
    assert.ok(fenceMatches('ts', 'typescript'));
    assert.ok(fenceMatches(' JSX ', 'typescriptreact'));
    assert.ok(fenceMatches('', 'python'));
    assert.ok(fenceMatches('java', 'java'));
    assert.ok(!fenceMatches('mjs', 'javascriptreact'));
    assert.ok(!fenceMatches('py', 'typescript'));
  });

  it('maps fence labels, language ids and question words to one canonical language', () => {
    assert.equal(canonicalLanguage('typescriptreact'), 'typescript');
    assert.equal(canonicalLanguage('Node'), 'javascript');
    assert.equal(canonicalLanguage('C#'), 'csharp');
    assert.equal(canonicalLanguage('shellscript'), 'bash');
    assert.equal(canonicalLanguage('json5'), 'jsonc');
    assert.equal(canonicalLanguage(''), undefined);
    assert.equal(canonicalLanguage(undefined), undefined);
    assert.equal(canonicalLanguage('klingon'), undefined);
  });

  it('keeps the syntax facts the checks rely on', () => {
    assert.ok(BRACKET_LANGUAGES.has('python') && BRACKET_LANGUAGES.has('json') && !BRACKET_LANGUAGES.has('ruby'));
    assert.ok(SLASH_COMMENT_LANGUAGES.has('jsonc') && !SLASH_COMMENT_LANGUAGES.has('json') && !SLASH_COMMENT_LANGUAGES.has('python'));
    assert.deepEqual([...SEMICOLON_LANGUAGES].sort(), ['javascript', 'javascriptreact', 'typescript', 'typescriptreact']);
    assert.ok(COMPANION_LANGUAGES.has('bash') && !COMPANION_LANGUAGES.has('python'));
    assert.ok(satisfies('typescript', 'javascript') && satisfies('c', 'cpp') && !satisfies('python', 'javascript'));
  });
});
