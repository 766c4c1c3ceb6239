import * as assert from 'node:assert/strict';
import { applyRails } from '../../../../src/core/routing/complexity/applyRails';
import { complexitySignals } from '../../../../src/core/routing/complexity/complexityFeatures';
import { TaskComplexity } from '../../../../src/core/routing/complexity/TaskComplexity';

const { TRIVIAL, LOW, MEDIUM, HIGH, CRITICAL } = TaskComplexity;
const OPTS = { closeReading: true, analysisLines: 400, analysisFiles: 8 };

describe('applyRails (shared by the classifier and training)', () => {
  const incident = complexitySignals('The billing site went down on Monday, all fine now. Please fix the spelling of recieve in this comment.', undefined, 1);

  it('a stakes word floors the tier at high, naming the rail', () => {
    const r = applyRails(LOW, incident, OPTS);
    assert.equal(r.level, HIGH);
    assert.match(r.reasons.join('; '), /rail: production incident \(“.*down.*”\) → at least high/);
  });

  it('the model overrules the floor only when it is at least as sure as the tuned veto that the ask is trivial or low', () => {
    const sure = applyRails(LOW, incident, { ...OPTS, veto: { pLow: 0.93, threshold: 0.9 } });
    assert.equal(sure.level, LOW);
    assert.match(sure.reasons.join('; '), /read as context: learned P\(≤low\) 0\.93 ≥ 0\.9 → no floor/);
    const unsure = applyRails(LOW, incident, { ...OPTS, veto: { pLow: 0.7, threshold: 0.9 } });
    assert.equal(unsure.level, HIGH);
  });

  it('a greeting is trivial; a plain fact is capped at low; neither cancels a real incident', () => {
    assert.equal(applyRails(MEDIUM, complexitySignals('hello', undefined, 0), OPTS).level, TRIVIAL);
    assert.equal(applyRails(HIGH, complexitySignals('which license is this file under', undefined, 1, 2000), OPTS).level, LOW);
    assert.equal(applyRails(LOW, complexitySignals('hi, checkout is down for everyone since the deploy', undefined, 0), OPTS).level, HIGH);
  });

  it('close reading of big code adds one level, never past critical', () => {
    const review = complexitySignals('review this module for bugs', undefined, 1, 900);
    assert.equal(applyRails(MEDIUM, review, OPTS).level, HIGH);
    assert.equal(applyRails(CRITICAL, review, OPTS).level, CRITICAL);
    assert.equal(applyRails(MEDIUM, review, { ...OPTS, closeReading: false }).level, MEDIUM);
  });
});
