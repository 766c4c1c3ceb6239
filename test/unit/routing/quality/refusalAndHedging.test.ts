import * as assert from 'node:assert/strict';
import { splitAnswer } from '../../../../src/core/routing/quality/splitAnswer';
import type { QualityRule } from '../../../../src/core/routing/quality/QualityRule';
import { refusalRule } from '../../../../src/core/routing/quality/rules/refusalRule';
import { nonAnswerRule } from '../../../../src/core/routing/quality/rules/nonAnswerRule';
import { asksForCode } from '../../../../src/core/routing/quality/rules/codeRequest';

// Session 21, from the kinds of heldout-2's misses (spent, now train-2): refusals and non-answers in four
// languages. Every sentence here is written for this test, none is taken from a data split.
const run = (rule: QualityRule, question: string, answer: string) => rule.check({ question, answer: splitAnswer(answer) }, {});

describe('refusal rule (four languages)', () => {
  const refusals: Array<[string, string]> = [
    ['How do I list open ports on my laptop?', "I'd rather not help with scanning ports, since it can be misused. Please ask your network team."],
    ['How do I hard-reset my local main to origin?', 'I must decline this request: resetting branches can destroy work.'],
    ['Why does my cron job not run?', 'As an AI language model, I have no way to look at your server, so I cannot say why it does not run.'],
    ['Wie lösche ich alle gestoppten Container?', 'Es tut mir leid, aber ich kann Ihnen bei dieser Anfrage nicht helfen.'],
    ['Warum ist meine Seite so langsam?', 'Als KI-Sprachmodell habe ich keinen Zugriff auf Ihren Server und kann das nicht beurteilen.'],
    ['¿Cómo leo un CSV grande por partes en pandas?', 'Lo siento, pero no puedo ayudarte con esa petición.'],
    ['¿Por qué falla mi build de Gradle?', 'Como inteligencia artificial, no tengo acceso a tu proyecto, así que no sabría decirte.'],
    ['Comment vider le cache de npm ?', 'Je ne peux pas vous aider avec cette demande, désolé.'],
    ['Pourquoi mon conteneur redémarre-t-il sans cesse ?', "En tant qu'intelligence artificielle, je n'ai pas accès à votre machine."],
  ];
  for (const [q, a] of refusals) {
    it(`flags: ${a.slice(0, 50)}…`, () => {
      const f = run(refusalRule, q, a);
      assert.equal(f?.rule, 'refusal');
      assert.equal(f?.note, 'refuses to answer');
    });
  }

  const answers: Array<[string, string]> = [
    // A caveat, then the answer.
    [
      'Why is my query slow?',
      "I can't see your schema, but the usual cause is a missing index on the filtered column: add one and compare the plan with EXPLAIN.",
    ],
    [
      'Wie finde ich den Prozess auf Port 8080?',
      'Leider kann ich das nicht direkt prüfen, aber `lsof -i :8080` zeigt Ihnen die PID, die Sie dann mit `kill` beenden.',
    ],
    // A refusal with the code after it is an answer with a warning.
    [
      '¿Cómo borro todo el historial de git?',
      'No puedo recomendarlo sin una copia, pero así se hace:\n\n```bash\ngit checkout --orphan nueva\ngit commit -m inicio\n```',
    ],
    // Talking about what cannot be done is not refusing.
    [
      'Puis-je modifier un tuple en Python ?',
      'Non : un tuple est immuable. On crée un nouveau tuple, par exemple `t = t[:1] + (9,) + t[2:]`, ou on passe par une liste.',
    ],
    [
      'Can a Go map be read while another goroutine writes it?',
      'No. Concurrent map writes panic at run time; guard the map with a `sync.RWMutex` or use `sync.Map`.',
    ],
  ];
  for (const [q, a] of answers) {
    it(`does not flag: ${a.slice(0, 50)}…`, () => assert.equal(run(refusalRule, q, a), undefined));
  }
});

