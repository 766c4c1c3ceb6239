import * as assert from 'node:assert/strict';
import { detectEditEvidence, dominantQuote, indentStyle, semicolonStyle } from '../../../../src/core/memory/preferences/detectEditEvidence';
import { mapRange, mapRangeThroughChanges } from '../../../../src/core/memory/preferences/trackRange';

const ts = (text: string) => ({ text, languageId: 'typescript' });

describe('learning from edits to inserted code', () => {
  it('sees quotes turned from double to single (and not apostrophes in words)', () => {
    const before = 'const a = "x";\nconst b = "it\'s";\n';
    const after = "const a = 'x';\nconst b = 'it\\'s';\n";
    assert.equal(dominantQuote(before), 'double');
    assert.equal(dominantQuote(after), 'single');
    assert.deepEqual(detectEditEvidence(ts(before), ts(after)), [{ kind: 'quotes', value: 'single' }]);
  });

  it('sees re-indentation, semicolons removed and identifiers renamed to another case', () => {
    const before = 'function f() {\n    const userName = 1;\n    return userName;\n}\n';
    const after = 'function f() {\n\tconst user_name = 1\n\treturn user_name\n}\n';
    assert.equal(indentStyle(before), '4 spaces');
    assert.equal(indentStyle(after), 'tabs');
    assert.equal(semicolonStyle(before), 'always');
    assert.equal(semicolonStyle(after), 'never');
    assert.deepEqual(detectEditEvidence(ts(before), ts(after)), [
      { kind: 'indent', value: 'tabs' },
      { kind: 'semicolons', value: 'never' },
      { kind: 'naming', value: 'snake_case' },
    ]);
  });

  it('sees the code moved to another language', () => {
    assert.deepEqual(detectEditEvidence({ text: 'x', languageId: 'javascript' }, { text: 'x', languageId: 'typescript' }), [
      { kind: 'language', value: 'TypeScript' },
    ]);
    assert.deepEqual(detectEditEvidence({ text: 'x', languageId: 'typescript' }, { text: 'x', languageId: 'typescriptreact' }), []);
  });

  it('says nothing about edits to the logic, mixed styles or semicolons in Python', () => {
    assert.deepEqual(detectEditEvidence(ts('const a = "x";\nconst b = 2;\n'), ts('const a = "y";\nconst b = 3;\n')), []);
    assert.deepEqual(detectEditEvidence(ts('f("a", "b")'), ts('f("a", \'b\')')), []);
    assert.deepEqual(detectEditEvidence({ text: 'a = 1;\nb = 2;\n', languageId: 'python' }, { text: 'a = 1\nb = 2\n', languageId: 'python' }), []);
  });

  it('follows a span through edits before, inside and around it', () => {
    const r = { start: 10, end: 20 };
    assert.deepEqual(mapRange(r, { rangeOffset: 0, rangeLength: 0, text: 'abc' }), { start: 13, end: 23 }, 'insert before shifts');
    assert.deepEqual(mapRange(r, { rangeOffset: 10, rangeLength: 0, text: 'abc' }), { start: 13, end: 23 }, 'typing at the start is outside');
    assert.deepEqual(mapRange(r, { rangeOffset: 20, rangeLength: 0, text: 'abc' }), r, 'typing at the end is outside');
    assert.deepEqual(mapRange(r, { rangeOffset: 25, rangeLength: 3, text: '' }), r, 'edits after leave it');
    assert.deepEqual(mapRange(r, { rangeOffset: 12, rangeLength: 1, text: "'" }), r, 'same-length replace inside');
    assert.deepEqual(mapRange(r, { rangeOffset: 12, rangeLength: 4, text: '' }), { start: 10, end: 16 }, 'delete inside shrinks');
    assert.deepEqual(mapRange(r, { rangeOffset: 5, rangeLength: 20, text: 'xy' }), { start: 5, end: 7 }, 'replacing it whole keeps the new text');
    assert.deepEqual(mapRange(r, { rangeOffset: 18, rangeLength: 4, text: 'zzzzzz' }), { start: 10, end: 24 }, 'across the end grows');
    // Two changes of one event, in pre-event offsets: applied last-first.
    assert.deepEqual(
      mapRangeThroughChanges(r, [
        { rangeOffset: 0, rangeLength: 0, text: '12' },
        { rangeOffset: 11, rangeLength: 1, text: "'" },
      ]),
      { start: 12, end: 22 },
    );
  });
});
