import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { clipText } from '../../../../src/core/ml/HashingFeaturizer';
import { foldText } from '../../../../src/core/ml/hashText';
import { ASK_WINDOW } from '../../../../src/core/routing/complexity/complexityFeatures';
import { LiteralPrefilter, literalsOf } from '../../../../src/core/routing/complexity/literalPrefilter';
import { splitPrompt } from '../../../../src/core/routing/complexity/splitPrompt';
import { STAKES, stakesIn } from '../../../../src/core/routing/complexity/stakesRails';
import { readRouterRows } from '../../../../src/core/routing/complexity/train/routerData';

const root = path.resolve(__dirname, '../../../../..');

describe('literal prefilter of the rails', () => {
  it('reads the literals a match must start with, through groups, optional parts and word boundaries', () => {
    assert.deepEqual(literalsOf(/\b(?:outages?|on-?call)\b/)?.wordStart, ['outage', 'outages', 'oncall', 'on-call']);
    assert.deepEqual(literalsOf(/\b(?:ab)?cd/)?.wordStart.sort(), ['abcd', 'cd']);
    assert.deepEqual(literalsOf(/\.\.\/(?:\.\.\/)*\s+in/)?.anywhere, ['../', '../../']);
    assert.equal(literalsOf(/\b\d+ ?tb\b/)?.digitWordStart, true);
    // No literal of two characters or more at the start of some branch: the regex always runs.
    assert.equal(literalsOf(/\bfoo|\w+bar/), undefined);
    assert.equal(literalsOf(/\ba\b/), undefined);
    assert.equal(literalsOf(/^foo/), undefined);
  });

  it('flags a regex only when one of its literals is at a word start (or anywhere, for the unanchored)', () => {
    const f = new LiteralPrefilter([/\b(?:ab)?cd/, /\.\.\/x/, /\b\d+ ?tb/, /\bleak(?:ed|ing)\b/]);
    assert.deepEqual([...f.candidates('xx cd')], [1, 0, 0, 0]);
    assert.deepEqual([...f.candidates('xcd abcd')], [1, 0, 0, 0]);
    assert.deepEqual([...f.candidates('xcd')], [0, 0, 0, 0]);
    assert.deepEqual([...f.candidates('a ../x 12 tb')], [0, 1, 1, 0]);
    assert.deepEqual([...f.candidates('it leaked')], [0, 0, 0, 1]);
    assert.deepEqual([...f.candidates('bleaked')], [0, 0, 0, 0]);
  });

  // The prefilter is only worth having if it never hides a match: on every labelled prompt (and on each
  // with its own start appended, so matches also sit mid-text), every part that matches is flagged, and
  // each kind's leftmost part match is what the kind's single regex finds.
  it('never hides a match: every part and every kind agree with the kinds as single regexes on every labelled prompt', function () {
    // Every part on every labelled prompt twice (about 6,000 prompts): seconds on a shared machine; nothing here measures time.
    this.timeout(900_000); // CPU-bound: a limit that only catches a hang, however loaded the machine
    const parts = STAKES.flatMap((s) => s.parts);
    const filter = new LiteralPrefilter(parts);
    let texts = 0;
    let matched = 0;
    for (const file of fs.readdirSync(path.join(root, 'data/router')).filter((f) => f.endsWith('.jsonl'))) {
      for (const r of readRouterRows(path.join(root, 'data/router', file))) {
        const w = foldText(clipText(splitPrompt(r.prompt).prose, ASK_WINDOW));
        for (const text of [w, `${w} ${w.slice(0, 40)}`, w.slice(7)]) {
          texts++;
          const flags = filter.candidates(text);
          parts.forEach((re, k) => {
            if (re.test(text)) assert.equal(flags[k], 1, `${re} matches ${JSON.stringify(text)} but was not flagged`);
          });
          let k = 0;
          for (const s of STAKES) {
            const whole = s.re.exec(text);
            let best: RegExpExecArray | null = null;
            for (const p of s.parts) {
              const m = flags[k++] === 1 ? p.exec(text) : null;
              if (m && (best === null || m.index < best.index)) best = m;
            }
            assert.equal(best?.[0], whole?.[0], `${s.kind} on ${JSON.stringify(text)}`);
            if (whole) matched++;
          }
        }
      }
    }
    assert.ok(texts > 8000 && matched > 1000, `${texts} texts, ${matched} matches`);
  });

  it('leaves the stakes found unchanged in words and order', () => {
    const text = foldText('the payout ledger leaked: we lost data and the site is down since the deploy');
    assert.deepEqual(
      stakesIn(text).map((m) => m.kind),
      ['production incident', 'data loss', 'money', 'security'],
    );
    assert.equal(stakesIn(text).find((m) => m.kind === 'money')?.words, 'payout');
  });
});
