import * as assert from 'node:assert/strict';
import { isJarvisError } from '../../../../src/common/errors';
import { RecordingLogger } from '../../../fakes/RecordingLogger';
import { EldLanguageIdentifier } from '../../../../src/core/routing/quality/EldLanguageIdentifier';
import { QualityGate, TUNED_WEIGHTS, type GateRequest } from '../../../../src/core/routing/quality/QualityGate';
import { TreeSitterSyntax } from '../../../../src/core/routing/quality/TreeSitterSyntax';
import { requestedLanguage } from '../../../../src/core/routing/quality/requestedLanguage';
import { detectCodeLanguage } from '../../../../src/core/routing/quality/detectCodeLanguage';

const F = '```';
const block = (lang: string, code: string) => `${F}${lang}\n${code}\n${F}`;

// One real tree-sitter and one real eld for the whole file: loading is the slow part.
const syntax = new TreeSitterSyntax();
const gate = new QualityGate({ syntax, naturalLanguage: () => EldLanguageIdentifier.load() });
const assess = (r: GateRequest) => gate.assess(r);
const escalated = (score: number) => score < TUNED_WEIGHTS.threshold;

describe('QualityGate rules', () => {
  it('passes a good answer with code in the requested language, and names no problem', async () => {
    const v = await assess({
      question: 'Write a Go function that reverses a slice of ints in place',
      answer: `Swap from both ends towards the middle:\n\n${block('go', 'func reverse(s []int) {\n\tfor i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {\n\t\ts[i], s[j] = s[j], s[i]\n\t}\n}')}`,
    });
    assert.deepEqual(v.findings, []);
    assert.equal(v.score, 1);
    assert.equal(v.note, undefined);
  });

  it('catches a repetition loop in prose and names it', async () => {
    const v = await assess({
      question: 'How do I merge two dictionaries in Python?',
      answer: 'On Python 3.9 and later use the | operator. ' + 'The | operator merges two dictionaries and the right-hand values win. '.repeat(12),
    });
    assert.ok(
      v.findings.some((f) => f.rule === 'repetition'),
      v.reasons.join(' | '),
    );
    assert.match(v.note ?? '', /repeats itself/);
    assert.ok(escalated(v.score));
  });

  it('catches the same code block pasted again and again', async () => {
    const code = block('rust', 'fn reverse(s: &str) -> String {\n    s.chars().rev().collect()\n}');
    const v = await assess({ question: 'Write a Rust function that reverses a string', answer: Array(5).fill(code).join('\n\n') });
    assert.ok(
      v.findings.some((f) => f.rule === 'repetition' && /of its code are repeats/.test(f.reason)),
      v.reasons.join(' | '),
    );
  });

  it("catches placeholder code but not an elision of the user's own code", async () => {
    const stub = await assess({
      question: 'Write a C# method that parses a semver string',
      answer: block(
        'csharp',
        'public static Version ParseSemver(string text)\n{\n    // Add your implementation here\n    throw new NotImplementedException();\n}',
      ),
    });
    assert.equal(stub.findings[0].rule, 'placeholder');
    assert.ok(escalated(stub.score));
    const elided = await assess({
      question: 'Refactor this to use async/await',
      answer: block(
        'javascript',
        'async function load(id) {\n  const res = await fetch(`/u/${id}`);\n  // ...the rest of your function stays the same\n  return res.json();\n}',
      ),
    });
    assert.ok(!elided.findings.some((f) => f.rule === 'placeholder'), elided.reasons.join(' | '));
  });

  it('catches the wrong programming language: question, attached file, open editor', async () => {
    const py = block('python', 'def word_count(text):\n    return len(text.split())');
    const q = await assess({ question: 'Write a Go function that counts the words in a text', answer: py });
    assert.equal(q.findings[0].rule, 'language');
    assert.equal(q.note, 'code is Python, question asked for Go');
    const attached = await assess({ question: 'Add a function that validates the email field', answer: py, context: { attachedLanguageId: 'go' } });
    assert.match(attached.reasons.join(), /attached file is Go/);
    const unlabelled = await assess({ question: 'Write a Rust function that sums a list', answer: `${F}\ndef total(items):\n    return sum(items)\n${F}` });
    assert.match(unlabelled.reasons.join(), /code is Python, question asked for Rust/);
  });

  it('does not count a shell block that runs the program against it', async () => {
    const v = await assess({
      question: 'Write a Go program that prints hello',
      answer: `${block('go', 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hello")\n}')}\n\nRun it:\n\n${block('bash', 'go run .')}`,
    });
    assert.deepEqual(v.findings, []);
  });

  it('catches Python, TypeScript and Go that do not parse, with the line', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['python', 'def fib(n)\n    a, b = 0, 1\n    return a', /Python block 1 does not parse \(line 1\)/],
      ['typescript', 'function f(x: number): number {\n  return (x + 1;\n}', /TypeScript block 1 does not parse/],
      ['go', 'func f() {\n\tfmt.Println("x"\n}', /Go block 1 does not parse/],
    ];
    for (const [lang, code, reason] of cases) {
      const v = await assess({ question: `Write a ${lang} function`, answer: block(lang, code) });
      assert.ok(
        v.reasons.some((r) => reason.test(r)),
        `${lang}: ${v.reasons.join(' | ')}`,
      );
    }
  });

  it('catches an answer in another natural language than the question', async () => {
    const v = await assess({
      question: 'What does the static keyword mean in Java?',
      answer:
        'Das Schlüsselwort static bedeutet, dass ein Feld oder eine Methode zur Klasse gehört und nicht zu einer Instanz. Statische Methoden können ohne Objekt aufgerufen werden.',
    });
    assert.equal(v.note, 'answers in German to a question in English');
    assert.ok(escalated(v.score));
  });

  it('keeps a good German answer to a German question', async () => {
    const v = await assess({
      question: 'Was ist der Unterschied zwischen git merge und git rebase?',
      answer:
        'Beide übernehmen Änderungen eines Branches in einen anderen. merge erzeugt einen Merge-Commit und lässt die Historie unverändert; rebase setzt deine Commits neu auf die Spitze des Ziel-Branches, die Historie wird linear.',
    });
    assert.ok(!escalated(v.score), v.reasons.join(' | '));
  });

  it('catches an off-topic answer and a promise of code with no code', async () => {
    const off = await assess({
      question: 'How do I cancel a long-running goroutine in Go?',
      answer:
        'Go was designed at Google by Robert Griesemer, Rob Pike and Ken Thompson. It was announced in 2009 and version 1.0 was released in 2012. Its mascot is a gopher, drawn by Renee French, and it appears on most of the community merchandise.',
    });
    assert.equal(off.findings[0].rule, 'topic');
    const promise = await assess({
      question: 'Write a Python script that sends an email with an attachment',
      answer: "Sure! Here's a Python script that sends an email with an attachment using smtplib:",
    });
    assert.match(promise.note ?? '', /promises code but gives none/);
    assert.ok(escalated(promise.score));
  });

  it('does not hold an agent step after tool rounds to "asked for code": the code may have gone out as tool calls', async () => {
    const question = 'Write a function that parses ISO dates into objects.';
    const answer = 'The tool returned: step 0. The file now has the parser; nothing else to change.';
    const chat = await assess({ question, answer });
    assert.ok(
      chat.findings.some((f) => f.rule === 'nonAnswer'),
      'a chat answer without code is still a non-answer',
    );
    const agent = await assess({ question, answer, codeViaTools: true });
    assert.ok(!agent.findings.some((f) => f.rule === 'nonAnswer'), agent.reasons.join(' | '));
  });

  it('calls an English answer that shares only the language or tool with the question off-topic', async () => {
    const v = await assess({
      question: 'How do I mock a dependency in Jest with TypeScript?',
      answer:
        'TypeScript was released by Microsoft in 2012 and designed by Anders Hejlsberg, who also created C#. It adds static types to JavaScript and compiles to plain JavaScript, and today it is one of the most popular languages on GitHub.',
    });
    assert.equal(v.findings[0]?.rule, 'topic', v.reasons.join(' | '));
    assert.match(v.reasons[0], /mentions 0 of its \d+ key terms, besides typescript/);
    assert.ok(escalated(v.score));
  });

  it('does not escalate a non-English answer on topic alone when it paraphrases the question', async () => {
    const v = await assess({
      question: '¿Cómo puedo hacer que mi consulta de PostgreSQL sea más rápida?',
      answer:
        'Ejecuta `EXPLAIN (ANALYZE, BUFFERS)` y mira dónde se va el tiempo. Si ves un `Seq Scan` sobre una tabla grande filtrada por una columna, crea un índice en esa columna. Comprueba que las estadísticas están al día con `ANALYZE` y pide solo las columnas que necesitas.',
    });
    assert.ok(!escalated(v.score), v.reasons.join(' | '));
    const joined = await assess({
      question: 'Comment joindre une liste de chaînes avec une virgule en Java ?',
      answer: `Utilisez \`String.join\` :\n\n${block('java', 'List<String> noms = List.of("a", "b", "c");\nString s = String.join(", ", noms);')}\n\nAvec un stream : \`noms.stream().collect(Collectors.joining(", "))\`.`,
    });
    assert.ok(!joined.findings.some((f) => f.rule === 'topic'), 'join/joindre and List/liste match');
  });

  it('catches hedging without content', async () => {
    const v = await assess({
      question: 'Which is better for a small team, microservices or a monolith?',
      answer:
        'Both architectures have pros and cons. It depends on many factors such as the size of your team and your requirements. There is no one-size-fits-all answer.',
    });
    assert.ok(
      v.findings.some((f) => f.rule === 'nonAnswer'),
      v.reasons.join(' | '),
    );
  });

  it('refuses a request without question or answer strings with a clear error', async () => {
    await assert.rejects(
      gate.assess({ question: 'q' } as unknown as GateRequest),
      (e: unknown) => isJarvisError(e) && /needs \{ question: string, answer: string \}/.test((e as Error).message),
    );
    assert.throws(
      () => new QualityGate({ weights: { ...TUNED_WEIGHTS, weights: { ...TUNED_WEIGHTS.weights, topic: -1 } } }),
      /weight for topic must be a number ≥ 0/,
    );
  });
});

