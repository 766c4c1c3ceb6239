import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyRails } from '../../../../src/core/routing/complexity/applyRails';
import { ComplexityClassifier } from '../../../../src/core/routing/complexity/ComplexityClassifier';
import { STORY_CHARS, complexitySignals } from '../../../../src/core/routing/complexity/complexityFeatures';
import { findStakes } from '../../../../src/core/routing/complexity/stakesRails';
import { TaskComplexity } from '../../../../src/core/routing/complexity/TaskComplexity';

const { TRIVIAL, LOW, MEDIUM, HIGH, CRITICAL } = TaskComplexity;
const MODEL = path.resolve(__dirname, '../../../../../media/router/complexity-model.json');
const signals = (p: string) => complexitySignals(p, undefined, 0, 0);
const kinds = (p: string) => findStakes(p).map((m) => m.kind);
const OPTS = { closeReading: true, analysisLines: 400, analysisFiles: 8 };

// Session 17, from the kinds of heldout-8's costly misses: a small ask told after a long story in a risky
// setting, a thanks that only thanks, and an intrusion told by its signs. Fresh phrasings, none of that set's rows.
describe('stories around a small ask, thanks, and intrusions told by their signs', () => {
  const story =
    'Some background first, bear with me: I maintain the internal tools of a hospital group, everything touches patient records, ' +
    'there are HIPAA reviews every quarter and an auditor who reads our commit messages. ';

  it('a small ask after a long story in a regulated setting drops the setting, and the model reads only the ask', () => {
    for (const [pivot, ask] of [
      ['But my question is really simple:', 'how do I pad a number with zeros in JavaScript?'],
      ['Today I just need something small —', 'a regex that matches a UK postcode.'],
      ['Meine Frage ist eigentlich simpel:', 'wie hänge ich in Bash zwei Strings aneinander?'],
      ['Mi pregunta es muy tonta:', '¿cómo convierto un string a número en Python?'],
      ['Ma question est toute simple :', 'comment on inverse une liste en Python ?'],
    ]) {
      const s = signals(story + pivot + ' ' + ask);
      assert.deepEqual(
        s.stakes.map((m) => m.kind),
        [],
        pivot,
      );
      assert.equal(s.modelText.trim(), s.scopedAsk, pivot);
      assert.ok(s.window.length - (s.scopedAsk ?? '').length >= STORY_CHARS, pivot);
    }
    // The same setting asked about directly keeps its floor.
    assert.ok(kinds(story + 'Can you check that this export never writes patient names to the logs?').length > 0);
  });

  it('a short story keeps the whole text for the model; a small ask after what went wrong keeps those stakes', () => {
    const short = signals('We use Postgres. My only question: what does VACUUM FULL lock?');
    assert.equal(short.modelText, short.window);
    // Money charged twice in the story is what the small ask is about: the floor stays.
    const charged = signals('The renewal job charged about 300 customers twice last night. Quick question: can I just rerun it with the dedupe flag?');
    assert.ok(
      charged.stakes.some((m) => m.kind === 'money'),
      charged.stakes.map((m) => m.kind).join(),
    );
    assert.ok(applyRails(MEDIUM, charged, OPTS).level >= HIGH);
    // Lost data in the story stays too.
    const lost = signals('Ich habe gestern versehentlich die Tabelle bestellungen in Produktion geleert. Nur eine kurze Frage: gibt es ein Undo?');
    assert.ok(
      lost.stakes.some((m) => m.kind === 'data loss'),
      lost.stakes.map((m) => m.kind).join(),
    );
    // An unrelated ask after the same story keeps only its own stakes.
    const unrelated = signals('The renewal job charged about 300 customers twice last night. Unrelated question: how do I squash two commits?');
    assert.deepEqual(unrelated.stakes, []);
    // "my question is whether…" has no pivot: it is read whole.
    assert.equal(signals(story + 'my question is whether our backups are encrypted at rest').scopedAsk, undefined);
  });

  it('the shipped model, reading only the ask, keeps a one-fact question after a long risky story local, and a real ask after it in the cloud', () => {
    const c = new ComplexityClassifier({ loadModel: () => fs.readFileSync(MODEL, 'utf8') });
    const easy = c.assess({
      prompt:
        'Long story: we run the card-payment gateway for a few hundred shops, PCI audits twice a year, a postmortem culture, the works. ' +
        'I am writing the onboarding wiki for new hires and the actual question is tiny: what does `git stash pop` do?',
    });
    assert.ok(easy.level <= LOW, `${easy.level} ${easy.reasons.join('; ')}`);
    const hard = c.assess({
      prompt: story + 'Quick question: the nightly export sent one patient’s lab results to another patient’s portal, how do we find everyone affected?',
    });
    assert.ok(hard.level >= HIGH, `${hard.level} ${hard.reasons.join('; ')}`);
  });

  it('a thanks that only thanks is small talk in four languages; a thanks that asks again is not', () => {
    for (const p of [
      'Thank you so much, that explanation finally made closures click for me!',
      'thanks a ton for sticking with me through that horrible merge today',
      'Vielen Dank für die Geduld heute, du hast meinen Nachmittag gerettet!',
      'Muchas gracias por la ayuda de hoy, me has salvado la tarde.',
      'Merci pour ta patience cet après-midi, tu m’as sauvé la journée !',
    ]) {
      const s = signals(p);
      assert.equal(s.smallTalk, true, p);
      assert.equal(applyRails(CRITICAL, s, OPTS).level, TRIVIAL, p);
    }
    for (const p of [
      'thanks! can you now make the same function async?',
      'Thanks, but the test still fails on Windows',
      'Danke, jetzt bitte noch die Tests dazu',
      'gracias, ¿y cómo lo hago con TypeScript?',
      'merci, mais il reste une erreur à la ligne 40',
      'thanks for the review, please fix the race in the cache too',
    ]) {
      assert.equal(signals(p).smallTalk, false, p);
    }
  });

  it('an intrusion told by its signs sets the security floor in four languages; features about such signs do not', () => {
    for (const p of [
      'GuardDuty flagged one of our EC2 instances talking to a known mining pool overnight',
      'we see outbound connections from the staging box to an unknown IP every 10 minutes',
      'unser SIEM hat heute Nacht Anmeldungen gemeldet, die keiner von uns war',
      'seit gestern ausgehende Verbindungen vom Buildserver zu einer unbekannten IP',
      'hay tráfico saliente desde el servidor de base de datos hacia una IP desconocida',
      'il y a du trafic sortant du serveur de build vers une IP inconnue depuis cette nuit',
      'found a crypto miner running as www-data on the web server',
    ]) {
      assert.ok(kinds(p).includes('security'), `${p}: ${kinds(p).join(', ')}`);
      assert.ok(applyRails(MEDIUM, signals(p), { ...OPTS, veto: { pLow: 0, threshold: 0.5 } }).level >= HIGH, p);
    }
    for (const p of [
      'add a setting that blocks logins from unknown countries',
      'the ids flagged as duplicates should be shown in red',
      'our SOC 2 report is due, which log retention settings do auditors usually ask about?',
      'write a unit test for the function that detects outbound links in markdown',
    ]) {
      assert.ok(!kinds(p).includes('security'), `${p}: ${kinds(p).join(', ')}`);
    }
  });
});
