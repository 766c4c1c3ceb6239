import * as assert from 'node:assert/strict';
import { complexitySignals } from '../../../../src/core/routing/complexity/complexityFeatures';
import { findStakes } from '../../../../src/core/routing/complexity/stakesRails';

const signals = (p: string) => complexitySignals(p, undefined, 0, 0);
const kinds = (p: string) => findStakes(p).map((m) => m.kind);
const names = (kind: string, prompts: string[]) => {
  for (const p of prompts) assert.ok(kinds(p).includes(kind), `${kind}: ${p}`);
};
const namesNot = (kind: string, prompts: string[]) => {
  for (const p of prompts) assert.ok(!kinds(p).includes(kind), `not ${kind}: ${p}`);
};

// Session 21, from the kinds of heldout-17's costly misses: a write-up after an incident the story says is closed,
// a last sentence closed by "that's all", a service that falls over again and again, opioid and syringe pumps, API
// and system designs whose trade-offs are asked, and a latency goal for a whole stack. Fresh phrasings in four
// languages, none of that set's rows, each with a look-alike that must keep (or not get) its floor.
describe('closed incidents around a small ask, and design choices told in plain words', () => {
  it('a small ask after an incident the story says is closed keeps no incident floor (4 languages)', () => {
    for (const p of [
      'long weekend: the booking api was down saturday night, we rolled back, the incident was closed on sunday. could you just turn these notes into a bulleted list',
      'Der Shop war gestern zwei Stunden weg, wir haben neu deployt und der Vorfall ist abgeschlossen. Kannst du nur diese Zeilen alphabetisch sortieren?',
      'el martes se cayó el servidor de facturas, lo levantamos a las tres y ya cerramos el incidente. ¿puedes solo pasar estas notas a una lista numerada?',
      "mardi l'api de réservation est tombée, on a redémarré les pods et l'incident est clos. Tu peux juste mettre ces notes en liste à puces ?",
    ]) {
      assert.deepEqual(
        signals(p).stakes.map((m) => m.kind),
        [],
        p,
      );
    }
  });

  it('a write-up after a check that found nothing missing is no live incident either (4 languages)', () => {
    for (const p of [
      'yesterday the orders database failed over, support checked every order and nothing was lost. can you just fix the headings of this report',
      'Gestern ist die Datenbank ausgefallen, der Hoster hat bestätigt, dass nichts fehlt. Kannst du nur die Überschriften in diesem Bericht vereinheitlichen?',
      'ayer se cayó la base de datos de pedidos, revisamos todo y no faltó nada. ¿puedes solo poner en negrita los títulos de este informe?',
      "hier la base des commandes est tombée, on a tout revérifié et rien n'a été perdu. Tu peux juste corriger les titres de ce rapport ?",
    ]) {
      assert.deepEqual(
        signals(p).stakes.map((m) => m.kind),
        [],
        p,
      );
    }
  });

  it('the same small ask while the incident goes on keeps its floor', () => {
    for (const p of [
      'the booking api is down since 9, we are rolling back right now. could you just turn these notes into a bulleted list',
      'Der Shop ist seit einer Stunde nicht erreichbar, wir suchen noch. Kannst du nur diese Zeilen alphabetisch sortieren?',
    ]) {
      assert.ok(
        signals(p).stakes.some((m) => m.kind === 'production incident'),
        p,
      );
    }
  });

  it('a last sentence closed by "that\'s all" is the one thing asked, and the model reads only it after a story (4 languages)', () => {
    const story =
      'so the context: our team runs the payment reconciliation for three banks, there were audits all month, the regulator visited twice and everyone is tired. ';
    for (const [text, ask] of [
      [story + 'How do I make a markdown table column right-aligned? That is all.', 'how do i make a markdown table column right-aligned?'],
      [
        'Kurz zum Hintergrund: wir betreiben die Abrechnung von drei Krankenkassen, der Prüfer war die ganze Woche im Haus, alle sind angespannt. Wie zentriere ich einen Text in CSS? Mehr will ich gar nicht.',
        'wie zentriere ich einen text in css?',
      ],
      [
        'Contexto: llevamos los cobros de tres bancos y dos aseguradoras, hubo auditorías todo el mes, el regulador vino dos veces y el equipo entero está agotado. ¿Cómo pongo en mayúsculas la primera letra en Python? Nada más.',
        '¿como pongo en mayusculas la primera letra en python?',
      ],
      [
        "Pour le contexte : on gère les paiements de trois banques et d'une mutuelle, il y a eu des audits tout le mois, le régulateur est passé deux fois et toute l'équipe est épuisée. Comment on met une image en fond en CSS ? C'est tout.",
        'comment on met une image en fond en css ?',
      ],
    ]) {
      const s = signals(text);
      assert.equal(s.scopedAsk, ask, text);
      assert.equal(s.modelText, ask, text);
    }
    // Without the closing words the last sentence is not scoped: the whole prompt is read.
    assert.equal(signals(story + 'How do I make a markdown table column right-aligned?').scopedAsk, undefined);
    // "That's all" inside a sentence closes nothing.
    assert.equal(signals("that's all the code we have, why does the build fail on arm?").scopedAsk, undefined);
  });

  it('a service that falls over again and again is a live incident (4 languages)', () => {
    names('production incident', [
      'the checkout service keeps crashing since lunch, customers see a blank page',
      'our api restarts every few minutes with OOMKilled',
      'der Zahlungsdienst stürzt alle paar Minuten ab, die Logs zeigen nur Timeouts',
      'el servidor de pagos se reinicia cada pocos minutos y nadie sabe por qué',
      'le serveur de paiement plante toutes les dix minutes depuis la mise à jour',
    ]);
  });

  it('a crash told without a service, or a crash of a local tool, is no incident', () => {
    namesNot('production incident', [
      'my vscode keeps crashing when I open a big json file',
      'the unit test crashes every time I run it with --watch',
      'Android Studio stürzt ständig ab, wenn ich den Emulator starte',
      'el emulador se cuelga todo el rato en mi portátil',
      "l'éditeur plante sans arrêt quand j'ouvre un gros fichier",
    ]);
  });

  it('code that drives opioid or syringe pumps is patient safety (4 languages)', () => {
    names('patient or functional safety', [
      'check the rate conversion in this PCA pump module, units are ml/h',
      'this computes the morphine bolus limit for the ward tablets, is the rounding right?',
      'prüf bitte die Umrechnung der Laufrate für unsere Spritzenpumpen',
      'revisa el cálculo del ritmo de la bomba de morfina en esta función',
      'vérifie le calcul du débit du pousse-seringue dans ce module',
    ]);
    namesNot('patient or functional safety', [
      'a pump animation for the loading spinner',
      'eine Pumpe als Icon im Dashboard',
      'la bomba de agua del jardín, un script para el temporizador',
    ]);
  });

  it('an API or system design whose trade-offs are asked, or a choice between designs, is hard reasoning (4 languages)', () => {
    names('hard reasoning', [
      'our partner API needs pagination and rate limits; sketch the contract and the tradeoffs',
      'we are torn between graphql and a versioned REST api for the mobile clients, help us decide',
      'Unsere interne API braucht Versionierung, wäge die Varianten ab und nenn Vor- und Nachteile',
      'wir schwanken zwischen Kafka und einfachen Webhooks für die Lieferstatus-Events',
      'para la api pública, ¿versionado en la URL o en cabeceras? dame pros y contras',
      'dudamos entre microservicios y un monolito modular para la nueva plataforma',
      "on hésite entre une file de messages et des webhooks pour l'intégration des transporteurs",
      "pour l'architecture du module de facturation, donne-moi le pour et le contre de chaque option",
    ]);
  });

  it('the same words as a lesson, or a trade-off about no system, are not', () => {
    namesNot('hard reasoning', [
      'explain the tradeoffs of REST vs GraphQL for a junior',
      'erkläre mir kurz die Vor- und Nachteile von Tabs vs Leerzeichen',
      'pros y contras de usar tabs o espacios en Python',
      'le pour et le contre de prettier par rapport à eslint --fix ?',
    ]);
  });

  it('a latency or startup goal for a whole stack is performance work across a system (4 languages)', () => {
    names('hard reasoning', [
      'login takes 4s end to end, figure out where it goes and get it under one',
      'the p95 of search is 2.5s across the whole stack: frontend, gateway, three services and postgres',
      'Der Kaltstart unserer App dauert 7 Sekunden, wie bekommen wir das über den ganzen Stack unter 2?',
      'la latencia del checkout es de 3 s de punta a punta, ¿por dónde empezamos?',
      'le temps de démarrage est de 8 s, il faut le diviser par quatre sur toute la pile',
    ]);
    namesNot('hard reasoning', [
      'the end to end tests take 40 s, can I run them in parallel?',
      'add a 5 s timeout to this fetch call',
      'Setz den Timeout des Requests auf 30 Sekunden',
      'pon un retardo de 2 s antes de reintentar',
    ]);
  });
});
