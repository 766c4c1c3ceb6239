import * as assert from 'node:assert/strict';
import { mulberry32 } from '../../../../src/core/ml/trainSoftmax';
import { countLines, hasStackTrace, looksBinary, splitPrompt } from '../../../../src/core/routing/complexity/splitPrompt';

// The single regex hasStackTrace replaced (one alternative per stack-trace form); they must agree.
const REFERENCE =
  /Traceback \(most recent call last\)|\n\s+at [\w$.<>]+ ?\(|\bat [\w$.]+\([\w.]+:\d+\)|(?:Error|Exception): |\bpanic: |\bgoroutine \d+ \[|thread '[^']*' panicked/;

describe('complexity: splitPrompt and stack traces', () => {
  it('recognises the stack-trace forms users paste, and not prose that merely looks close', () => {
    const traces = [
      'Traceback (most recent call last):\n  File "a.py", line 3',
      'TypeError: x is undefined\n    at render (app.js:10:5)',
      'it fails:\n\tat com.acme.Billing.charge(Billing.java:42)',
      'see at com.acme.Main(Main.java:7) in the log',
      'panic: runtime error: index out of range',
      'goroutine 17 [running]:',
      "thread 'main' panicked at src/main.rs:4",
      '\n  at Object.<anonymous> (index.js:1:1)',
    ];
    for (const t of traces) assert.equal(hasStackTrace(t), true, t);
    const prose = [
      'look at the format (it is odd)',
      'what is the error: it is not clear',
      'the panicked user wrote: help',
      'that (x) at noon',
      'at last (finally)',
      'Errors: none',
      '',
    ];
    for (const t of prose) assert.equal(hasStackTrace(t), REFERENCE.test(t), t);
    assert.equal(hasStackTrace('look at the format (it is odd)'), false);
  });

  it('agrees with the single stack-trace regex on generated text', () => {
    const random = mulberry32(7);
    const pieces = [
      'at ',
      'that ',
      '\n',
      ' ',
      '\t',
      '\n  ',
      'foo',
      'a.b',
      '$x',
      '<anon>',
      '(',
      ')',
      'x.js',
      ':',
      '12',
      'Error: ',
      'Exception',
      ': ',
      'panic: ',
      'goroutine ',
      '3 [',
      "thread '",
      "'",
      ' panicked',
      'Traceback (most recent call last)',
      '_',
      'é',
      '\u00a0',
    ];
    let positives = 0;
    for (let n = 0; n < 5000; n++) {
      let t = '';
      const len = 1 + Math.floor(random() * 12);
      for (let k = 0; k < len; k++) t += pieces[Math.floor(random() * pieces.length)];
      const want = REFERENCE.test(t);
      if (want) positives++;
      assert.equal(hasStackTrace(t), want, JSON.stringify(t));
    }
    // The generator reaches both answers often enough for the agreement to mean something.
    assert.ok(positives > 500 && positives < 4500, `${positives} positives`);
  });

  it('splits fenced code from prose and counts lines', () => {
    const { prose, fencedLines } = splitPrompt('fix this\n```ts\nconst a = 1;\nconst b = 2;\n```\nplease');
    assert.equal(prose, 'fix this\nplease');
    assert.equal(fencedLines, 2);
    assert.equal(countLines('a\nb\n'), 2);
    assert.equal(countLines('  '), 0);
    assert.equal(looksBinary('\u0000\u0001\u0002abc'), true);
    assert.equal(looksBinary('plain words'), false);
  });
});
