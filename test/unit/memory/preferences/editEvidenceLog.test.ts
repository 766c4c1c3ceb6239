import * as assert from 'node:assert/strict';
import { FakeClock } from '../../../fakes/FakeClock';
import { declarationChange, detectEditEvidence } from '../../../../src/core/memory/preferences/detectEditEvidence';
import { EditEvidenceLog, firstDifference } from '../../../../src/core/memory/preferences/EditEvidenceLog';
import { PreferenceLearner } from '../../../../src/core/memory/preferences/PreferenceLearner';
import { MemoryKv } from '../../../fakes/MemoryKv';

describe('learning from edits to applied code: var → const and the evidence shown', () => {
  it('sees every var turned into const (or let), and nothing else as a declaration change', () => {
    assert.equal(declarationChange('var a = 1;\nvar b = 2;', 'const a = 1;\nconst b = 2;'), 'const');
    assert.equal(declarationChange('var i = 0;\nfor (;;) i++;', 'let i = 0;\nfor (;;) i++;'), 'let');
    assert.equal(declarationChange('var a = 1;\nvar b = 2;', 'const a = 1;\nvar b = 2;'), undefined, 'a var is left');
    assert.equal(declarationChange('const a = 1;', 'const a = 2;'), undefined, 'no var before');
    assert.equal(declarationChange('var a = 1;', ''), undefined, 'deleted, not converted');
    assert.equal(declarationChange('obj.var = 1; var x = 2;', 'obj.var = 1; const x = 2;'), 'const');
    const ev = detectEditEvidence(
      { text: 'var total = 0;\nvar count = 1;', languageId: 'javascript' },
      { text: 'const total = 0;\nconst count = 1;', languageId: 'javascript' },
    );
    assert.deepEqual(ev, [{ kind: 'declarations', value: 'const' }]);
    // Python has no var: the detector stays quiet there.
    assert.deepEqual(detectEditEvidence({ text: 'var = 1', languageId: 'python' }, { text: 'const = 1', languageId: 'python' }), []);
  });

  it('three edits raise the declarations preference with rising confidence', async () => {
    const learner = PreferenceLearner.load({ store: new MemoryKv(), clock: new FakeClock(1000) });
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) seen.push((await learner.recordEditEvidence({ kind: 'declarations', value: 'const' })).confidence);
    assert.ok(seen[0] < seen[1] && seen[1] < seen[2], JSON.stringify(seen));
    const [p] = learner.getPreferences();
    assert.equal(p.statement, 'Declare variables with const (let only when reassigned), never var');
    assert.equal(p.evidenceCount, 3);
    await assert.rejects(learner.recordEditEvidence({ kind: 'declarations', value: 'var' }), /not a valid declarations value/);
  });

  it('keeps the last five examples per preference, newest first, with the changed line', async () => {
    const kv = new MemoryKv();
    const clock = new FakeClock(0);
    const log = new EditEvidenceLog(kv, clock);
    for (let i = 0; i < 7; i++) {
      clock.advance(1);
      await log.record('coding_style:quotes', `f${i}.ts`, 'a();\nconst s = "x";', "a();\nconst s = 'x';");
    }
    const ex = log.examples('coding_style:quotes');
    assert.equal(ex.length, 5);
    assert.deepEqual(ex[0], { at: 7, file: 'f6.ts', before: 'const s = "x";', after: "const s = 'x';" });
    assert.deepEqual(log.examples('other'), []);
    // A damaged entry in storage is skipped, not fatal.
    await kv.update('jarvis.memory.editEvidence', { 'coding_style:quotes': [{ bogus: 1 }, ex[0]], x: 'nope' });
    assert.deepEqual(new EditEvidenceLog(kv, clock).examples('coding_style:quotes'), [ex[0]]);
  });

  it('shows indentation changes visibly and cuts long lines', () => {
    assert.deepEqual(firstDifference('if (a) {\n    b();\n}', 'if (a) {\n\tb();\n}'), { before: '····b();', after: '→b();' });
    assert.equal(firstDifference(`x${'y'.repeat(200)}`, 'z').before.length, 80);
    assert.deepEqual(firstDifference('same', 'same'), { before: '', after: '' });
  });
});
