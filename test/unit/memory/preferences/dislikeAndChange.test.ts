import * as assert from 'node:assert/strict';
import { extractPreferences } from '../../../../src/core/memory/preferences/extractPreferences';

/** The structured value read from a sentence, as `key=value`, or '-' when none. */
function read(sentence: string): string {
  const p = extractPreferences(sentence).find((x) => !x.key.startsWith('statement:'));
  return p ? `${p.key}=${p.value}` : '-';
}

describe('extractPreferences: dislikes and changes of habit', () => {
  describe('a verb of disliking puts the mention on the "not wanted" side', () => {
    const cases: [string, string][] = [
      ['Honestly I hate semicolons in our frontend code.', 'semicolons=never'],
      ["I really can't stand semicolons at line ends.", 'semicolons=never'],
      ['We dislike trailing semicolons, so leave them out.', 'semicolons=never'],
      ['No more semicolons anywhere, please.', 'semicolons=never'],
      ['Ich hasse Semikolons in unserem Code.', 'semicolons=never'],
      ['Wir mögen keine Semikolons am Zeilenende.', 'semicolons=never'],
      ['Odio los punto y coma en el código nuevo.', 'semicolons=never'],
      ['No soporto los punto y coma al final.', 'semicolons=never'],
      ['Je déteste les points-virgules en fin de ligne.', 'semicolons=never'],
      ['Je ne supporte pas les points-virgules dans le code.', 'semicolons=never'],
      ['I hate double quotes in TypeScript strings.', 'quotes=single'],
      ['I hate tabs; indent everything with 4 spaces.', 'indent=4 spaces'],
    ];
    for (const [s, want] of cases) it(`${JSON.stringify(s)} → ${want}`, () => assert.equal(read(s), want));
  });

  describe('"used to X, now Y" and "moved from X to Y" keep the later value', () => {
    const cases: [string, string][] = [
      ['Our team used to install with npm, these days we use pnpm.', 'package-manager=pnpm'],
      ['Last year we switched from yarn to pnpm for every package.', 'package-manager=pnpm'],
      ['We migrated our tests from mocha to vitest.', 'test-framework=vitest'],
      ['Früher haben wir npm benutzt, heute nehmen wir pnpm für Pakete.', 'package-manager=pnpm'],
      ['Wir sind bei den Tests von jest zu vitest gewechselt.', 'test-framework=vitest'],
      ['Antes usábamos npm, ahora instalamos los paquetes con pnpm.', 'package-manager=pnpm'],
      ['Cambiamos de jest a vitest para las pruebas.', 'test-framework=vitest'],
      ['Avant on utilisait npm, maintenant on installe les paquets avec yarn.', 'package-manager=yarn'],
      ['Nous sommes passés de jest à vitest pour les tests.', 'test-framework=vitest'],
    ];
    for (const [s, want] of cases) it(`${JSON.stringify(s)} → ${want}`, () => assert.equal(read(s), want));
  });

  it('a plain statement keeps its value (the dislike cue is what negates)', () => {
    assert.equal(read('Always end statements with semicolons.'), 'semicolons=always');
    assert.equal(read('We use yarn for packages in every repo.'), 'package-manager=yarn');
  });
});
