import * as assert from 'node:assert/strict';
import { extractPreferences } from '../../../../src/core/memory/preferences/extractPreferences';
import type { Preference } from '../../../../src/core/memory/preferences/Preference';
import type { PreferenceCategory } from '../../../../src/core/memory/preferences/PreferenceCategory';
import { preferencesConflict } from '../../../../src/core/memory/preferences/preferencesConflict';
import { selectPreferences } from '../../../../src/core/memory/preferences/selectPreferences';

let clock = 0;
/** A stored preference; each one made is newer than the last. */
function stored(category: PreferenceCategory, key: string, statement: string, value = statement): Preference {
  clock += 1000;
  return {
    id: `${category}:${key}`,
    category,
    key,
    value,
    statement,
    status: 'learned',
    confidence: 0.9,
    evidenceCount: 1,
    sources: ['explicit'],
    createdAt: clock,
    lastEvidenceAt: clock,
  };
}

const applied = (ps: Preference[], prompt = 'Write a function that parses dates in the answer.') =>
  selectPreferences(ps, { prompt }, 1000).used.map((p) => p.statement);

describe('supersession is topic-aware', () => {
  it('a statement saying the opposite of a structured preference supersedes it when newer', () => {
    const tabs = stored('coding_style', 'indent', 'Indent with tabs', 'tabs');
    const noTabs = stored('coding_style', 'statement:a', 'Our team never indents with tabs.');
    assert.ok(preferencesConflict(tabs, noTabs));
    assert.deepEqual(applied([tabs, noTabs]), ['Our team never indents with tabs.']);
  });

  it('a newer structured preference supersedes an older statement on its topic', () => {
    const noSemis = stored('coding_style', 'statement:b', "Don't put semicolons at the end of lines.");
    const semis = stored('coding_style', 'semicolons', 'End statements with semicolons', 'always');
    assert.deepEqual(applied([noSemis, semis]), ['End statements with semicolons']);
  });

  it('a statement agreeing with a structured preference does not supersede it', () => {
    const tabs = stored('coding_style', 'indent', 'Indent with tabs', 'tabs');
    const agree = stored('coding_style', 'statement:c', 'Tabs are what we like for indentation.');
    assert.equal(preferencesConflict(tabs, agree), false);
  });

  it('two answer languages: the newer one wins', () => {
    const german = stored('communication', 'statement:d', 'Reply to me in German.');
    const french = stored('communication', 'statement:e', 'Always respond in French.');
    assert.deepEqual(applied([german, french]), ['Always respond in French.']);
    const spanish = stored('communication', 'statement:f', 'Antworte mir bitte auf Spanisch.');
    assert.ok(preferencesConflict(french, spanish));
  });

  it('answer language and answer length are different slots: both apply', () => {
    const english = stored('communication', 'statement:g', 'Write your replies in English.');
    const brief = stored('communication', 'statement:h', 'Write your replies briefly and concisely.');
    assert.equal(preferencesConflict(english, brief), false);
    assert.deepEqual(applied([english, brief]).sort(), ['Write your replies briefly and concisely.', 'Write your replies in English.']);
  });

  it('short against detailed answers, in any of the four languages', () => {
    const pairs: [string, string][] = [
      ['Keep explanations brief.', 'I want detailed answers.'],
      ['Halte die Antworten kurz.', 'Gib mir ausführliche Erklärungen.'],
      ['Respuestas cortas, por favor.', 'Quiero respuestas detalladas.'],
      ['Des réponses courtes.', 'Je veux des explications détaillées.'],
    ];
    for (const [a, b] of pairs)
      assert.ok(preferencesConflict(stored('communication', 'statement:x', a), stored('communication', 'statement:y', b)), `${a} / ${b}`);
  });

  it('without a slot, shared words alone do not supersede; the same words said both ways do', () => {
    const a = stored('coding_style', 'statement:i', 'Use early returns in functions.');
    const b = stored('coding_style', 'statement:j', 'Use early returns in handlers too.');
    const c = stored('coding_style', 'statement:k', "Don't use early returns in functions.");
    assert.equal(preferencesConflict(a, b), false);
    assert.ok(preferencesConflict(a, c));
  });
});

describe('contradictions inside one message', () => {
  it('two statements on one topic, said both ways, both go to review with a reason', () => {
    const found = extractPreferences('Keep every answer brief. I always want long, detailed explanations.');
    assert.equal(found.length, 2);
    for (const p of found) {
      assert.ok(p.confidence < 0.5, `${p.sentence}: below any threshold`);
      assert.match(p.conflict ?? '', /same message/);
    }
  });

  it('after a correction cue only the later statement stands, at full confidence', () => {
    const found = extractPreferences('Always answer in German. Actually, always answer in English.');
    assert.deepEqual(
      found.map((p) => p.statement),
      ['Actually, always answer in English.'],
    );
    assert.equal(found[0].conflict, undefined);
  });

  it('statements on different slots in one message are both kept', () => {
    const found = extractPreferences('Always answer in English. Keep your answers short.');
    assert.equal(found.length, 2);
    assert.ok(found.every((p) => p.conflict === undefined));
  });
});
