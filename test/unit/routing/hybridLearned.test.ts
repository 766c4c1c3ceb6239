import * as assert from 'node:assert/strict';
import type { ComplexityAssessment } from '../../../src/core/routing/complexity/analyzeComplexity';
import { TaskComplexity } from '../../../src/core/routing/complexity/TaskComplexity';
import { HybridStrategy, type ComplexityAssessor } from '../../../src/core/routing/HybridStrategy';
import { Router } from '../../../src/core/routing/Router';
import type { LlmProvider, ProviderId } from '../../../src/core/llm/types';

const idle = (id: ProviderId, local: boolean): LlmProvider => ({
  id,
  local,
  chat: () => {
    throw new Error('not called');
  },
});

/** A judge that says "medium" with a given P(≥ high), and a fixed calibrated threshold. */
function judge(cloudScore: number, threshold = 0.2): ComplexityAssessor & { asked: number[] } {
  const asked: number[] = [];
  return {
    asked,
    assess: (): ComplexityAssessment => ({ level: TaskComplexity.MEDIUM, confidence: 0.6, reasons: ['learned: medium 0.60'], source: 'learned', cloudScore }),
    mediumCloudThreshold: (ratio) => {
      asked.push(ratio);
      return threshold;
    },
  };
}

describe('HybridStrategy with a learned judge: medium steering by probability, not a coin', () => {
  const router = new Router({ providers: [idle('ollama', true), idle('openai', false)] });

  it('sends a medium request whose P(≥high) reaches the calibrated threshold to the cloud, below it local, saying why', () => {
    const hard = new HybridStrategy({ router, localRatio: 0.8, complexity: judge(0.35) }).decide({ prompt: 'x' });
    assert.equal(hard.placement, 'cloud');
    assert.match(hard.why, /medium tier: local share n\/a, target 80%; P\(≥high\) 0\.35 ≥ 0\.20 → cloud/);
    const easy = new HybridStrategy({ router, localRatio: 0.8, complexity: judge(0.05) }).decide({ prompt: 'x' });
    assert.equal(easy.placement, 'local');
    assert.match(easy.why, /P\(≥high\) 0\.05 < 0\.20 → local/);
  });

  it('is deterministic: the same request with the same window gets the same placement every time', () => {
    const h = new HybridStrategy({ router, localRatio: 0.8, complexity: judge(0.19) });
    const first = h.decide({ prompt: 'x' }).placement;
    for (let i = 0; i < 20; i++) assert.equal(h.decide({ prompt: 'x' }).placement, first);
  });

  it('asks the judge for the threshold of the target share (lowered by the budget factor)', () => {
    const j = judge(0.1);
    new HybridStrategy({ router, localRatio: 0.6, complexity: j }).decide({ prompt: 'x' });
    assert.deepEqual(j.asked, [0.6]);
  });

  it('keeps the rules path (no probabilities) on the local-share window', () => {
    const rules: ComplexityAssessor = { assess: () => ({ level: TaskComplexity.MEDIUM, confidence: 0.8, reasons: ['write ask'] }) };
    const d = new HybridStrategy({ router, localRatio: 0.8, complexity: rules }).decide({ prompt: 'x' });
    assert.doesNotMatch(d.why, /P\(≥high\)/);
    assert.equal(d.placement, 'local');
  });
});
