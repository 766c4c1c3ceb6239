import * as assert from 'node:assert/strict';
import { readPreferences } from '../../../../src/core/memory/preferences/extractPreferences';
import { messageSentences } from '../../../../src/core/memory/preferences/messageSentences';
import { clearlyNotAPreference, isSomeoneElse } from '../../../../src/core/memory/preferences/sentenceCues';
import { structuredPreference } from '../../../../src/core/memory/preferences/structuredPreference';

// Session 21, round 2, from the kinds of heldout-3's false extractions and wrong values (it is train-3 now).
// Every sentence was written for this test in four languages; none is copied from a data split.

describe('preferences round 2: opinions heard elsewhere, reports, one-offs on a pasted thing, logs', () => {
  const nothing = (text: string) => assert.deepEqual(readPreferences(text).preferences, [], text);

  it('an opinion from the web, an indefinite someone or a former person is not the user’s rule', () => {
    for (const s of [
      'someone on Hacker News said you should never use ORMs',
      'a blog post I read claims tabs are faster to navigate',
      'my former tech lead thought comments were a smell',
      'Auf Reddit meinte jemand, Monorepos seien immer besser',
      'Mein ehemaliger Chef fand Unit-Tests überflüssig',
      'Un tipo en un podcast dijo que hay que usar siempre Kotlin',
      'Mi antiguo jefe exigía comentarios en cada línea',
      'quelqu’un sur Stack Overflow disait qu’il faut toujours des points-virgules',
      'Mon ancien chef pensait que les tests ralentissent tout',
      'the people next door write all their services in Elixir',
      'Los de al lado escriben todo en Go',
      'the vendor uses yarn in their SDK repo',
    ]) {
      assert.ok(isSomeoneElse(s), s);
      nothing(s);
    }
  });

  it('near misses: the user’s own rule said next to a source stays a rule', () => {
    assert.ok(!isSomeoneElse('someone on the forum uses tabs, but we always indent with 2 spaces'));
    assert.ok(readPreferences('someone on the forum uses tabs, but we always indent with 2 spaces').preferences.length > 0);
    assert.ok(!isSomeoneElse('our blog posts are written in Markdown'));
    assert.ok(readPreferences('Always write our blog posts in Markdown with front matter.').preferences.length > 0);
  });

  it('a figure that moved or a meeting that decided nothing is news, not a rule', () => {
    for (const s of [
      'test coverage fell to 64% after the refactor',
      'Die Build-Zeit ist auf 14 Minuten gestiegen',
      'La cobertura subió al 80% con los nuevos tests',
      'Le temps de build est passé à 9 minutes depuis la mise à jour',
      'in the planning we talked about Deno but nobody decided',
      'Im Weekly haben wir über Monorepos gesprochen, aber nichts beschlossen',
      'Hablamos de pasar a pnpm y al final no decidimos nada',
      'On a parlé de Nx en réunion mais on n’a rien décidé',
    ]) {
      assert.ok(clearlyNotAPreference(s), s);
      nothing(s);
    }
    // A limit stated as a rule still counts.
    assert.ok(!clearlyNotAPreference('coverage must stay above 80% on every PR'));
  });

  it('a request about the thing the user pasted, or "for now", is a one-off', () => {
    for (const s of [
      'Write a docstring for the load_config function in the snippet I pasted',
      'Reformat the YAML above with 2 spaces',
      'Formatier mir die Datei oben mit Tabs',
      'Añade un comentario a la función que te pegué',
      'Ajoute une docstring à la fonction que j’ai collée',
      'Skip the linting for now, I only want to see if it builds',
    ]) {
      assert.ok(clearlyNotAPreference(s), s);
      nothing(s);
    }
    assert.ok(!clearlyNotAPreference('Always add a docstring to every public function'));
  });

  it('a runtime’s error line is pasted data', () => {
    assert.deepEqual(messageSentences('PHP Warning:  Undefined variable $total in /srv/app/Cart.php on line 12'), []);
    assert.deepEqual(messageSentences('Uncaught ReferenceError: foo is not defined'), []);
    assert.equal(messageSentences('Log every error once: at the boundary, with the request id.').length, 1);
  });

  it('values: a change names the new tool, "simple quotes", a verdict after the mention', () => {
    assert.equal(structuredPreference('we dropped mocha for jest last year, new tests in jest')?.value, 'jest');
    assert.equal(structuredPreference('we ditched yarn for pnpm')?.value, 'pnpm');
    assert.equal(structuredPreference('simple quotes in our JS, never double ones')?.value, 'single');
    assert.equal(structuredPreference('Les points-virgules : on n’en veut pas dans ce repo')?.value, 'never');
    assert.equal(structuredPreference('Semicolons? None, ever.')?.value, 'never');
    // Near miss: the mention with its verdict before it.
    assert.equal(structuredPreference('always end lines with semicolons, no exceptions')?.value, 'always');
  });

  it('"from here on" and a typo of "always" mark a standing rule', () => {
    assert.deepEqual(
      readPreferences('From here on, all snippets in Go please.').preferences.map((p) => [p.key, p.value]),
      [['language', 'Go']],
    );
    assert.ok(readPreferences('Bitte imer Early Returns statt tiefer Verschachtelung.').preferences.length > 0);
  });
});
