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

  it('with no stakes sign, the model alone reaches high or critical only as sure as the tuned guard says; a stakes floor is not guarded', () => {
    const sql = complexitySignals('sql: top 5 customers by number of orders', undefined, 0);
    const guard = { critical: 0.8, high: 0.75 };
    const unsure = applyRails(CRITICAL, sql, { ...OPTS, guard: { pHigh: 0.7, pCritical: 0.6, ...guard } });
    assert.equal(unsure.level, MEDIUM);
    assert.match(unsure.reasons.join('; '), /guard: learned critical with no stakes sign, P\(≥high\) 0\.70 < 0\.75 → medium/);
    const fairlySure = applyRails(CRITICAL, sql, { ...OPTS, guard: { pHigh: 0.9, pCritical: 0.6, ...guard } });
    assert.equal(fairlySure.level, HIGH);
    assert.match(fairlySure.reasons.join('; '), /P\(=critical\) 0\.60 < 0\.8 → high/);
    assert.equal(applyRails(CRITICAL, sql, { ...OPTS, guard: { pHigh: 0.95, pCritical: 0.9, ...guard } }).level, CRITICAL);
    // The incident's floor holds: its words are the stakes sign, so the model's critical stands.
    assert.equal(applyRails(CRITICAL, incident, { ...OPTS, guard: { pHigh: 0.5, pCritical: 0.4, ...guard } }).level, CRITICAL);
    assert.equal(applyRails(CRITICAL, sql, OPTS).level, CRITICAL, 'no guard in the model file: the tier stands');
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

  it('"debug" as a log level or build mode is not a close-reading ask; debugging the code is', () => {
    for (const p of [
      'set the default log level to debug in this config',
      'change the level from info to debug here',
      'turn on debug output for the http client',
    ]) {
      const s = complexitySignals(p, undefined, 1, 900);
      assert.equal(s.analysis, false, p);
      assert.equal(applyRails(LOW, s, OPTS).level, LOW, p);
    }
    const debug = complexitySignals('debug this crash in the parser', undefined, 1, 900);
    assert.equal(debug.analysis, true);
    assert.equal(applyRails(MEDIUM, debug, OPTS).level, HIGH);
  });

  it('a lookup after one sentence of context is a model feature, not a rail: the stakes floor still holds', () => {
    const ctx = complexitySignals('We had a security audit in the spring. What does OWASP stand for?', undefined, 0);
    assert.equal(ctx.lookup, true);
    assert.equal(ctx.plainFact, false);
    assert.equal(applyRails(TRIVIAL, ctx, OPTS).level, HIGH);
    // An ask about what is going on, a question in the context, or work asked is not a lookup.
    for (const p of [
      'Checkout is down since the deploy. What changed?',
      'Is it down? What does SLO stand for?',
      'Fix the build first. What does SLO stand for?',
    ]) {
      assert.equal(complexitySignals(p, undefined, 0).lookup, false, p);
    }
    assert.equal(complexitySignals('what does SLO stand for', undefined, 0).lookup, true);
  });

  it('German nouns built on "schreib-" (Schreibweise, Schreibzugriff) ask for no writing: a lookup of one stays low; the verb is still work', () => {
    for (const p of [
      'Welche Schreibweise ist richtig, E-Mail oder Email?',
      'Wer hat Schreibzugriff auf das Repo?',
      'Welche Schreibrechte braucht der CI-Nutzer?',
    ]) {
      const s = complexitySignals(p, undefined, 0);
      assert.equal(s.plainFact, true, p);
      assert.equal(applyRails(MEDIUM, s, OPTS).level, LOW, p);
    }
    for (const p of [
      'Welche Funktion schreibe ich für das Parsen?',
      'Wer schreibt mir einen Parser für CSV?',
      'Welche Tests schreiben wir dafür?',
      'Welche Art Test schreib ich hier?',
    ]) {
      assert.equal(complexitySignals(p, undefined, 0).plainFact, false, p);
    }
  });
});
