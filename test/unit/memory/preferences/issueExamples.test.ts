import * as assert from 'node:assert/strict';
import { extractPreferences } from '../../../../src/core/memory/preferences/extractPreferences';
import { PreferenceLearner } from '../../../../src/core/memory/preferences/PreferenceLearner';
import { reviewPreference, type ReviewUi } from '../../../../src/vscode/memory/reviewPreference';
import { FakeClock } from '../../../fakes/FakeClock';
import { MemoryKv } from '../../../fakes/MemoryKv';

describe('issue 18: the examples it quotes', () => {
  it('the two sentences that were invented as preferences yield none', () => {
    assert.deepEqual(extractPreferences('how do I use tabs instead of spaces in vim?'), []);
    assert.deepEqual(extractPreferences('I like this answer, thanks!'), []);
  });

  const missed: [string, string, string?][] = [
    ['our team writes everything with 2-space indentation', 'coding_style', 'indent=2 spaces'],
    ['keep lines under 100 characters', 'coding_style', 'line-length=100'],
    ['from now on write the examples in Kotlin, not Java', 'coding_style', 'language=Kotlin'],
    ['keep your answers short', 'communication'],
    ["don't apologise", 'communication'],
    ['commit messages must follow Conventional Commits', 'workflow'],
    ['we squash-merge every PR', 'workflow'],
    ['every exported function needs a JSDoc comment', 'documentation'],
    ['never swallow exceptions', 'error_handling'],
    ["don't mock the database, use the test container", 'testing'],
    ['we use pnpm, never suggest npm install', 'tools', 'package-manager=pnpm'],
  ];
  for (const [text, category, keyValue] of missed) {
    it(`${JSON.stringify(text)} is found as ${category}${keyValue ? ` (${keyValue})` : ''}`, () => {
      const found = extractPreferences(text);
      assert.equal(found.length, 1);
      assert.equal(found[0].category, category);
      if (keyValue) assert.equal(`${found[0].key}=${found[0].value}`, keyValue);
    });
  }
});

describe('reviewPreference: "Jarvis noticed: you prefer … — Keep / Edit / Dismiss"', () => {
  /** A window stand-in that answers with the given choice and input, recording what it was asked. */
  function ui(choice: string | undefined, input?: string): ReviewUi & { asked: string[] } {
    const asked: string[] = [];
    return {
      asked,
      showInformationMessage: (m, ...items) => (asked.push(`${m} [${items.join('|')}]`), Promise.resolve(choice)),
      showInputBox: (o) => (asked.push(`input:${o.value}:${o.validateInput('  ') ?? ''}`), Promise.resolve(input)),
      showErrorMessage: (m) => (asked.push(`error:${m}`), Promise.resolve(undefined)),
    };
  }
  async function proposed() {
    const learner = PreferenceLearner.load({ store: new MemoryKv(), clock: new FakeClock(Date.UTC(2026, 0, 5)) });
    const pending = await learner.propose([
      { category: 'workflow', key: 'statement:00c0ffee', value: 'We rebase before merging.', statement: 'We rebase before merging.', confidence: 0.5 },
    ]);
    return { learner, pending };
  }

  it('asks with the statement and the three choices; Keep confirms it', async () => {
    const { learner, pending } = await proposed();
    const window = ui('Keep');
    await reviewPreference(learner, pending, window, () => undefined);
    assert.deepEqual(window.asked, ['Jarvis noticed: you prefer “We rebase before merging.”. [Keep|Edit…|Dismiss]']);
    assert.equal(learner.getPreferences()[0].status, 'confirmed');
  });

  it('Dismiss rejects it; ignoring leaves it pending', async () => {
    const a = await proposed();
    await reviewPreference(a.learner, a.pending, ui('Dismiss'), () => undefined);
    assert.deepEqual(a.learner.pendingPreferences(), [], 'no longer waiting for review');
    assert.deepEqual(a.learner.getPreferences(), [], 'and never listed or applied');
    const b = await proposed();
    await reviewPreference(b.learner, b.pending, ui(undefined), () => undefined);
    assert.equal(b.learner.getPreferences()[0].status, 'pending');
  });

  it('Edit… offers the value, refuses an empty one, and stores what the user wrote', async () => {
    const { learner, pending } = await proposed();
    const window = ui('Edit…', 'We rebase feature branches before merging.');
    await reviewPreference(learner, pending, window, () => undefined);
    assert.equal(window.asked[1], 'input:We rebase before merging.:Enter a value, or press Escape to leave it for later.');
    assert.equal(learner.getPreferences()[0].value, 'We rebase feature branches before merging.');
  });

  it('a failing update is logged and shown, never thrown', async () => {
    const { learner, pending } = await proposed();
    const warned: string[] = [];
    const window = ui('Keep');
    await reviewPreference(learner, [{ ...pending[0], id: 'workflow:statement:gone' }], window, (m) => warned.push(m));
    assert.equal(warned.length, 1);
    assert.match(window.asked[1], /^error:Jarvis could not update the preference/);
  });
});
