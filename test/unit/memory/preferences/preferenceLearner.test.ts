import * as assert from 'node:assert/strict';
import { FakeClock } from '../../../fakes/FakeClock';
import { isJarvisError } from '../../../../src/common/errors';
import { PreferenceLearner } from '../../../../src/core/memory/preferences/PreferenceLearner';
import { MemoryKv } from '../../../fakes/MemoryKv';

const DAY = 86_400_000;

describe('PreferenceLearner', () => {
  let kv: MemoryKv;
  let clock: FakeClock;
  let trusted: boolean;
  const make = () => PreferenceLearner.load({ store: kv, clock, trust: { isTrusted: () => trusted } });

  beforeEach(() => {
    kv = new MemoryKv();
    clock = new FakeClock(Date.UTC(2025, 6, 1));
    trusted = true;
  });

  it('learns from text and applies it to prompts (the seed example)', async () => {
    const l = make();
    const [p] = await l.learnFromText('I prefer using TypeScript over JavaScript');
    assert.equal(p.id, 'coding_style:language');
    assert.equal(p.status, 'learned');
    assert.ok(p.confidence >= 0.7, `confident enough for prompts: ${p.confidence}`);
    assert.equal(
      l.applyPreferencesToPrompt('Write a function'),
      "Write a function\n\nFollow the user's preferences unless the request says otherwise:\n- Write code and examples in TypeScript",
    );
    assert.equal(l.getPreferences('coding_style').length, 1);
    assert.equal(l.getPreferences('testing').length, 0);
  });

  it('grows confidence with repetition and decays it with time', async () => {
    const l = make();
    const [first] = await l.learnFromText('always use tabs');
    await l.learnFromText('always use tabs');
    const c2 = l.getPreferences()[0].confidence;
    assert.ok(Math.abs(c2 - (1 - (1 - first.confidence) ** 2)) < 1e-12, `two statements combine as a noisy-or: ${c2}`);
    clock.advance(30 * DAY);
    assert.ok(Math.abs(l.getPreferences()[0].confidence - c2 / 2) < 1e-12, 'halved after one half-life');
    clock.advance(30 * DAY);
    assert.ok(Math.abs(l.getPreferences()[0].confidence - c2 / 4) < 1e-12);
    assert.equal(l.applyPreferencesToPrompt('p'), 'p', 'faded below the threshold, no longer applied');
  });

  it('raises a preference gradually from edit evidence', async () => {
    const l = make();
    let p = await l.recordEditEvidence({ kind: 'quotes', value: 'single', file: 'src/a.ts' });
    assert.equal(p.confidence, 0.15);
    for (let i = 0; i < 7; i++) p = await l.recordEditEvidence({ kind: 'quotes', value: 'single' });
    assert.ok(p.confidence > 0.7 && p.confidence < 0.75, `${p.confidence}`);
    assert.equal(p.evidenceCount, 8);
    assert.match(l.applyPreferencesToPrompt('Write a function'), /Use single quotes for strings/);
  });

  it('weakens a learned preference on contrary evidence and switches when the new one is stronger', async () => {
    const l = make();
    await l.learnFromWorkspaceConfig([{ fileName: '.prettierrc', content: '{"singleQuote": true}' }]);
    const weakened = await l.recordEditEvidence({ kind: 'quotes', value: 'double' });
    assert.equal(weakened.value, 'single');
    assert.ok(Math.abs(weakened.confidence - 0.6 * 0.85) < 1e-12);
    const switched = (await l.learnFromText('We always use double quotes.'))[0];
    assert.equal(switched.value, 'double');
    assert.equal(switched.status, 'learned', 'what the user says outright replaces what the config suggested');
  });

  it('learns indent, quotes and semicolons from workspace configs', async () => {
    const l = make();
    const got = await l.learnFromWorkspaceConfig([
      { fileName: '.editorconfig', content: '[*]\nindent_style = space\nindent_size = 2\n' },
      { fileName: '.eslintrc.json', content: '{"rules":{"quotes":["error","single"],"semi":["error","never"]}}' },
    ]);
    assert.deepEqual(
      got.map((p) => [p.key, p.value, p.confidence]),
      [
        ['indent', '2 spaces', 0.6],
        ['quotes', 'single', 0.6],
        ['semicolons', 'never', 0.6],
      ],
    );
  });

  it('review: confirm pins, reject suppresses, edit corrects', async () => {
    const l = make();
    await l.learnFromText('We always use single quotes. Our tests always run on pytest. Never use var.');
    const confirmed = await l.confirm('coding_style:quotes');
    assert.equal(confirmed.status, 'confirmed');
    clock.advance(365 * DAY);
    assert.equal(l.getPreferences()[0].confidence, 1, 'confirmed preferences do not decay');
    await l.recordEditEvidence({ kind: 'quotes', value: 'double' });
    assert.equal(l.getPreferences().find((p) => p.key === 'quotes')!.value, 'single', 'edits do not override a confirmation');

    await l.reject('testing:test-framework');
    await l.learnFromText('We always write tests with pytest.');
    assert.equal(l.getPreferences('testing').length, 0, 'rejected stays rejected');
    assert.equal(l.getPreferences('testing', { includeRejected: true })[0].status, 'rejected');

    const free = l.getPreferences().find((p) => p.statement === 'Never use var.')!;
    assert.ok(free, "a free-form preference keeps the user's sentence");
    const edited = await l.edit(free.id, { value: 'Never use var or let.' });
    assert.equal(edited.statement, 'Never use var or let.');
    const prompt = l.applyPreferencesToPrompt('Write code');
    assert.match(prompt, /- Use single quotes for strings/);
    assert.match(prompt, /- Never use var or let\./);
    assert.doesNotMatch(prompt, /pytest/);
  });

  it('review queue: what is read with little confidence waits as pending and never reaches prompts until kept', async () => {
    const l = make();
    // Contradictory within one message: the later value is only proposed.
    const [doubtful] = await l.learnFromText('We always indent with tabs. We always indent with 2 spaces.');
    assert.equal(doubtful.status, 'pending');
    assert.equal(l.applyPreferencesToPrompt('Write a function'), 'Write a function');
    // Repeating the doubtful reading does not slip it in either.
    await l.learnFromText('We always indent with tabs. We always indent with 2 spaces.');
    assert.equal(l.pendingPreferences()[0].status, 'pending');
    // The local model's proposals always wait, whatever confidence it claims.
    clock.advance(1000);
    const [fromModel] = await l.propose([
      { category: 'workflow', key: 'statement:0000beef', value: 'We rebase feature branches.', statement: 'We rebase feature branches.', confidence: 0.99 },
    ]);
    assert.equal(fromModel.status, 'pending');
    assert.deepEqual(
      l.pendingPreferences().map((p) => p.id),
      ['workflow:statement:0000beef', 'coding_style:indent'],
    );
    await l.confirm('coding_style:indent'); // Keep
    await l.reject('workflow:statement:0000beef'); // Dismiss
    assert.deepEqual(l.pendingPreferences(), []);
    assert.match(l.applyPreferencesToPrompt('Write a function'), /- Indent with 2 spaces/);
    // A clear statement of the same value later is learned directly.
    const [clear] = await l.learnFromText('Our tests always use vitest.');
    assert.equal(clear.status, 'learned');
  });

  it('keeps at most 50 proposals waiting, dropping the oldest', async () => {
    const l = make();
    for (let i = 0; i < 55; i++) {
      clock.advance(1000);
      await l.propose([{ category: 'tools', key: `statement:${i}`, value: `v${i}`, statement: `s${i}`, confidence: 0.5 }]);
    }
    const pending = l.pendingPreferences();
    assert.equal(pending.length, 50);
    assert.equal(pending[0].id, 'tools:statement:54');
    assert.equal(pending.at(-1)!.id, 'tools:statement:5');
  });

  it('persists through the KeyValueStore and restores with toJSON/fromJSON', async () => {
    const l = make();
    await l.learnFromText('always use tabs');
    await l.confirm('coding_style:indent');
    const again = make();
    assert.deepEqual(again.toJSON(), l.toJSON());
    assert.equal(again.getPreferences()[0].status, 'confirmed');
    kv.data.set('jarvis.memory.preferences', { version: 99 });
    assert.equal(make().getPreferences().length, 0, 'a damaged snapshot starts empty instead of failing');
    assert.throws(() => l.fromJSON({ version: 1, preferences: [{ id: 1 }] }), /Not a saved preference snapshot/);
  });

  it('refuses workspace learning and edit evidence in an untrusted workspace', async () => {
    trusted = false;
    const l = make();
    await assert.rejects(
      l.learnFromWorkspaceConfig([{ fileName: '.editorconfig', content: '[*]\nindent_style = tab' }]),
      (e) => isJarvisError(e, 'untrusted-workspace') && /learn preferences from workspace files/.test(e.message),
    );
    await assert.rejects(l.recordEditEvidence({ kind: 'indent', value: 'tabs' }), (e) => isJarvisError(e, 'untrusted-workspace'));
    assert.equal(l.getPreferences().length, 0);
    assert.equal(kv.data.size, 0);
    await l.learnFromText('always use tabs');
    assert.equal(l.getPreferences().length, 1, 'what the user says explicitly is still learned');
  });

  it('refuses bad input with clear errors', async () => {
    const l = make();
    assert.throws(() => PreferenceLearner.load({} as never), /needs a KeyValueStore/);
    assert.throws(() => PreferenceLearner.load({ store: kv, threshold: 0 }), /threshold must be in \(0, 1\]/);
    assert.throws(() => PreferenceLearner.load({ store: kv, halfLifeDays: -1 }), /halfLifeDays must be positive/);
    await assert.rejects(l.learnFromText(3 as never), /needs the text as a string/);
    await assert.rejects(l.learnFromText('x', 'rumour' as never), /source must be "explicit" or "inferred"/);
    await assert.rejects(l.recordEditEvidence({ kind: 'colour' as never, value: 'red' }), /Unknown edit kind "colour"/);
    await assert.rejects(l.recordEditEvidence({ kind: 'indent', value: '100 spaces' }), /not a valid indent value/);
    await assert.rejects(l.recordEditEvidence({ kind: 'language', value: '' }), /needs the language name/);
    await assert.rejects(l.confirm('nope'), /no preference "nope"/);
    await assert.rejects(l.propose('x' as never), /needs a list/);
    assert.throws(() => l.applyPreferencesToPrompt('p', { budgetTokens: -1 }), /budgetTokens must be ≥ 0/);
    await assert.rejects(l.edit('nope', { value: '' }), /non-empty value/);
    assert.throws(() => l.getPreferences('style' as never), /Unknown preference category "style"/);
  });
});
