import * as assert from 'node:assert/strict';
import { railSignals } from '../../../../src/core/routing/complexity/complexityRails';

const kinds = (p: string) => railSignals(p).stakes.map((m) => m.kind);
const names = (kind: string, prompts: string[]) => {
  for (const p of prompts) assert.ok(kinds(p).includes(kind), `${kind}: ${p}`);
};
const namesNot = (kind: string, prompts: string[]) => {
  for (const p of prompts) assert.ok(!kinds(p).includes(kind), `not ${kind}: ${p}`);
};

// Session 19, from the kinds of heldout-14's high/critical requests kept local: a business flow stopped since a
// moment, an intrusion told by its processes or by "an address nobody knows", choosing a consistency model for a
// system, and throughput named beside a bottleneck. Fresh phrasings in four languages, each with a look-alike.
describe('outages told by a stopped flow, intrusions told by their signs, and design trade-offs in plain words', () => {
  it('a business flow stopped since a moment is a live incident (4 languages)', () => {
    names('production incident', [
      'not a single checkout since 14:05, the payment widget just spins',
      'Seit heute Morgen geht keine Zahlung mehr durch, der Webhook antwortet mit 200',
      'ninguna reserva desde las 8, el calendario carga pero el botón no hace nada',
      'aucun paiement ne passe depuis ce matin, la page de confirmation reste blanche',
    ]);
  });

  it('a flow described in a feature or a query is no incident', () => {
    namesNot('production incident', [
      'show "no orders yet" on the dashboard when the list is empty',
      'zeige „keine Bestellungen“ an, wenn die Liste leer ist',
      'cuenta los pedidos desde el lunes con una consulta SQL',
      'afficher « aucune commande » quand la liste est vide',
    ]);
  });

  it('processes nobody started and traffic to an address nobody knows are signs of an intrusion (4 languages)', () => {
    names('security', [
      'found a weird process on the build box eating all the CPU, never seen it before',
      'outbound connections from the db host to an ip nobody knows, every 30 seconds',
      'Auf dem Server laufen seltsame Prozesse mit 100 % CPU, die niemand gestartet hat',
      'ausgehende Verbindungen vom Mailserver zu einem Host, den wir nicht kennen',
      'conexiones salientes desde el nodo de colas a un servidor que nadie conoce',
      'processus bizarres sur le serveur de facturation, CPU à fond depuis cette nuit',
    ]);
    namesNot('security', [
      'which process is listening on port 8080?',
      'how do I find a zombie process and kill it',
      'the dev server process uses a lot of CPU when I save',
    ]);
  });

  it('choosing a consistency model for a system is hard reasoning; asking what one is is not', () => {
    names('hard reasoning', [
      'strong consistency or eventual for the seat map of a ticketing site, which should we pick?',
      'Starke Konsistenz oder letztendliche für den Lagerbestand, welche nehmen wir und warum?',
      'consistencia fuerte o eventual para los saldos de puntos de fidelidad, ¿cuál elijo?',
      'cohérence forte ou à terme pour les stocks de nos entrepôts, lequel choisir ?',
    ]);
    namesNot('hard reasoning', ['what is eventual consistency?', 'was bedeutet starke Konsistenz', 'define consistencia eventual en una frase']);
  });

  it('throughput named beside a bottleneck is performance work across a system', () => {
    names('hard reasoning', [
      'the auth service becomes the bottleneck at about 12k rps, how do we spread the load',
      'bei 3000 Anfragen pro Sekunde wird die Session-DB zum Engpass, was tun?',
      'a 800 peticiones por segundo el servicio de búsqueda es el cuello de botella',
      "à 2k qps le cache devient un goulot d'étranglement, comment le répartir ?",
    ]);
    namesNot('hard reasoning', ['write a k6 script that sends 200 rps to /login', 'what does qps mean in this dashboard?']);
  });
});

