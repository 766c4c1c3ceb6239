import * as assert from 'node:assert/strict';
import { splitAnswer } from '../../../../src/core/routing/quality/splitAnswer';
import type { QualityRule } from '../../../../src/core/routing/quality/QualityRule';
import { backgroundRule } from '../../../../src/core/routing/quality/rules/backgroundRule';
import { askedNames, askedNamesRule } from '../../../../src/core/routing/quality/rules/askedNamesRule';
import { askedNaturalLanguages, functionWordsFavour } from '../../../../src/core/routing/quality/rules/askedNaturalLanguage';
import { placeholderRule } from '../../../../src/core/routing/quality/rules/placeholderRule';
import { deniesName } from '../../../../src/core/routing/quality/rules/deniedNames';

// Session 21, from the kinds of heldout-2's misses and false escalations (spent, now train-2): history
// lessons, answers that never touch the code asked about, answers in the language the user asked for,
// scaffolds asked for with their TODOs. Every sentence is written for this test, none taken from a split.
const run = (rule: QualityRule, question: string, answer: string) => rule.check({ question, answer: splitAnswer(answer) }, {});

describe('background rule: a history lesson instead of the answer', () => {
  const lessons: Array<[string, string]> = [
    [
      'Why does my Kafka consumer lag keep growing?',
      'Kafka was originally developed at LinkedIn and was released as open source in 2011. It later became a top-level Apache project. Its name comes from the writer Franz Kafka, and today thousands of companies run it for event streaming and log aggregation across many data centres.',
    ],
    [
      'Wie setze ich in Nginx einen Header nur für eine Location?',
      'Nginx wurde 2004 von Igor Sysoev veröffentlicht und ist einer der bekanntesten Webserver. Der Name steht für "engine x". Heute betreibt ein großer Teil aller Websites Nginx, oft als Reverse Proxy vor Anwendungen in vielen verschiedenen Sprachen.',
    ],
    [
      '¿Cómo paso variables de entorno a un contenedor en Kubernetes?',
      'Kubernetes nació en Google a partir de su sistema interno Borg y fue lanzado como código abierto en 2014. Hoy lo mantiene la CNCF, y es uno de los proyectos más activos de la comunidad, con miles de colaboradores en todo el mundo.',
    ],
    [
      'Comment trier un dictionnaire par valeur en Python ?',
      "Python a été créé par Guido van Rossum et publié pour la première fois en 1991. Son nom vient des Monty Python, et non du serpent. C'est aujourd'hui l'un des langages les plus utilisés, notamment en science des données et en automatisation.",
    ],
  ];
  for (const [q, a] of lessons) {
    it(`flags: ${a.slice(0, 40)}…`, () => assert.equal(run(backgroundRule, q, a)?.note, 'gives background instead of an answer'));
  }

  const answers: Array<[string, string]> = [
    // Asked for the history.
    [
      'What is the history of Git?',
      'Git was created by Linus Torvalds in 2005 after the kernel lost its free BitKeeper licence. It was designed for speed and distributed work, and Junio Hamano has maintained it since the same year, shipping releases every few months.',
    ],
    // One date in an answer that answers.
    [
      'Is `datetime.utcnow()` deprecated?',
      'Yes, since Python 3.12 it is deprecated because it returns a naive datetime that is easy to misread as local time. Use `datetime.now(timezone.utc)`, which returns an aware datetime, and convert with `astimezone()` where you need local time.',
    ],
    [
      '¿Qué versión de Node necesito para usar `fetch` sin librerías?',
      'Node 18 o superior: desde esa versión `fetch` está disponible de forma global, sin banderas. En Node 16 hacía falta `--experimental-fetch`, así que para proyectos nuevos usa la versión LTS actual y elimina `node-fetch` de las dependencias.',
    ],
  ];
  for (const [q, a] of answers) {
    it(`does not flag: ${a.slice(0, 40)}…`, () => assert.equal(run(backgroundRule, q, a), undefined));
  }
});

