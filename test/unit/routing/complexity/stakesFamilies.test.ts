import * as assert from 'node:assert/strict';
import { applyRails } from '../../../../src/core/routing/complexity/applyRails';
import { complexitySignals } from '../../../../src/core/routing/complexity/complexityFeatures';
import { findStakes } from '../../../../src/core/routing/complexity/stakesRails';
import { TaskComplexity } from '../../../../src/core/routing/complexity/TaskComplexity';

const { LOW, MEDIUM, HIGH } = TaskComplexity;
const OPTS = { closeReading: true, analysisLines: 400, analysisFiles: 8 };
const kinds = (p: string) => findStakes(p).map((m) => m.kind);
const railed = (p: string, tier: TaskComplexity, pLow = 0) =>
  applyRails(tier, complexitySignals(p, undefined, 0, 0), { ...OPTS, veto: { pLow, threshold: 0.5 } });
// Each prompt finds its kind, and that kind lifts a medium guess to at least high.
const assertFloors = (cases: ReadonlyArray<[string, string]>) => {
  for (const [p, kind] of cases) {
    assert.ok(kinds(p).includes(kind), `${p}: ${kinds(p).join(', ')}`);
    assert.ok(railed(p, MEDIUM).level >= HIGH, p);
  }
};

// Session 13, from the kinds of heldout-2's costly misses (general phrasings in four languages, none of them
// that set's rows).
describe('stakes families: money moved by code, plain security asks, patient safety, accidental deletion, hard work asked briefly', () => {
  it('money moved by code, named plainly (wallets, withdrawals, loans and liquidation, trading bots, salaries), in four languages', () => {
    for (const p of [
      'can a user withdraw twice before the balance updates?',
      'this job credits wallets when the deposit clears',
      'the market-making bot kept selling after the feed stalled',
      'check when our lending service liquidates collateral',
      'der Webhook erhöht das Guthaben nach jeder Einzahlung',
      'unser Bot hat weiter verkauft, obwohl der Kurs stand',
      'el retiro no comprueba el saldo de la billetera',
      'el bot seguía comprando con el precio congelado',
      'le retrait ne vérifie pas le solde du compte',
      'notre plateforme de prêts liquide les positions trop tôt',
      'wir wechseln den Anbieter für die Gehälter',
      'on change de prestataire de paie en janvier',
    ]) {
      assert.ok(kinds(p).includes('money'), `${p}: ${kinds(p).join(', ')}`);
    }
    // Words that only look like money: a crypto module, "prêt" meaning ready, a bot that sorts.
    for (const p of ['use crypto.randomUUID for the ids', 'le build est prêt pour la prod ?', 'the slack bot sorts messages by date']) {
      assert.deepEqual(kinds(p), [], p);
    }
  });

  it('security asked plainly: how they got in, holes looked for before going live, a secret in a public repo', () => {
    for (const p of [
      'find out how they got in, the access logs are attached',
      'prüf die Registrierung auf Sicherheitslücken',
      'finde heraus, wie die Angreifer reingekommen sind',
      'dime cómo entraron, aquí están los logs',
      'busca vulnerabilidades en el login antes de publicarlo',
      'trouve comment ils sont entrés sur le serveur',
      'le jeton du bot est dans le repo public',
      'cherche les failles de sécurité du formulaire',
    ]) {
      assert.ok(kinds(p).includes('security'), `${p}: ${kinds(p).join(', ')}`);
    }
    // Joining a panel is no break-in; a private-vs-public-key lesson is a lesson.
    assert.deepEqual(kinds('cómo entro al panel de admin'), []);
    assert.deepEqual(kinds('explain private key vs public key for a beginner'), []);
    assert.deepEqual(kinds('erklär öffentlicher vs privater Schlüssel für einen Praktikanten'), []);
  });

  it('patient and functional safety (doses, infusion, devices, safety standards) is an ask kind: the veto never overrules it', () => {
    for (const p of [
      'check the dose calculation in the insulin pump',
      'prüf die Dosierung der Infusionspumpe',
      'revisa la radioterapia: el tiempo de exposición',
      'vérifie le calcul des doses de chimiothérapie',
      'our code falls under IEC 62304, is the test plan enough',
      'la centrale doit tenir IEC 61508 SIL 2',
      'es un producto sanitario de clase II',
    ]) {
      assert.ok(kinds(p).includes('patient or functional safety'), `${p}: ${kinds(p).join(', ')}`);
      const r = railed(p, LOW, 0.95);
      assert.equal(r.level, HIGH, p);
      assert.doesNotMatch(r.reasons.join('; '), /no floor/, p);
    }
    // A lesson about it is a topic; a chore in such a file is a chore.
    assert.deepEqual(kinds('explain what an insulin pump does'), []);
    assert.deepEqual(kinds('rename the variable doseMg to doseMilligrams'), []);
  });

  it('data deleted or overwritten by mistake is data loss, in four languages; the veto still reads an editor undo as context', () => {
    for (const p of [
      'I accidentally deleted the uploads bucket',
      'dropped the orders table by mistake',
      'ich habe versehentlich die Kundendatenbank gelöscht',
      'aus Versehen das Volume überschrieben',
      'borré sin querer la base de datos de pruebas y la de prod',
      'eliminamos por error el bucket de respaldos',
      "j'ai supprimé par erreur la table des clients",
      'on a écrasé par mégarde le fichier des commandes',
    ]) {
      assert.ok(kinds(p).includes('data loss'), `${p}: ${kinds(p).join(', ')}`);
    }
    // A floor the model's confidence can set aside: an editor undo is low work.
    assert.equal(railed('I accidentally deleted a line in vim, how do I undo', LOW, 0.9).level, LOW);
    assert.equal(railed('I accidentally deleted the uploads bucket', LOW, 0.2).level, HIGH);
  });

  it('leader election with fencing and CUDA kernels are hard reasoning; installing CUDA or a lesson is not', () => {
    for (const p of [
      'leader election on zookeeper, and the old leader must stop writing',
      'fencing tokens for our distributed lock',
      'write a tiled CUDA kernel for the stencil',
      'a cuda kernel that coalesces its loads',
    ]) {
      assert.ok(kinds(p).includes('hard reasoning'), `${p}: ${kinds(p).join(', ')}`);
      assert.equal(railed(p, MEDIUM).level, HIGH, p);
    }
    for (const p of ['install cuda on ubuntu 24.04', 'explain what leader election is']) assert.deepEqual(kinds(p), [], p);
  });

  it("a term's name in another language is a plain fact: a regulated word in it sets no floor", () => {
    for (const p of ['RGPD se dit comment en anglais ?', 'wie sagt man DSGVO auf Englisch', '¿cómo se dice RGPD en inglés?', 'how do you say GDPR in French']) {
      assert.equal(complexitySignals(p, undefined, 0).plainFact, true, p);
      assert.equal(railed(p, LOW).level, LOW, p);
    }
    assert.equal(complexitySignals('comment faire un audit RGPD de notre base clients', undefined, 0).plainFact, false);
  });
  // Session 13 round 2, from heldout-3's kinds: an incident told only by a trace repeating on a money table.
  it('an error repeating on a table of money is money at stake, in four languages; a payments table without a repeating error is not', () => {
    for (const p of [
      '`duplicate key value violates unique constraint "refunds_pkey"` looping since the deploy',
      'deadlock on the ledger_entries table keeps firing',
      'der Fehler auf zahlungen_pkey wiederholt sich seit heute Nacht',
      'el error en la tabla de cobros se repite cada minuto',
      "l'erreur sur la table des paiements revient en boucle",
    ]) {
      assert.ok(kinds(p).includes('money'), `${p}: ${kinds(p).join(', ')}`);
      assert.ok(railed(p, MEDIUM).level >= HIGH, p);
    }
    for (const p of ['add an index to the payments_by_day view', 'the settings page keeps repeating the header']) {
      assert.deepEqual(kinds(p), [], p);
    }
  });
  // Session 16, from heldout-6's kinds (an outage told noun-first, often over a pasted trace, set no floor).
  it('production standing still, told noun-first in German, Spanish and French, is an incident; production as a word of planning or reports is not', () => {
    for (const p of [
      'Produktion steht seit 10 Minuten, im Log nur OutOfMemoryError im Batch',
      'die Prod ist weg nach dem Rollout, was zuerst prüfen?',
      'producción caída desde las 9, el log dice ECONNREFUSED',
      'prod caída otra vez, ¿por dónde empiezo?',
      'prod tombée depuis le déploiement, les pods redémarrent',
      "la production à l'arrêt, que regarder d'abord ?",
    ]) {
      assert.ok(kinds(p).includes('production incident'), `${p}: ${kinds(p).join(', ')}`);
      assert.ok(railed(p, LOW).level >= HIGH, p);
    }
    for (const p of [
      'wie benenne ich die Tabelle für die Produktionsplanung?',
      'la producción de este informe tarda mucho, ¿cómo la acelero?',
      'la production du rapport mensuel prend une heure',
      'die Produktion von Testdaten als Skript',
    ]) {
      assert.ok(!kinds(p).includes('production incident'), `${p}: ${kinds(p).join(', ')}`);
    }
  });

  it('ransomware half-named, railway crossings and signalling, CRDTs, call/cc and proper tail calls set a floor; their everyday namesakes do not', () => {
    const cases: Array<[string, string]> = [
      ['el antivirus del servidor saltó con un "ransom" no sé qué y hay archivos .lock', 'security'],
      ['un rançongiciel a chiffré le partage réseau cette nuit', 'security'],
      ['ein Erpressungstrojaner hat den Fileserver verschlüsselt', 'security'],
      ['nach dem Refactoring schließt die Schranke am Bahnübergang 2 s später', 'patient or functional safety'],
      ['our interlocking logic clears the signal before the points are locked', 'patient or functional safety'],
      ['el software del paso a nivel baja la barrera tarde', 'patient or functional safety'],
      ['write a CRDT counter that supports decrement and reset', 'hard reasoning'],
      ['mein Lisp-Interpreter braucht Tail-Call-Optimierung und call/cc', 'hard reasoning'],
      ['comment faire l’optimisation des appels terminaux dans mon interprète Scheme ?', 'hard reasoning'],
    ];
    assertFloors(cases);
    for (const p of [
      'the ransom note font in our game is too small',
      'rename the CrdtView component',
      'el nivel del mar en el mapa',
      'add a tail to the log viewer',
    ]) {
      assert.ok(!kinds(p).includes('hard reasoning') && !kinds(p).includes('patient or functional safety'), `${p}: ${kinds(p).join(', ')}`);
    }
  });

  it('coursework caps a model guess of high or critical at medium unless a stakes floor holds, in four languages', () => {
    for (const p of [
      'implement dijkstra for my algorithms homework, just the textbook version',
      'implementa quicksort en C para la práctica de la asignatura',
      'Hausaufgabe: einen AVL-Baum in Java schreiben',
      'pour le TP, coder un tri fusion en OCaml',
    ]) {
      const r = railed(p, TaskComplexity.CRITICAL);
      assert.equal(r.level, MEDIUM, p);
      assert.ok(
        r.reasons.some((x) => x === 'rail: coursework exercise → at most medium'),
        r.reasons.join('; '),
      );
    }
    // A stakes floor still holds; a variable assignment or a course platform's outage is not coursework.
    assert.ok(railed('for my class project the payments webhook double-charges customers', TaskComplexity.CRITICAL).level >= HIGH);
    assert.equal(railed('fix the assignment to total inside the loop', TaskComplexity.HIGH).level, HIGH);
    assert.equal(railed('implement lock striping for our Cache class', TaskComplexity.HIGH).level, HIGH);
    // A lesson or a concept asked for is capped the same way; a design ask that says "explain" is not a lesson.
    for (const p of ['Erklär mal "eventual consistency", nur das Konzept, keine Implementierung', 'explain vector clocks vs lamport clocks for a junior']) {
      const r = railed(p, TaskComplexity.CRITICAL);
      assert.equal(r.level, MEDIUM, p);
      assert.ok(r.reasons.includes('rail: lesson or concept → at most medium'), r.reasons.join('; '));
    }
    assert.equal(railed('explain how you would shard our 40 TB orders table across regions', TaskComplexity.HIGH).level, HIGH);
  });

  it('loss told by its effect (days of work wiped, a corrupt page, data made unreadable), access left to a former employee, replays and reused nonces set a floor, in four languages', () => {
    const cases: Array<[string, string]> = [
      ['the migration script wiped two weeks of orders from staging and prod', 'data loss'],
      ['nach dem Rebase ist eine Woche Arbeit weg', 'data loss'],
      ['el script dejó una semana de datos perdidos', 'data loss'],
      ['après le déploiement, une semaine de travail a disparu du dépôt', 'data loss'],
      ['ERROR: could not read block 91 in file "base/16384/2619"', 'data loss'],
      ['after re-keying the vault our archived backups became unreadable', 'data loss'],
      ["a former employee's API token still works on the admin panel", 'security'],
      ['mit dem Zugang eines ehemaligen Mitarbeiters wurde gestern ein Export gestartet', 'security'],
      ['alguien usó la cuenta de un ex empleado para bajar facturas', 'security'],
      ["le compte d'un ancien employé a servi à exporter les clients", 'security'],
      ['audit de notre module de paiement avant la mise en prod', 'security'],
      ['our payment provider says webhooks are being replayed to us', 'security hole'],
      ['wir verwenden den IV für jede Nachricht wieder, ist das schlimm?', 'security hole'],
      ['we reuse the nonce for every chunk with AES-GCM', 'security hole'],
    ];
    assertFloors(cases);
    for (const p of [
      'replay the last terminal command',
      'I wiped the whiteboard sketch, redraw the diagram',
      'explain what a nonce is',
      'the ex-employee list page loads slowly',
      'audit log format: which fields do we keep?',
      'make the unreadable chart labels bigger',
    ]) {
      assert.deepEqual(kinds(p), [], p);
    }
  });

  it('an outage told as "prod en panne", a DROP TABLE run on the production server and exactly-once delivery set their floors', () => {
    const cases: Array<[string, string]> = [
      ['Prod en panne : le site ne prend plus de commandes', 'production incident'],
      ['I ran DROP TABLE invoices on the prod server instead of staging', 'data loss'],
      ['ich habe TRUNCATE TABLE kunden auf dem Produktivserver ausgeführt', 'data loss'],
      ['how do we get exactly-once from the queue into the warehouse?', 'hard reasoning'],
      ['¿cómo garantizo que cada evento se procese exactamente una vez?', 'hard reasoning'],
    ];
    assertFloors(cases);
    assert.deepEqual(kinds('write a migration that adds a DROP TABLE for the temp table in the test database'), []);
  });

  it('an ask scoped after a story keeps only its own stakes (and a live incident around it); a plain fact followed by why it is asked is a plain fact', () => {
    const signals = (p: string) => complexitySignals(p, undefined, 0, 0);
    const story = signals(
      'our bank ledger still runs on COBOL and the mainframe exit is next year, but for the slide deck I only need one thing: what year did COBOL first appear?',
    );
    assert.equal(story.plainFact, true);
    assert.deepEqual(story.stakes, []);
    const es = signals('llevo semanas con la migración de nóminas, pero esto es otra cosa: ¿cómo ordeno una lista en Kotlin?');
    assert.deepEqual(es.stakes, []);
    // The incident around the ask stays, and an ask with stakes of its own keeps them.
    assert.ok(signals('checkout is down since 9, different question: what is the nginx reload command?').stakes.some((m) => m.kind === 'production incident'));
    assert.ok(
      signals('long week with the hospital rollout. anyway, unrelated: our payouts were sent twice, how do we claw them back?').stakes.some(
        (m) => m.kind === 'money',
      ),
    );
    const lookup = signals("C'est quoi une faille zero-day ? On en a parlé en réunion ce matin.");
    assert.equal(lookup.plainFact, true);
    assert.equal(signals('what is a zero-day? we found one in our login flow and need to fix it').plainFact, false);
  });
});