describe('QualityGate on bad input', () => {
  it('judges a several-MB answer on its first 64 KB and says how much it checked', async () => {
    const huge = 'The handler validates the body, stores the row and returns 201 with the new id. '.repeat(60_000); // ~5 MB
    const v = await assess({ question: 'What does the handler return after storing the row?', answer: huge });
    assert.ok(v.findings.some((f) => f.rule === 'repetition'));
    assert.ok(
      v.skipped.some((s) => /only the first 64 KB of \d+ KB were checked/.test(s)),
      v.skipped.join(' | '),
    );
  });

  it('parses every one of dozens of code blocks: the error in block 40 is found, the 39 good ones before it pass', async () => {
    const fn = (i: number) => block('python', `def scale_${i}(value):\n    return value * ${i + 1}`);
    const good = Array.from({ length: 60 }, (_, i) => fn(i));
    const question = 'Give me sixty small Python scaling functions';
    const clean = await assess({ question, answer: good.join('\n\nand\n\n') });
    assert.ok(!clean.findings.some((f) => f.rule === 'syntax'), clean.reasons.join(' | '));
    const broken = [...good];
    broken[39] = block('python', 'def scale_39(value)\n    return value * 40');
    const before = syntax.parses;
    const v = await assess({ question, answer: broken.join('\n\nand\n\n') });
    assert.ok(v.reasons.includes('Python block 40 does not parse (line 1)'), v.reasons.join(' | '));
    // Each good block costs one parse; the broken one at most its grammar and a fragment retry.
    assert.ok(syntax.parses - before <= 41, `${syntax.parses - before} parses`);
  });

  it('flags binary junk', async () => {
    const junk = Array.from({ length: 400 }, (_, i) => String.fromCharCode(i % 31 === 9 ? 1 : i % 31)).join('');
    const v = await assess({ question: 'Explain closures', answer: `Closures ${junk}` });
    assert.equal(v.findings[0].rule, 'junk');
    assert.ok(escalated(v.score));
  });

  it('never fails code in a language without a parser, and is not unsure for that alone (no paid judge call per answer)', async () => {
    // Every language Jarvis names has a parser now (see syntaxLanguages.test.ts): these have none, and the
    // Zig one does not even parse.
    for (const [lang, code] of [
      ['zig', 'const Order = struct {\n    id: u64,\n    total: f64,'],
      ['nim', 'type Order = object\n  id: int\n  total: float'],
      ['fortran', 'type :: order\n  integer :: id\n  real :: total\nend type order'],
    ]) {
      const v = await assess({ question: `Write an order type in ${lang} with an id and a total`, answer: block(lang, code) });
      assert.ok(!v.findings.some((f) => f.rule === 'syntax'), `${lang}: ${v.reasons.join(' | ')}`);
      if (v.score >= TUNED_WEIGHTS.threshold + TUNED_WEIGHTS.unsureMargin) assert.equal(v.unsure, false, `${lang}: ${v.score}`);
    }
  });

  it('checks YAML (js-yaml), PowerShell and INI blocks, and leaves templated YAML alone', async () => {
    const cases: Array<[string, string, boolean]> = [
      ['yaml', 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"', true],
      ['yaml', 'services:\n  web:\n    image: nginx\n   ports: [80', false],
      ['yaml', 'spec:\n  replicas: {{ .Values.replicas }}', true],
      ['powershell', 'Get-ChildItem -Path . -Filter *.log | ForEach-Object {\n    Remove-Item $_.FullName\n}', true],
      ['powershell', 'if ($count -gt 3) {\n    Write-Output "many"', false],
      ['ini', '[server]\nport = 8080\nhost = 0.0.0.0', true],
    ];
    for (const [lang, code, good] of cases) {
      const v = await assess({ question: `Show the ${lang} for the web server`, answer: `Here it is:\n\n${block(lang, code)}` });
      assert.equal(!v.findings.some((f) => f.rule === 'syntax'), good, `${lang} ${good ? 'good' : 'bad'}: ${v.reasons.join(' | ')}`);
    }
  });

  it('a grammar that fails to load is logged once, that check skipped, the answer judged on the rest', async () => {
    const logger = new RecordingLogger();
    const broken = new QualityGate({ syntax: new TreeSitterSyntax({ wasmDir: '/nonexistent/wasm', logger }), logger });
    const bad = block('python', 'def f(x)\n    return x');
    for (let i = 0; i < 3; i++) {
      const v = await broken.assess({ question: 'Write a Python function', answer: bad });
      assert.ok(!v.findings.some((f) => f.rule === 'syntax'));
    }
    assert.equal(logger.warnings.filter((w) => /tree-sitter-python\.wasm grammar/.test(w)).length, 1, logger.warnings.join(' | '));
    const other = await broken.assess({
      question: 'Write a Go function that reads a file',
      answer: block('python', 'def read(p):\n    return open(p).read()'),
    });
    assert.equal(other.findings[0].rule, 'language', 'the other rules still run');
  });
});

describe('TreeSitterSyntax robustness', () => {
  it('two instances in one process parse side by side (one runtime init, shared)', async () => {
    const a = new TreeSitterSyntax();
    const b = new TreeSitterSyntax();
    await Promise.all([a.warm(['python']), b.warm(['go'])]);
    assert.deepEqual(a.check('python', 'def f(x):\n    return x'), { ok: true });
    assert.deepEqual(b.check('go', 'package main\nfunc main() {}'), { ok: true });
    assert.deepEqual(a.check('python', 'def f(x)\n    return x'), { ok: false, line: 1 });
  });

  it('a parser that throws is logged once and that check skipped, never the answer', async () => {
    const logger = new RecordingLogger();
    // A runtime whose parse breaks (as a mismatched WASM build does): the module shape web-tree-sitter has.
    const throwing = {
      Parser: class {
        static async init() {}
        setLanguage() {}
        parse(): never {
          throw new Error('null function or function signature mismatch');
        }
      },
      Language: { load: async () => ({}) },
    };
    const broken = new TreeSitterSyntax({ logger, load: () => throwing as unknown as typeof import('@vscode/tree-sitter-wasm') });
    const g = new QualityGate({ syntax: broken, logger });
    for (let i = 0; i < 3; i++) {
      const v = await g.assess({ question: 'Write a Python function', answer: block('python', 'def f(x)\n    return x') });
      assert.ok(!v.findings.some((f) => f.rule === 'syntax'));
    }
    assert.equal(logger.warnings.filter((w) => /python parser failed \(null function/.test(w)).length, 1, logger.warnings.join(' | '));
  });
});

describe('requestedLanguage and detectCodeLanguage', () => {
  it('reads the language from the question, the attached file, then the editor', () => {
    assert.deepEqual(requestedLanguage('Write a Go HTTP handler'), { language: 'go', source: 'question' });
    assert.deepEqual(requestedLanguage('Convert this Python script to Rust'), { language: 'rust', source: 'question' });
    assert.deepEqual(requestedLanguage('How do I fix the CORS error in FastAPI?'), { language: 'python', source: 'question' });
    assert.deepEqual(requestedLanguage('Add a timeout', { attachedLanguageId: 'typescriptreact', editorLanguageId: 'go' }), {
      language: 'typescript',
      source: 'attachment',
    });
    assert.deepEqual(requestedLanguage('Add a timeout', { editorLanguageId: 'go' }), { language: 'go', source: 'editor' });
    assert.equal(requestedLanguage("Let's go through the options"), undefined, '"go" the verb is not Go');
  });

  it('recognises common languages from content and declines to guess on thin evidence', () => {
    assert.equal(detectCodeLanguage('package main\n\nfunc main() {\n\tx := 1\n\tfmt.Println(x)\n}')?.language, 'go');
    assert.equal(detectCodeLanguage('def f(self):\n    return None')?.language, 'python');
    assert.equal(detectCodeLanguage('fn main() {\n    let mut v = Vec::new();\n    println!("{:?}", v);\n}')?.language, 'rust');
    assert.equal(detectCodeLanguage('const f = (x: number): string => String(x);')?.language, 'typescript');
    assert.equal(detectCodeLanguage('x = 1'), undefined);
  });
});