describe('asked-names rule: an answer that never mentions the code it was asked about', () => {
  const long = (s: string) => `${s} ${'It is widely used in production and well documented, with many examples for beginners and experts alike.'.repeat(2)}`;

  it('reads the names a question puts in code spans and dotted or snake_case words', () => {
    assert.deepEqual(askedNames('Why does `cache.invalidate(key)` throw?'), [['cache', 'invalidate', 'key']]);
    assert.deepEqual(askedNames('my user_sessions table is huge'), [['user', 'sessions']]);
    assert.deepEqual(askedNames('How do I centre a div?'), []);
  });

  it('flags an answer naming none of them', () => {
    const f = run(
      askedNamesRule,
      'Why does `orders.aggregate(pipeline)` return nothing in Mongo?',
      long('MongoDB is a document database that stores JSON-like records.'),
    );
    assert.equal(f?.rule, 'askedNames');
    assert.equal(f?.note, 'does not address the question');
  });

  it('does not flag an answer naming one of them, in prose or code, or a short answer', () => {
    assert.equal(
      run(
        askedNamesRule,
        'Why does `orders.aggregate(pipeline)` return nothing?',
        long('Your `$match` stage runs before the pipeline sees any field: aggregate needs the stage order swapped.'),
      ),
      undefined,
    );
    assert.equal(
      run(askedNamesRule, 'Wie benenne ich `kunde_id` um?', long('```sql\nALTER TABLE bestellung RENAME COLUMN kunde_id TO kundennummer;\n```')),
      undefined,
    );
    assert.equal(run(askedNamesRule, 'Is `Array.prototype.group` real?', 'Not yet in browsers; use Object.groupBy.'), undefined);
  });
});

describe('natural language the question asks for', () => {
  it('reads "in French", "auf Deutsch", "en español", "en anglais" in any of the four languages', () => {
    assert.deepEqual([...askedNaturalLanguages('Explain closures in French, please.')], ['fr']);
    assert.deepEqual([...askedNaturalLanguages('Kannst du das auf Englisch erklären?')], ['en']);
    assert.deepEqual([...askedNaturalLanguages('Resume este texto en alemán')], ['de']);
    assert.deepEqual([...askedNaturalLanguages('Traduis ce message de commit en espagnol')], ['es']);
    assert.deepEqual([...askedNaturalLanguages('Why is my French keyboard layout wrong in VS Code?')], []);
  });

  it("lets a question's function words overrule a misread of its language", () => {
    assert.equal(functionWordsFavour('Cambia este hook de React a una clase con el mismo estado', 'es', 'fr'), true);
    assert.equal(functionWordsFavour('How do I read the file line by line with this API?', 'fr', 'en'), false);
    assert.equal(functionWordsFavour('Wie kann ich das in Go mit einem Kanal lösen?', 'en', 'de'), false);
  });
});

describe('placeholder rule: asked-for scaffolds and remarks that end in "here"', () => {
  const stub = '```python\ndef sync(path):\n    # TODO: upload the changed files\n    pass\n```';
  it('flags stubs nobody asked for, and "<what is missing> here" comments', () => {
    assert.equal(run(placeholderRule, 'Write a function that syncs a folder to S3.', stub)?.rule, 'placeholder');
    assert.equal(
      run(
        placeholderRule,
        'Schreibe einen HTTP-Handler in Go.',
        '```go\nfunc h(w http.ResponseWriter, r *http.Request) {\n\t// Anfrage hier prüfen\n\t// parse the body here\n}\n```',
      )?.rule,
      'placeholder',
    );
  });
  it('does not flag stubs the question asked for, or a remark about the line', () => {
    assert.equal(run(placeholderRule, 'Give me a skeleton of the sync module with TODOs where the upload goes.', stub), undefined);
    assert.equal(run(placeholderRule, 'Crea el esqueleto de la clase, yo escribo la lógica.', stub), undefined);
    assert.equal(
      run(
        placeholderRule,
        'Explique-moi le prêt en Rust.',
        '```rust\nfn main() {\n    let s = String::from("a");\n    let r = &s;\n    println!("{r}"); // s est encore valide ici\n}\n```',
      ),
      undefined,
    );
  });
});

describe('an answer that says a name does not exist', () => {
  it('is read as a correction, in four languages', () => {
    assert.equal(deniesName('`list.first()` does not exist in Python; use `items[0]`.', 'list.first'), true);
    assert.equal(deniesName('Einen Befehl `git undo` gibt es nicht, nimm `git reset`.', 'git undo'), true);
    assert.equal(deniesName('`str.reverse()` no existe: usa `s[::-1]`.', 'str.reverse'), true);
    assert.equal(deniesName("L'option `--all-major` n'existe pas.", '--all-major'), true);
  });
  it('but presenting the name with confidence is not', () => {
    assert.equal(deniesName('Call `list.first()` to get the head; it returns None when the list is empty.', 'list.first'), false);
    assert.equal(deniesName('There is no need for a loop: `git undo` reverts the last commit.', 'list.first'), false);
  });
});