describe('non-answer rule: promises of code with no code, and hedging (four languages)', () => {
  const promises: Array<[string, string]> = [
    [
      'Write a Python script that renames all .txt files to .md.',
      "Sure! Here's a Python script that does it:\n\nIt walks the folder, finds every `.txt` file and renames it with the new extension.",
    ],
    ['Convert this callback code to async/await.', 'Below is the converted version, which reads much better than the nested callbacks.'],
    [
      'Schreibe eine SQL-Abfrage für die zehn größten Kunden.',
      'Gerne! Hier ist die Abfrage:\n\nSie summiert die Umsätze je Kunde, sortiert absteigend und nimmt die ersten zehn.',
    ],
    [
      'Escribe una función en Go que invierta un slice.',
      'Aquí tienes la función:\n\nRecorre el slice desde los dos extremos e intercambia los elementos hasta llegar al centro.',
    ],
    ['Écris un Makefile pour compiler mon projet C.', 'Voici le Makefile :\n\nIl compile chaque fichier `.c` en `.o` puis les lie pour produire le binaire.'],
    [
      'Write a Dockerfile for my Flask app.',
      "I'll write it for you. It will start from a slim Python image, install the requirements and run gunicorn. Let me know if you'd like me to proceed!",
    ],
  ];
  for (const [q, a] of promises) {
    it(`flags the promise: ${a.slice(0, 45)}…`, () => {
      const f = run(nonAnswerRule, q, a);
      assert.equal(f?.note, 'promises code but gives none');
      assert.equal(f?.severity, 1);
    });
  }

  const hedges: Array<[string, string]> = [
    [
      'Which message queue should we use for order events?',
      'Great question! It really depends on many factors, such as your team and your specific needs. There is no one-size-fits-all answer, so evaluate your options carefully.',
    ],
    [
      'Mein Test schlägt nur in der CI fehl. Woran liegt das?',
      'Das kann viele verschiedene Ursachen haben. Es gibt zahlreiche Ressourcen im Internet dazu. Prüfen Sie Ihre Konfiguration sorgfältig. Ich hoffe, das hilft!',
    ],
    [
      '¿Qué ORM uso para un proyecto Node mediano?',
      'Depende de muchos factores. No hay una respuesta única: cada proyecto es diferente. Te recomiendo consultar la documentación oficial y elegir la que mejor se adapte a tu caso.',
    ],
    [
      'Pourquoi mon service Spring consomme autant de mémoire ?',
      "Il peut y avoir de nombreuses raisons. Cela dépend de votre configuration. Je vous conseille de consulter la documentation et les forums. J'espère que cela vous aidera !",
    ],
  ];
  for (const [q, a] of hedges) {
    it(`flags hedging: ${a.slice(0, 45)}…`, () => {
      const f = run(nonAnswerRule, q, a);
      assert.equal(f?.note, 'hedges without answering');
      assert.ok((f?.severity ?? 0) >= 0.6, `severity ${f?.severity}`);
    });
  }

  const answers: Array<[string, string]> = [
    // The announced code follows, inline or fenced.
    ['Give me the git command to undo the last commit but keep the changes.', 'Here is the command: `git reset --soft HEAD~1`. Your changes stay staged.'],
    ['Write a bash one-liner that counts lines in all .py files.', "Here's the one-liner:\n\n```bash\nfind . -name '*.py' -exec cat {} + | wc -l\n```"],
    // A structured reference answers "give me…" without fenced code.
    [
      'Give me a cheat sheet of vim motions.',
      '| key | moves |\n| --- | --- |\n| `w` | next word |\n| `b` | previous word |\n| `0` | line start |\n| `$` | line end |',
    ],
    // One hedge, then a concrete recommendation.
    [
      'Postgres or SQLite for a desktop app?',
      'It depends on one thing: whether several processes write at once. For a single-user desktop app, SQLite is the right choice: one file, no server, and WAL mode handles concurrent reads.',
    ],
    [
      '¿Uso Redis o Memcached para sesiones?',
      'Para sesiones, Redis: guarda los datos en disco si lo configuras, admite expiración por clave y estructuras como hashes. Memcached solo sirve como caché volátil.',
    ],
    [
      'Quelle est la différence entre `let` et `var` en JavaScript ?',
      '`let` a une portée de bloc et ne peut pas être redéclaré ; `var` a une portée de fonction et est remonté (hoisting). Utilisez `let` ou `const`.',
    ],
  ];
  for (const [q, a] of answers) {
    it(`does not flag: ${a.slice(0, 45)}…`, () => assert.equal(run(nonAnswerRule, q, a), undefined));
  }

  it('reads a request for code from imperatives and "language: task", not from questions', () => {
    assert.equal(asksForCode('Add type hints to this function: `def area(w, h): return w * h`'), true);
    assert.equal(asksForCode('Füge dieser Klasse einen Konstruktor hinzu.'), true);
    assert.equal(asksForCode('SQL: count the orders per customer'), true);
    assert.equal(asksForCode('Rust: why does this borrow fail?'), false);
    assert.equal(asksForCode('What does HTTP 418 mean?'), false);
  });
});
