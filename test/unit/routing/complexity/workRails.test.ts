import * as assert from 'node:assert/strict';
import { applyRails } from '../../../../src/core/routing/complexity/applyRails';
import { complexitySignals } from '../../../../src/core/routing/complexity/complexityFeatures';
import { findStakes } from '../../../../src/core/routing/complexity/stakesRails';
import { TaskComplexity } from '../../../../src/core/routing/complexity/TaskComplexity';

const { LOW, MEDIUM, HIGH, CRITICAL } = TaskComplexity;
const OPTS = { closeReading: true, analysisLines: 400, analysisFiles: 8 };
const kinds = (p: string) => findStakes(p).map((m) => m.kind);
const railed = (p: string, tier: TaskComplexity, pLow = 0, lines = 0) =>
  applyRails(tier, complexitySignals(p, undefined, lines > 0 ? 1 : 0, lines), { ...OPTS, veto: { pLow, threshold: 0.5 } });

describe('rails on the work itself: security holes, hard reasoning, chores in risky files', () => {
  it('a security hole described without security words floors the tier at high, in four languages', () => {
    for (const p of [
      'the search box puts whatever you type straight into the SQL string',
      'das Suchfeld setzt die Eingabe direkt in den SQL-String ein',
      'the upload endpoint writes outside the uploads folder if the name has ../ in it',
      'with ../ in the file name you can download the config',
      'the JWT check passes when the signature is missing',
      'la verificación del JWT pasa cuando falta la firma',
      "l'API accepte n'importe quel jeton tant qu'il n'est pas vide",
      'the reset token is four digits and never expires',
      'the login lets you in if you leave the password empty',
    ]) {
      assert.deepEqual(kinds(p), ['security hole'], p);
      assert.equal(railed(p, MEDIUM).level, HIGH, p);
    }
  });

  it('concurrency, memory-model, proof and automata work floors the tier at high; a lesson or a lookup about it does not', () => {
    for (const p of [
      'is this lazy singleton thread-safe under the C++ memory model?',
      'is this compare-and-swap loop linearizable?',
      'beweise, dass diese rekursive Funktion terminiert',
      'minimise this DFA',
      'prouve que cet ordonnancement est optimal',
    ]) {
      assert.deepEqual(kinds(p), ['hard reasoning'], p);
      assert.equal(railed(p, MEDIUM).level, HIGH, p);
    }
    for (const p of ['explain what a lock-free queue is', 'what is a DFA', 'automate the release process', 'fix the import path ../utils in this file']) {
      assert.equal(railed(p, LOW).level, LOW, p);
    }
  });

  it("the model's stakes veto never overrules a security hole or hard reasoning: those words are the ask, not its context", () => {
    const hole = railed('the search box puts whatever you type straight into the SQL string', LOW, 0.97);
    assert.equal(hole.level, HIGH);
    assert.doesNotMatch(hole.reasons.join('; '), /no floor/);
    // Context around an easy ask is still the model's to overrule.
    assert.equal(railed('The billing site went down on Monday, all fine now. Please fix the spelling of recieve in this comment.', LOW, 0.97).level, LOW);
  });

  it('a mechanical edit in a file about money, security or patients sets no floor; an event or a second ask keeps it', () => {
    for (const p of [
      'This service moves customer money. Just sort the imports in this file.',
      'Este servicio maneja fondos de clientes. Solo quita los imports que no se usan.',
      "Ce service gère l'argent des clients. Enlève juste les imports inutilisés.",
      'these files are from the escrow service; switch the double quotes to single quotes',
      'Dieses Modul berechnet Insulindosen; korrigier die Schreibweise von "dosage" in den Kommentaren.',
    ]) {
      assert.deepEqual(kinds(p), [], p);
      assert.equal(railed(p, LOW, 0, 300).level, LOW, p);
    }
    for (const p of [
      'customers were charged twice by this ledger code; rename the variable amt to amount',
      'the ledger is off by a cent, rename the variable',
      'this file moves customer money: sort the imports and review it for rounding bugs',
    ]) {
      assert.ok(kinds(p).includes('money'), p);
      assert.equal(railed(p, LOW, 0, 300).level, HIGH, p);
    }
    // Incidents and live migrations are never mere context of a chore.
    assert.ok(kinds('prod is down since the deploy, rename the variable back to what it was').includes('production incident'));
  });

  it('a mechanical edit is never high or critical by itself (at most medium), unless a stakes floor holds', () => {
    const chore = railed('Hier werden Erstattungen an Kunden gemacht. Benenn nur die Datei in refunds.ts um.', CRITICAL);
    assert.equal(chore.level, MEDIUM);
    assert.match(chore.reasons.join('; '), /mechanical edit → at most medium/);
    assert.equal(railed('rename the variable tmp to slot', HIGH).level, MEDIUM);
    assert.equal(railed('rename the variable tmp to slot', LOW).level, LOW);
    // An incident around the edit keeps its floor; a second ask is no mere chore.
    assert.equal(railed('prod is down since the deploy, rename the variable back to what it was', CRITICAL).level, CRITICAL);
    assert.equal(railed('rename the variable tmp to slot and review the locking for races', HIGH).level, HIGH);
  });

  // Session 12, from the kinds of dev-2's costly misses (general phrasings, not those rows' words).
  it('outages told by their effect, intruders found, clinical decisions and locks failing on ARM set their floors, in four languages', () => {
    const cases: Array<[string, string]> = [
      ["customers can't pay at checkout right now", 'production incident'],
      ['seit 5 Minuten: Kunden können nicht mehr bezahlen', 'production incident'],
      ['los clientes ya no pueden pagar desde las 9', 'production incident'],
      ['les clients ne peuvent plus payer depuis ce matin', 'production incident'],
      ['we found a webshell in the uploads folder', 'security'],
      ['auf dem Server liegt eine Hintertür im cron', 'security'],
      ['encontramos una puerta trasera en el servidor', 'security'],
      ['on a trouvé une porte dérobée sur le serveur', 'security'],
      ['this code flags lab results as critical and pages the physician', 'regulated or safety-critical'],
      ['diese Logik entscheidet, wann der Arzt benachrichtigt wird', 'regulated or safety-critical'],
      ['esta función avisa al médico si el valor es crítico', 'regulated or safety-critical'],
      ['ce module prévient le médecin de garde', 'regulated or safety-critical'],
      ['our spinlock works on x86 but hangs on ARM sometimes', 'hard reasoning'],
      ['dieser Mutex läuft auf x86, hängt aber auf ARM', 'hard reasoning'],
      ['ce verrou marche sur x86 mais bloque sur ARM64', 'hard reasoning'],
    ];
    for (const [p, kind] of cases) assert.ok(kinds(p).includes(kind), `${p}: ${kinds(p).join(', ')}`);
    // The same words where nothing is at stake: a lesson, a build target, a lookup.
    assert.deepEqual(kinds('build the docker image for x86 and ARM'), []);
    assert.deepEqual(kinds('users can sign up with email'), []);
  });

  it('refunds or payments made twice are money at stake, in either word order and four languages', () => {
    for (const p of [
      'some customers were refunded twice',
      'prüf diesen Erstattungscode, manche Kunden haben zweimal eine Erstattung bekommen',
      'algunos clientes fueron reembolsados dos veces',
      'certains clients ont été remboursés deux fois',
    ]) {
      assert.deepEqual(kinds(p), ['money'], p);
    }
    assert.deepEqual(kinds('explain what a refund is'), []);
  });

  it('French "écriture" (writing) is a noun, not a work verb: "c\'est quoi un journal d\'écriture anticipée" is a plain fact', () => {
    assert.equal(complexitySignals("c'est quoi un journal d'écriture anticipée", undefined, 0).plainFact, true);
    assert.equal(complexitySignals("c'est quoi la commande, écris-la", undefined, 0).plainFact, false);
  });

  it('"what is meant by …" asks for a definition, and "just the term" makes money or security words a topic, in four languages', () => {
    for (const p of [
      'was versteht man unter "Datenverlust" bei einem Backup-Konzept',
      '¿qué se entiende por pérdida de datos en un backup?',
      "qu'entend-on par perte de données dans une sauvegarde ?",
    ]) {
      assert.equal(complexitySignals(p, undefined, 0).plainFact, true, p);
    }
    assert.equal(complexitySignals('was versteht man unter dem Fehler hier, behebe ihn', undefined, 0).plainFact, false);
    for (const p of ['ledger', 'Hauptbuch', 'libro mayor', 'grand livre']) {
      assert.deepEqual(kinds(p), ['money'], p);
    }
    for (const p of ['ledger, just the term', 'Hauptbuch, nur der Begriff', 'libro mayor, solo el término', 'grand livre, juste le terme']) {
      assert.deepEqual(kinds(p), [], p);
    }
    assert.deepEqual(kinds('the ledger is off by a cent twice, just the term'), ['money']);
  });

  it('"…; which concurrency control do we need?" is a design question, not a lookup after context, in four languages', () => {
    for (const p of [
      'wir verlieren Updates, wenn zwei Benutzer denselben Datensatz bearbeiten; welche Nebenläufigkeitskontrolle brauchen wir?',
      'two workers sometimes run the same job; which locking scheme do we need?',
    ]) {
      assert.equal(complexitySignals(p, undefined, 0).lookup, false, p);
    }
    assert.equal(complexitySignals('We moved to Postgres last year. What does VACUUM do?', undefined, 0).lookup, true);
  });
});
