import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isJarvisError } from '../../../../src/common/errors';
import { ComplexityClassifier } from '../../../../src/core/routing/complexity/ComplexityClassifier';
import { TaskComplexity } from '../../../../src/core/routing/complexity/TaskComplexity';

const { TRIVIAL, LOW, MEDIUM, HIGH } = TaskComplexity;
const MODEL = path.resolve(__dirname, '../../../../../media/router/complexity-model.json');
const lines = (n: number) => Array.from({ length: n }, (_, i) => `const v${i} = compute(${i});`).join('\n');

function classifier(loadModel: () => string = () => fs.readFileSync(MODEL, 'utf8')) {
  const logs: string[] = [];
  let loads = 0;
  const c = new ComplexityClassifier({
    loadModel: () => {
      loads++;
      return loadModel();
    },
    log: (l) => logs.push(l),
  });
  return { c, logs, loads: () => loads };
}

// None of these prompts is in data/router (held-out or train): they test behaviour, not the figures.
describe('ComplexityClassifier (learned, with rails)', () => {
  const { c, logs, loads } = classifier();

  it('loads the model lazily, once, and says so in the log', () => {
    const fresh = classifier();
    assert.equal(fresh.loads(), 0);
    assert.deepEqual(fresh.c.status(), { state: 'not-loaded' });
    fresh.c.assess({ prompt: 'what is a trie' });
    fresh.c.assess({ prompt: 'what is a heap' });
    assert.equal(fresh.loads(), 1);
    const rows = fs.readFileSync(path.resolve(__dirname, '../../../../../data/router/train.jsonl'), 'utf8').trim().split('\n').length;
    assert.equal(fresh.logs[0], `Complexity model loaded (${rows} training prompts, 32768 hashed features).`);
    assert.equal(fresh.c.status().state, 'learned');
  });

  it('keeps a word read out of context low: the default port of a database is a fact', () => {
    const a = c.assess({ prompt: "what's the default port of cockroachdb?" });
    assert.ok(a.level <= LOW, JSON.stringify(a));
    assert.equal(a.source, 'learned');
    assert.match(a.reasons[0], /^learned: (trivial|low) \d\.\d\d$/);
  });

  it('caps a plain fact at low even with a big file attached, and says why', () => {
    const a = c.assess({ prompt: 'which test framework does this file use?', attachedCode: lines(1200), fileCount: 1 });
    assert.ok(a.level <= LOW, JSON.stringify(a));
  });

  it('does not let size alone raise a mechanical edit', () => {
    const a = c.assess({ prompt: 'fix the spelling of "recieve" in the log message near the bottom', attachedCode: lines(1500), fileCount: 1 });
    assert.ok(a.level <= MEDIUM, JSON.stringify(a));
  });

  it('adds a level for close reading of a lot of code, with the reason', () => {
    const small = c.assess({ prompt: 'review this module for bugs', attachedCode: lines(40), fileCount: 1 });
    const big = c.assess({ prompt: 'review this module for bugs', attachedCode: lines(900), fileCount: 1 });
    assert.ok(big.level > small.level || big.level === TaskComplexity.CRITICAL, `${small.level} → ${big.level}`);
    assert.ok(
      big.reasons.some((r) => /rail: close reading of 900 lines → \+1/.test(r)),
      big.reasons.join('; '),
    );
  });

  it('floors high-stakes requests at high, in four languages, naming the rail', () => {
    const asks = [
      'the orders api is down for everyone since the deploy, what do we check first',
      'we must recover the replica without losing any transactions',
      'unser checkout ist seit dem letzten deploy ausgefallen',
      'la api de pagos está caída y nadie puede pagar',
      'le service de facturation a débité deux fois des clients cette nuit',
    ];
    for (const prompt of asks) {
      const a = c.assess({ prompt });
      assert.ok(a.level >= HIGH, `${prompt}: ${JSON.stringify(a)}`);
    }
    const a = c.assess({ prompt: 'what should I write in the readme intro' });
    assert.ok(!a.reasons.some((r) => r.startsWith('rail: ')), a.reasons.join('; '));
  });

  it('floors leaks of other users’ data and keys pushed in public, in four languages; not a mere mention', () => {
    const asks = [
      "a few users received other people's invoices by email today",
      'unsere kunden sehen seit heute die bestellungen anderer nutzer',
      'los clientes ven los pedidos de otros usuarios desde esta mañana',
      "des clients voient les commandes d'autres utilisateurs depuis ce matin",
      'my aws secret key was committed to github an hour ago',
    ];
    for (const prompt of asks) {
      const a = c.assess({ prompt });
      assert.ok(a.level >= HIGH, `${prompt}: ${JSON.stringify(a)}`);
      assert.ok(
        a.reasons.some((r) => /^rail: security/.test(r)),
        a.reasons.join('; '),
      );
    }
    for (const prompt of ["how do I link to another user's profile page", 'bump the version in these files from 2.4.0 to 2.5.0']) {
      const a = c.assess({ prompt, fileCount: 3 });
      assert.ok(!a.reasons.some((r) => /→ at least high/.test(r)), `${prompt}: ${a.reasons.join('; ')}`);
    }
  });

  it('a greeting or a thanks is trivial, in four languages, and says why; a thanks with an ask is not', () => {
    for (const prompt of [
      'hey there',
      'thanks, that worked',
      'guten abend',
      'danke, klappt',
      'buenas noches',
      'gracias, funciona',
      'salut',
      'merci, ça fonctionne',
    ]) {
      const a = c.assess({ prompt });
      assert.equal(a.level, TRIVIAL, `${prompt}: ${JSON.stringify(a)}`);
    }
    assert.ok(c.assess({ prompt: 'hallo' }).reasons.length >= 1);
    const ask = c.assess({ prompt: 'thanks, now design the sharding scheme for our event store across regions' });
    assert.ok(ask.level >= MEDIUM, JSON.stringify(ask));
  });

  it('understands German, Spanish and French asks', () => {
    assert.ok(c.assess({ prompt: 'was bedeutet RAII' }).level <= LOW);
    assert.ok(c.assess({ prompt: 'entwirf eine architektur für verteilte transaktionen über mehrere rechenzentren' }).level >= HIGH);
    assert.ok(c.assess({ prompt: 'qué significa RAII' }).level <= LOW);
    assert.ok(c.assess({ prompt: 'diseña una arquitectura de colas distribuidas con reintentos y orden por clave' }).level >= HIGH);
    assert.ok(c.assess({ prompt: "c'est quoi RAII" }).level <= LOW);
    assert.ok(c.assess({ prompt: 'conçois une architecture de réplication multi-région avec cohérence forte' }).level >= HIGH);
  });

  it('is deterministic and gives probabilities that sum to 1 with a cloud score', () => {
    const input = { prompt: 'implement a token bucket rate limiter in go with tests', fileCount: 0 };
    const a = c.assess(input);
    const b = c.assess(input);
    assert.deepEqual(a, b);
    assert.equal(a.probabilities?.length, 5);
    assert.ok(Math.abs(a.probabilities!.reduce((s, v) => s + v, 0) - 1) < 0.01);
    assert.ok(a.cloudScore! >= 0 && a.cloudScore! <= 1);
    assert.equal(loads(), 1);
  });

  it('applies this workspace’s learned lift: a harder tier and a reason saying where it came from', () => {
    const prompt = 'add a loading spinner to the settings page while it saves';
    const plain = c.assess({ prompt });
    const lifted = new ComplexityClassifier({
      loadModel: () => fs.readFileSync(MODEL, 'utf8'),
      lift: { liftFor: () => ({ lift: 0.25, reason: 'learned in this workspace: +0.25 towards the cloud' }) },
    }).assess({ prompt });
    assert.ok(lifted.cloudScore! > plain.cloudScore!);
    assert.ok(lifted.level >= plain.level);
    assert.ok(lifted.reasons.includes('learned in this workspace: +0.25 towards the cloud'), lifted.reasons.join('; '));
  });

  it('an override wins, with reason "override"', () => {
    const a = c.assess({ prompt: 'what is a trie' }, 'critical');
    assert.equal(a.level, TaskComplexity.CRITICAL);
    assert.deepEqual(a.reasons, ['override']);
    assert.equal(a.source, 'override');
  });

  describe('bad input', () => {
    it('empty and whitespace-only prompts are low, with a reason, and never reach the model', () => {
      for (const prompt of ['', '   \n\t  ']) {
        const a = c.assess({ prompt });
        assert.equal(a.level, LOW);
        assert.match(a.reasons[0], /empty prompt/);
      }
    });

    it('emoji-only and binary-looking prompts get a tier and a reason, not an exception', () => {
      const emoji = c.assess({ prompt: '🔥🔥🚀🙏' });
      assert.ok(emoji.level >= TRIVIAL && emoji.level <= MEDIUM);
      assert.ok(
        emoji.reasons.some((r) => /no words to judge/.test(r)),
        emoji.reasons.join('; '),
      );
      const binary = c.assess({ prompt: `\u0000\u0001\u0002PK\u0003\u0004${'\u0000'.repeat(200)}` });
      assert.equal(binary.level, LOW);
      assert.match(binary.reasons[0], /binary/);
    });

    it('a 1 MB prompt is decided from a bounded slice and reports its context needs', () => {
      const prompt = `please summarise the attached log\n${'GET /health 200 3ms\n'.repeat(52_000)}`;
      assert.ok(prompt.length > 1_000_000);
      const a = c.assess({ prompt });
      assert.ok(a.level >= TRIVIAL && a.level <= TaskComplexity.CRITICAL);
      assert.ok(a.contextTokens! > 250_000);
      assert.ok(
        a.reasons.some((r) => /context: ~\d+k tokens, needs a large context window/.test(r)),
        a.reasons.join('; '),
      );
    });

    it('on a long prompt the model reads the first 192 and last 64 characters; the rails read 512', () => {
      // 200 characters of ask, a middle the model does not read (characters 192–447 of the rails' window),
      // and a closing ask of more than the last 64 (same lengths, so the same numeric features).
      const head = 'We are tidying up the project notes before the release next month. '.repeat(3).slice(0, 200);
      const tail = ' Please tidy the wording of the notes in this section before Friday.';
      const filler = (words: string) => `${words} `.repeat(40).slice(0, 300);
      const plain = c.assess({ prompt: head + filler('notes and wording') + tail });
      const otherMiddle = c.assess({ prompt: head + filler('kernels and compilers') + tail });
      assert.deepEqual(otherMiddle.probabilities, plain.probabilities);
      // A production incident in that middle is past the model, not past the rails: the floor holds.
      const incident = c.assess({ prompt: head + filler('notes and wording') + ' Checkout is down for every customer since the deploy.' + tail });
      assert.ok(incident.level >= HIGH, incident.reasons.join('; '));
      assert.ok(
        incident.reasons.some((r) => /rail: production incident/.test(r)),
        incident.reasons.join('; '),
      );
    });

    it('mixed-language prompts are classified like their parts', () => {
      const a = c.assess({ prompt: 'bitte refactor diese klasse, it does way too much and has no tests', attachedCode: lines(120), fileCount: 1 });
      assert.ok(a.level >= LOW && a.level <= HIGH, JSON.stringify(a));
    });

    it('rejects a malformed request with the analyzer’s clear error', () => {
      assert.throws(
        () => c.assess({ prompt: 42 } as never),
        (e) => isJarvisError(e, 'invalid-input') && /needs \{ prompt: string \}/.test(e.message),
      );
      assert.throws(() => c.assess({ prompt: 'x', fileCount: -1 }), /fileCount must be a whole number/);
    });

    it('a missing model file: one clear log line, rules decide, easy asks stay local', () => {
      const { c: rules, logs: l } = classifier(() => {
        throw Object.assign(new Error("ENOENT: no such file or directory, open '/ext/media/router/complexity-model.json'"), { code: 'ENOENT' });
      });
      const a = rules.assess({ prompt: 'what is a closure in javascript' });
      const b = rules.assess({ prompt: 'explain how a hash map resizes' });
      assert.equal(a.source, 'rules');
      assert.ok(a.level <= LOW && b.level <= LOW, `${a.level} ${b.level}`);
      assert.equal(l.length, 1);
      assert.match(l[0], /Complexity model unavailable, routing by rules instead: ENOENT/);
      assert.equal(rules.status().state, 'rules');
      assert.equal(rules.mediumCloudThreshold(0.8), undefined);
      // Rails still apply on the rules path.
      assert.ok(rules.assess({ prompt: 'production is down and nobody can log in' }).level >= HIGH);
    });

    it('a corrupt model file (truncated, or another model): logged, rules decide', () => {
      const text = fs.readFileSync(MODEL, 'utf8');
      for (const [bad, re] of [
        [text.slice(0, 5000), /not valid JSON/],
        [JSON.stringify({ ...JSON.parse(text), meta: undefined }), /not the complexity model this version expects/],
      ] as const) {
        const { c: rules, logs: l } = classifier(() => bad);
        assert.equal(rules.assess({ prompt: 'define a monad' }).source, 'rules');
        assert.match(l[0], re);
      }
    });
  });

  it('logged nothing but the load line', () => {
    assert.equal(logs.length, 1);
  });
});
