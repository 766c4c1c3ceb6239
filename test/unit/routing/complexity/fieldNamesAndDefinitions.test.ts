import * as assert from 'node:assert/strict';
import { railSignals } from '../../../../src/core/routing/complexity/complexityRails';

const kinds = (p: string) => railSignals(p).stakes.map((m) => m.kind);

// Session 18: a risky domain's word as a column name ("drop rows where "dose" is empty") floored chores at
// high, and so did a one-line "is X the same as Y?" about a regulation. Fresh phrasings, written for this test.
describe('a risky word as a field name, and a definition asked', () => {
  it('a medical, regulated or money word naming a column or field sets no floor', () => {
    for (const p of [
      'polars: keep only the rows whose "dosage_unit" column is not null',
      'SQL: count rows per ward where the column dose is zero',
      'add a `price` field to the product DTO',
      'dplyr: entferne die Zeilen, in denen die Spalte "dosis" NA ist',
      'pandas: quita las filas cuyo campo "dosis" está vacío',
      'SQL : compte les lignes où le champ « dose » vaut zéro',
    ]) {
      assert.deepEqual(kinds(p), [], p);
    }
  });

  it('the same word keeps its floor when it is the work itself or something went wrong', () => {
    assert.deepEqual(kinds('implement the insulin dose calculation for the pump firmware'), ['patient or functional safety']);
    assert.deepEqual(kinds('the dose column of the infusion log is in the wrong unit on the ward screens'), ['patient or functional safety']);
    assert.ok(kinds('the amount column was charged twice for some orders').includes('money'));
    // A column noun elsewhere does not hide a risky word that names the work.
    assert.deepEqual(kinds('add a created_at column, then fix the chemotherapy dosing schedule it feeds'), ['patient or functional safety']);
  });

  it('a short "same as / difference between" question about a regulation is a definition', () => {
    for (const p of [
      'is HIPAA the same thing as HITECH?',
      'ist die DSGVO dasselbe wie die ePrivacy-Verordnung?',
      '¿PCI DSS y PA-DSS son lo mismo?',
      'quelle est la différence entre la RGPD et la loi Informatique et Libertés, en une phrase ?',
    ]) {
      const s = railSignals(p);
      assert.equal(s.lesson, true, p);
      assert.deepEqual(s.stakes, [], p);
    }
  });

  it('a long or eventful "same as" keeps its stakes', () => {
    const long =
      'our auditors flagged the consent export again and the regulator wants the answer by Friday: is the export the same as the one we filed in March, and what do we change?';
    assert.equal(railSignals(long).lesson, false);
    assert.ok(kinds(long).includes('regulated or safety-critical'));
    assert.equal(railSignals('is the patient record export the same as yesterday, it sent the wrong records twice?').lesson, false);
  });

  it('two requests on one balance at once is money at stake, in four languages; one balance shown twice is not', () => {
    for (const p of [
      'can this top-up handler run twice on the same wallet at the same time if the app retries?',
      'zwei Buchungen laufen parallel auf demselben Guthaben – reicht das Lock im Service?',
      '¿qué pasa si dos reintentos descuentan del mismo saldo al mismo tiempo?',
      'deux débits en parallèle sur le même compte, la transaction suffit-elle ?',
    ]) {
      assert.ok(kinds(p).includes('money'), p);
    }
    assert.deepEqual(kinds('show the same account name in the header and in the sidebar'), []);
    assert.equal(railSignals('zeig dasselbe Konto in der Kopfzeile an').lesson, false);
  });

  it('a component named for a risky domain, or a demo app with that theme, sets no floor; the real thing does', () => {
    for (const p of [
      'the MedicationScheduleModal closes when I press Enter, how do I stop that in React?',
      'where should invoice_summary_view.tsx live in a Next.js app folder?',
      'a toy app for a clinic: list the doctors alphabetically in a select box',
      'mi app de ejemplo de un banco: ¿cómo centro el logo?',
      'dans mon appli de démo pour une pharmacie, comment trier la liste des médicaments ?',
    ]) {
      assert.deepEqual(kinds(p), [], p);
    }
    assert.deepEqual(kinds('the MedicationService gives the wrong dose after the unit change'), ['patient or functional safety']);
    assert.ok(kinds('our hospital ward app shows other patients to nurses').includes('regulated or safety-critical'));
  });
});
