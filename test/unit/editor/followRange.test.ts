import * as assert from 'node:assert/strict';
import { decideApply, followChange, followChanges } from '../../../src/core/editor/followRange';

const at = (start: number, end: number) => ({ range: { start, end }, touched: false });

describe('editor: following the proposal target through edits', () => {
  it('moves with edits before it and ignores edits after it', () => {
    assert.deepEqual(followChange(at(10, 20), { rangeOffset: 0, rangeLength: 0, text: 'abc' }), at(13, 23));
    assert.deepEqual(followChange(at(10, 20), { rangeOffset: 2, rangeLength: 5, text: '' }), at(5, 15));
    assert.deepEqual(followChange(at(10, 20), { rangeOffset: 25, rangeLength: 3, text: 'xxxxxx' }), at(10, 20));
  });

  it('typing right at the start moves it; right at the end leaves it', () => {
    assert.deepEqual(followChange(at(10, 20), { rangeOffset: 10, rangeLength: 0, text: '//\n' }), at(13, 23));
    assert.deepEqual(followChange(at(10, 20), { rangeOffset: 20, rangeLength: 0, text: '\n' }), at(10, 20));
    assert.deepEqual(followChange(at(10, 20), { rangeOffset: 5, rangeLength: 5, text: '' }), at(5, 15));
  });

  it('an edit inside, across an edge or over the whole marks it touched', () => {
    assert.equal(followChange(at(10, 20), { rangeOffset: 15, rangeLength: 0, text: 'x' }).touched, true);
    assert.equal(followChange(at(10, 20), { rangeOffset: 8, rangeLength: 4, text: '' }).touched, true);
    assert.deepEqual(followChange(at(10, 20), { rangeOffset: 0, rangeLength: 30, text: 'new' }), { touched: true, range: { start: 0, end: 3 } });
  });

  it('applies one event from the last change to the first', () => {
    const f = followChanges(at(10, 20), [
      { rangeOffset: 0, rangeLength: 0, text: 'ab' },
      { rangeOffset: 30, rangeLength: 0, text: 'zz' },
    ]);
    assert.deepEqual(f, at(12, 22));
  });

  it('decides: apply when untouched, rebase when only the rest changed, refuse otherwise', () => {
    const base = { requestVersion: 3, original: 'code', current: 'code' };
    assert.deepEqual(decideApply({ ...base, currentVersion: 3, followed: at(1, 5) }), { action: 'apply', range: { start: 1, end: 5 } });
    const rebased = decideApply({ ...base, currentVersion: 5, followed: at(9, 13) });
    assert.equal(rebased.action, 'rebase');
    assert.deepEqual(rebased.action === 'rebase' && rebased.range, { start: 9, end: 13 });
    const edited = decideApply({ ...base, currentVersion: 5, followed: { range: { start: 1, end: 6 }, touched: true } });
    assert.equal(edited.action, 'refuse');
    assert.match(edited.action === 'refuse' ? edited.message : '', /overwrite your changes/);
    // Even untouched by tracked changes, text that no longer reads the same is not overwritten.
    assert.equal(decideApply({ ...base, current: 'c0de', currentVersion: 4, followed: at(1, 5) }).action, 'refuse');
    assert.equal(decideApply({ ...base, currentVersion: 3, followed: at(1, 5), gone: true }).action, 'refuse');
  });
});
