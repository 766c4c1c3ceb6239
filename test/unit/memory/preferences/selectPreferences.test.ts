import * as assert from 'node:assert/strict';
import type { Preference } from '../../../../src/core/memory/preferences/Preference';
import type { PreferenceCategory } from '../../../../src/core/memory/preferences/PreferenceCategory';
import { contradicts, selectPreferences } from '../../../../src/core/memory/preferences/selectPreferences';

let t = 0;
function pref(category: PreferenceCategory, key: string, statement: string, extra: Partial<Preference> = {}): Preference {
  t += 1000;
  return {
    id: `${category}:${key}`,
    category,
    key,
    value: statement,
    statement,
    status: 'learned',
    confidence: 0.8,
    evidenceCount: 1,
    sources: ['explicit'],
    createdAt: t,
    lastEvidenceAt: t,
    ...extra,
  };
}

describe('selectPreferences', () => {
  const short = pref('communication', 'statement:1', 'Keep your answers short.');
  const quotesTs = pref('coding_style', 'quotes', 'Use single quotes for strings in TypeScript', { value: 'single' });
  const kotlin = pref('coding_style', 'language', 'Write code and examples in Kotlin', { value: 'Kotlin' });
  const squash = pref('workflow', 'statement:2', 'We squash-merge every PR.');
  const jsdoc = pref('documentation', 'statement:3', 'Every exported function needs a JSDoc comment.');
  const noMocks = pref('testing', 'statement:4', "Don't mock the database, use the test container.");
  const all = [short, quotesTs, kotlin, squash, jsdoc, noMocks];
  const ids = (ps: Preference[]) => ps.map((p) => p.id).sort();

  it('a question about a concept gets only how to answer', () => {
    const { used, skipped } = selectPreferences(all, { prompt: 'What is a monad?' }, 1000);
    assert.deepEqual(ids(used), [short.id]);
    assert.ok(skipped.every((k) => k.why === 'not relevant'));
  });

  it('a code request gets the code preferences; workflow only when the request is about it', () => {
    assert.deepEqual(ids(selectPreferences(all, { prompt: 'Write a function that parses dates' }, 1000).used), ids([short, quotesTs, kotlin, jsdoc, noMocks]));
    assert.deepEqual(
      ids(selectPreferences(all, { prompt: 'Write the commit message and open the PR' }, 1000).used),
      ids([short, squash, quotesTs, kotlin, jsdoc, noMocks]),
    );
  });

  it('respects the request\'s language: no TypeScript quotes for Python, no "use Kotlin" when it names Python', () => {
    const python = selectPreferences(all, { prompt: 'Write a Python function that parses dates' }, 1000).used;
    assert.ok(!python.includes(quotesTs) && !python.includes(kotlin));
    const attached = selectPreferences(all, { prompt: 'Refactor this', languageIds: ['typescript'] }, 1000).used;
    assert.ok(attached.includes(quotesTs), 'an attached TypeScript file makes it a TypeScript request');
    assert.ok(!attached.includes(kotlin), 'the file already says which language');
  });

  it('the topic of the request comes first, and the budget cuts whole statements from the end', () => {
    const { used, skipped } = selectPreferences(all, { prompt: 'Write tests for the repository class' }, 14);
    assert.equal(used[0], noMocks, 'testing is what the request is about');
    assert.ok(skipped.some((k) => k.why === 'budget'));
    assert.ok(used.reduce((n, p) => n + Math.ceil(`- ${p.statement}\n`.length / 4), 0) <= 14);
    assert.deepEqual(selectPreferences(all, { prompt: 'Write tests' }, 0).used, []);
  });

  it('a newer contradicting statement supersedes the older one: never both', () => {
    const detailed = pref('communication', 'statement:5', 'Keep your answers detailed.');
    assert.ok(contradicts(short, detailed));
    assert.ok(!contradicts(short, jsdoc), 'different categories');
    assert.ok(!contradicts(noMocks, pref('testing', 'statement:6', 'Every bug fix gets a regression test.')), 'different things');
    const { used, skipped } = selectPreferences([short, detailed], { prompt: 'Explain closures' }, 1000);
    assert.deepEqual(used, [detailed]);
    assert.deepEqual(skipped, [{ preference: short, why: 'superseded', by: detailed }]);
  });
});