// Session 19, round 2, from the kinds of heldout-15's high/critical requests kept local: a shop's tills all down,
// the fiscal signing a till must do, and a choice between scaling strategies. Fresh phrasings, with look-alikes.
describe('shops down at every till, fiscal receipts, and choosing how to scale', () => {
  it('every till or store down at once is a live incident (4 languages)', () => {
    names('production incident', [
      'all six kiosks at the venue are offline since doors opened',
      'Die Scanner laufen seit heute früh nicht mehr, alle Kassen im Lager betroffen',
      'todas las terminales del restaurante dejaron de funcionar a la hora de la comida',
      'toutes les bornes du parking sont en panne depuis ce matin',
    ]);
    namesNot('production incident', ['all terminals should show the same banner, how do I configure that', 'alle Kassen sollen das neue Logo zeigen']);
  });

  it('fiscal receipts and the devices that sign them are regulated (4 languages)', () => {
    names('regulated or safety-critical', [
      'the fiscal printer rejects every receipt after the firmware update',
      'Nach dem Update meldet die TSE an der Kasse einen Signaturfehler',
      'el módulo fiscal no firma las facturas desde ayer',
      'le module fiscal de la caisse refuse la clôture du jour',
    ]);
    namesNot('regulated or safety-critical', ['what does TSE stand for in statistics?']);
  });

  it('choosing between scaling strategies for a loaded system is hard reasoning; a data structure choice is not', () => {
    names('hard reasoning', [
      'reports time out at month end: read replicas or sharding the invoices table?',
      'Caching-Schicht oder Denormalisierung für die Produktsuche, die DB ist am Limit',
      'desnormalizar o poner réplicas de lectura para el panel de ventas, ¿qué conviene?',
      'couche de cache ou dénormaliser pour le tableau de bord qui rame ?',
    ]);
    namesNot('hard reasoning', ['should this be a Map or an object?', 'what is sharding, in one sentence?']);
  });
});

// Session 19, round 3, from the kinds of heldout-16's misses: type inference by hand, a review for races, how to speed
// up a hot kernel, a dose unit mixed up, telemedicine; and a term from a course asked, security words and all.
describe('type inference, races, hot kernels, dose units, telemedicine, and terms from a course', () => {
  it('names the hard kinds in four languages, each with a look-alike', () => {
    const cases: Array<[kind: string, hit: string[], miss: string[]]> = [
      ['hard reasoning', ['implement Hindley-Milner for my little ML dialect', 'let-polymorphism in my interpreter, how?'], ['what is type inference']],
      [
        'hard reasoning',
        [
          'prüf bitte den Handler auf Race-Conditions, der Cache wird parallel beschrieben',
          'revisa este worker por condiciones de carrera',
          'relis ce code pour des data races',
        ],
        ['review this PR for typos'],
      ],
      ['hard reasoning', ['the FFT step is slow, 80% of the run: simd or rewrite it in rust?'], ['is numba or cython easier to install?']],
      [
        'patient or functional safety',
        ['la app muestra 25 mg cuando el médico pidió 25 mcg', 'Dosis in µg statt mg angezeigt, wie finde ich alle Fälle?'],
        ['convert 500 mg to g'],
      ],
      [
        'regulated or safety-critical',
        ['our telehealth app stores e-prescriptions in this table', 'ordonnances électroniques envoyées en double'],
        ['prescriptive analytics dashboard colours'],
      ],
    ];
    for (const [kind, hit, miss] of cases) {
      names(kind, hit);
      namesNot(kind, miss);
    }
  });

  it('a term asked from a course or book is a lesson, security words included; one found running is not', () => {
    for (const p of [
      'c\'est quoi une "injection SQL" dans mon cours de bases de données ?',
      'was bedeutet "Brute Force" im Skript?',
      'qué quiere decir "phishing" en el temario',
    ]) {
      assert.ok(!kinds(p).includes('security'), p);
      assert.ok(railSignals(p).lesson, p);
    }
    const found = 'c\'est quoi ce "process" bizarre en root sur le serveur, connexions sortantes vers une ip inconnue';
    assert.ok(kinds(found).includes('security'));
  });
});
