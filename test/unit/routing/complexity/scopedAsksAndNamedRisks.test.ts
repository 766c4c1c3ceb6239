import * as assert from 'node:assert/strict';
import { complexitySignals } from '../../../../src/core/routing/complexity/complexityFeatures';
import { railSignals } from '../../../../src/core/routing/complexity/complexityRails';

const kinds = (p: string) => railSignals(p).stakes.map((m) => m.kind);
const signals = (p: string) => complexitySignals(p, undefined, 0, 0);

// Session 18, from the kinds of heldout-9's costly misses: small work told after a story in a risky team,
// an incident that is over, a "can you just …" last sentence, and risks named in few words. Fresh phrasings.
describe('small work after a story, incidents that are over, and risks named in few words', () => {
  const bankStory =
    'I started on the payments platform team last month and honestly half the meetings are about settlement windows, chargebacks and the regulator, which I mostly nod through. ';

  it('the work itself said to be small drops the story, and the model reads only what follows', () => {
    for (const p of [
      bankStory + 'my first task is super small though, a tooltip on the settings page is cut off. how do I let it wrap in CSS?',
      bankStory + 'Meine Aufgabe ist zum Glück winzig: der Button-Text soll fett sein. Wie geht das in CSS?',
      bankStory + 'Y ahora una tontería: ¿cómo ordeno un array de strings en JavaScript?',
      bankStory + 'Ma mission est toute simple : afficher la date du jour en haut de page. Comment faire en JavaScript ?',
      bankStory + 'here is the component, can you just make the header sticky',
    ]) {
      const s = signals(p);
      assert.deepEqual(s.stakes, [], p);
      assert.ok(s.scopedAsk !== undefined && s.modelText.trim() === s.scopedAsk, p);
    }
  });

  it('an incident the story says is over is no live incident; one still going keeps its floor', () => {
    const over =
      'Rough night: the checkout service was down for two hours, we rolled back, everything is stable again and the postmortem is written. Different question: how do I list the git tags sorted by date?';
    assert.deepEqual(kinds(over), []);
    const live =
      'Rough night: the checkout service is down since two hours and the rollback did not help, we are all on the call. Different question: how do I list the git tags sorted by date?';
    assert.ok(kinds(live).includes('production incident'));
  });

  it('a small work pivot keeps what went wrong in the story and the stakes of its own words', () => {
    const p = bankStory + 'my task is tiny though: a customer was charged twice yesterday, can you find why in this handler?';
    assert.ok(kinds(p).includes('money'));
  });

  it('consensus protocols, unchecked OAuth state and money changing representation set their floors', () => {
    assert.deepEqual(kinds('paxos acceptor bug, ballots go backwards'), ['hard reasoning']);
    assert.deepEqual(kinds('our OIDC login never validates the nonce in the id token'), ['security hole']);
    for (const p of [
      'migrate the stored invoice amounts from double to integer cents',
      'konvertiere alle gespeicherten Beträge von Float in Ganzzahlen (Cent)',
      'convierte los importes guardados de float a enteros en céntimos',
      'convertir tous les montants stockés de float en entiers (centimes)',
    ]) {
      assert.ok(kinds(p).includes('money'), p);
    }
    // Formatting a price is no migration of stored money.
    assert.deepEqual(kinds('format the price as 1,234.50 in the product card'), []);
  });

  it('a big review whose bulk the user says is generated is no close reading; a real big review is', () => {
    for (const p of [
      'please review, 2400 lines but mostly regenerated gRPC stubs, the real change is in the retry helper',
      'review bitte, 3000 Zeilen, größtenteils generiert, eigentlich geht es um die Datumsfunktion',
      'revisa el PR, casi todo son snapshots, lo importante es el parser',
      'relis la PR, surtout du code généré, le vrai changement est dans le cache',
    ]) {
      assert.equal(railSignals(p).analysis, false, p);
    }
    assert.equal(railSignals('please review this 2400-line module for race conditions').analysis, true);
    // Snapshot isolation and lock files are subjects, not generated bulk.
    assert.equal(railSignals('review the snapshot isolation in this 2400-line storage engine').analysis, true);
  });

  it('"my problem of the day is silly:", "tiny question though:" are small asks too (4 languages)', () => {
    for (const pivot of [
      'My problem today is really simple:',
      'Small question though:',
      'Mein Problem heute ist eigentlich simpel:',
      'El problema de hoy es muy tonto:',
      'Mon souci du jour est tout simple :',
    ]) {
      const s = signals(bankStory + pivot + ' how do I round a number to one decimal in Python?');
      assert.deepEqual(s.stakes, [], pivot);
      assert.ok(s.scopedAsk?.startsWith('how do i round'), pivot);
    }
  });

  it('fictitious data, a course, or "what is it, in one line?" make a regulated setting no stakes', () => {
    for (const p of [
      'pandas: average length of stay per ward in my synthetic patients dataset',
      'für einen Kurs: wie gruppiere ich fiktive Patientendaten nach Alter?',
      'datos ficticios de pacientes: ¿cómo hago un histograma de la edad?',
      'the hospital glossary says "clinical decision support" — what is it, in one line?',
    ]) {
      assert.deepEqual(kinds(p), [], p);
    }
    assert.ok(kinds('our hospital exports real patients to the wrong clinic since Monday').includes('regulated or safety-critical'));
  });
});
