import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { answerText } from '../../../bench/workload/answers';
import { ANSWER_TOKENS, uniform } from '../../../bench/workload/simulator';
import { loadWorkload, TIERS } from '../../../bench/workload/workload';
import { QualityGate } from '../../../src/core/routing/quality/QualityGate';
import { splitPieces } from '../../fakes/SimulatedReply';

const repo = path.resolve(__dirname, '../../../..');
const workload = loadWorkload(path.join(repo, 'data', 'workload'));

/**
 * The workload bench's simulated good answers must read like good answers to the quality gate, or the
 * bench measures the simulator instead of Jarvis: once its good prose recycled eight sentences and the
 * gate rightly escalated 52 of 94 "good" answers as repetitive.
 */
describe('workload benchmark: simulated answers', () => {
  const gate = new QualityGate();
  const draws = (key: string) => {
    let n = 0;
    return () => uniform(`${key}|${n++}`);
  };

  it('a good answer, at every tier and length, never repeats itself and mentions the question', async () => {
    const flagged: string[] = [];
    for (const req of workload.requests) {
      const tokens = Math.round(ANSWER_TOKENS[TIERS.indexOf(req.tier)] * 1.3); // the longest a tier draws
      const answer = answerText(req, 'good', tokens, draws(req.id));
      const v = await gate.assess({ question: req.prompt, answer });
      const found = v.findings.filter((f) => f.rule === 'repetition' || f.rule === 'topic').map((f) => f.reason);
      if (found.length > 0) flagged.push(`${req.id}: ${found.join('; ')}`);
    }
    assert.deepEqual(flagged, []);
  });

  it('a cut-off or refusing answer is still seen as one', async () => {
    const req = workload.requests.find((r) => r.code && r.tier === 'medium');
    assert.ok(req, 'the workload has a medium request asking for code');
    for (const kind of ['truncated', 'refusal'] as const) {
      const v = await gate.assess({ question: req.prompt, answer: answerText(req, kind, 300, draws(kind)) });
      assert.ok(v.findings.length > 0, `a ${kind} answer passed the gate unseen`);
    }
  });

  it('every kind of answer arrives as written (the bench looks its verdict up by the text received)', () => {
    const lost: string[] = [];
    for (const req of workload.requests)
      for (const kind of ['good', 'truncated', 'broken-code', 'wrong', 'refusal'] as const) {
        const text = answerText(req, kind, 60, draws(`${req.id}|${kind}`));
        if (splitPieces(text, 8).join('') !== text) lost.push(`${req.id} ${kind}`);
      }
    assert.deepEqual(lost, []);
  });

  it('the same draws give the same text, and no sentence occurs twice in one answer', () => {
    const req = workload.requests[0];
    const a = answerText(req, 'good', 1000, draws('same'));
    assert.equal(answerText(req, 'good', 1000, draws('same')), a);
    const sentences = a.split(/(?<=[.:;])\s+/).filter((s) => s.length > 20);
    assert.equal(new Set(sentences).size, sentences.length);
  });
});
