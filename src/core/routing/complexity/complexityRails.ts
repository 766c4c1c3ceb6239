import { foldText } from '../../ml/hashText';
import { choreIn, isLesson, stakesIn, type StakesMatch } from './stakesRails';

export { findStakes, type StakesMatch } from './stakesRails';

/**
 * Rule rails around the learned classifier, in English, German, Spanish and French. They do not
 * score a request; they bound the model where a mistake is expensive or obvious:
 * - high stakes (live incident, data loss, money, security, big live migration, regulated domains)
 *   set a floor: such a request never runs on the small local model;
 * - a plain fact ("what's the default port of postgres?") is capped at low, even with files attached;
 * - analysis (review, debug, audit) of a lot of code adds one level: reading 800 lines well is harder
 *   than reading 20; any other ask of big code is sized by context needs only.
 * Patterns match accent-folded, lower-cased prose (see foldText), so "dépl" and "depl" are one case.
 */

// A question for one fact: starts like one, is short, one sentence, and asks for no work.
const FACT_START = new RegExp(
  '^(?:' +
    [
      String.raw`what(?:'s| is| are| does| do| port| year| version| file)\b`,
      String.raw`which\b`,
      String.raw`who\b`,
      String.raw`when\b`,
      String.raw`how many\b`,
      String.raw`define\b`,
      String.raw`is (?:\w+ ){1,3}(?:compiled|stable|o\(1\)|case sensitive|short for)`,
      String.raw`default port\b`,
      // "default value of max_connections?", "Standardwert von …", "valor por defecto de …", "valeur par défaut de …".
      String.raw`(?:the )?default (?:value|setting|limit|size) (?:of|for)\b`,
      String.raw`standard(?:wert|einstellung) (?:von|fur)\b`,
      String.raw`¿?(?:el )?valor por defecto de\b`,
      String.raw`(?:la )?valeur par defaut (?:de|du|des)\b`,
      String.raw`(?:\w+ )?port (?:of|for)\b`,
      String.raw`was (?:ist|sind|bedeutet|macht|heisst)\b`,
      String.raw`welche[rsmn]?\b`,
      String.raw`wer\b`,
      String.raw`wie (?:viele|heisst)\b`,
      String.raw`wofur steht\b`,
      // "was versteht man unter RPO?", "¿qué se entiende por RPO?", "qu'entend-on par RPO ?" (session 14).
      String.raw`was versteht man unter\b`,
      String.raw`definiere\b`,
      String.raw`standardport\b`,
      String.raw`¿?que (?:es|son|significa|significan|hace|quiere decir)\b`,
      String.raw`¿?cual(?:es)? (?:es|son)\b`,
      String.raw`¿?que se entiende por\b`,
      String.raw`¿?cuantos?\b`,
      String.raw`¿?quien\b`,
      String.raw`define\b`,
      String.raw`puerto por defecto\b`,
      String.raw`¿?en que lenguaje\b`,
      String.raw`c'est quoi\b`,
      String.raw`qu'est-ce qu(?:e|')`,
      String.raw`que (?:veut dire|signifie|fait)\b`,
      String.raw`quel(?:le)?s? (?:est|sont|code|port|langage|licence|framework|raccourci)\b`,
      String.raw`combien\b`,
      String.raw`qu'entend-on par\b`,
      String.raw`definis\b`,
      String.raw`port par defaut\b`,
      String.raw`dans quel langage\b`,
      String.raw`lequel\b`,
    ].join('|') +
    ')',
);
// Words that turn a question into a task: explain, write, fix, design, compare, how to… (4 languages).
// German "schreib-" only as the verb (schreib, schreibe, schreibst, schreibt, schreiben): the nouns
// built on it (Schreibweise, Schreibzugriff, Schreibrechte) are what a lookup asks about, not work.
const WORK =
  /\b(?:best|architecture|strategy|prove|architektur|strategie|beste[nrs]?|arquitectura|estrategia|mejor|meilleure?|explain|write|implement|fix|design|build|create|refactor|compare|convert|why|how (?:do|should|can|would)|example|trade-?offs?|erklar\w*|schreib(?:e|en|st|t)?|implementier\w*|behebe|entwirf|warum|wie (?:kann|mache|sollten)|beispiel|explica\w*|escrib\w*|implementa\w*|arregla|disena|por que|como (?:hago|puedo)|ejemplo|expliqu\w*|ecri(?:s|t|re|vez|vons)|implement\w*|corrige|concoi[st]|pourquoi|comment|exemple)\b/;

export function isPlainFact(prose: string): boolean {
  return plainFactIn(foldText(prose));
}

function plainFactIn(folded: string): boolean {
  const text = folded.trim();
  if (singleFact(text)) return true;
  // A lookup, then one sentence saying why it is asked ("what is a zero-day? it came up in a meeting").
  const m = ASK_THEN_CONTEXT.exec(text);
  return m !== null && singleFact(m[1]) && !WORK.test(m[2]) && !SITUATION.test(m[2]);
}

const ASK_THEN_CONTEXT = /^([^.!?;]{3,120}\?)\s+([^?]{3,160})$/;

// The ask scoped by the user after a long story (4 languages): "…, but for the slide deck I only need one
// thing: what year did COBOL first appear?". What the story says about ledgers, hospitals or payroll is its
// setting, not the ask; a live incident in it still counts (see railSignalsFolded).
const SCOPED_ASK =
  /\b(?:(?:i|we) (?:only|just) (?:need|want)(?: to know)?(?: one thing| this)?|all i (?:need|want)(?: to know)? is|the (?:only )?thing i need(?: right now)? is(?: just)?|my (?:only|one) question is|ich (?:brauche|will) (?:nur|bloss) (?:eins|eine sache|wissen)|(?:nur|bloss) eine frage|lo unico que (?:necesito|quiero)(?: saber)? es|solo (?:necesito|quiero) (?:saber )?una cosa|je (?:veux|voudrais) (?:juste|seulement) savoir|(?:ma )?seule question|(?:anyway, )?unrelated(?: to (?:all )?that)?|(?:a )?(?:different|separate|unrelated) question|off-?topic|(?:ganz )?andere frage|etwas anderes|(?:pero )?esto es otra cosa|otra pregunta|rien a voir|autre chose|autre question)\s*[:,-]\s*(\S.*)$/;

/** The ask a long prompt scopes after its story ("…, anyway, unrelated: <ask>"), else undefined. */
function scopedAskIn(folded: string): string | undefined {
  return SCOPED_ASK.exec(folded.trim())?.[1];
}

// One sentence of context (no question in it, no work asked), then a lookup as the last sentence:
// "We moved to Postgres last year. What does VACUUM do?". Not a rail (the context may be an incident
// in progress): a feature the model weighs, so the stakes veto can learn when such context is only context.
const CONTEXT_THEN_ASK = /^([^.!?;]{3,120}[.!;])\s+(\S[^.!?;]*\??)$/;
// Asks about what is going on right now or what we should do about it, not a fact to look up (4
// languages): "…; which concurrency control do we need?" is a design question after its context.
const SITUATION =
  /\b(?:wrong|chang\w*|happen\w*|broke\w*|caus\w*|fail\w*|down|do we|should we|can we|kaputt|passiert|geandert|schief|fall\w*|brauchen wir|sollten wir|mussen wir|paso|cambio|roto|necesitamos|deberiamos|debemos|passe|casse|en panne|faut-il|nous faut|devrions|devons)\b/;

function lookupAfterContext(folded: string): boolean {
  const m = CONTEXT_THEN_ASK.exec(folded.trim());
  return m !== null && !WORK.test(m[1]) && !SITUATION.test(m[2]) && singleFact(m[2]);
}

function singleFact(text: string): boolean {
  if (text.length === 0 || text.length > 120) return false;
  const words = text.split(/\s+/).length;
  if (words > 14) return false;
  // More than one sentence is a story around a question, not a lookup.
  if (/[.!?;]\s+\S/.test(text)) return false;
  if (FACT_START.test(text) && !WORK.test(text)) return true;
  // "RGPD ça se dit comment en anglais": a term's name in another language ("comment" here is no work).
  const m = TRANSLATION.exec(text);
  return m !== null && !WORK.test(text.replace(m[0], ' '));
}

// How a term is said in another language (4 languages), as a lookup: the ask is the word, not work.
const TRANSLATION =
  /\b(?:how do you say|what'?s the (?:english|german|spanish|french) (?:word|term) for|(?:se dit|dit-on) comment en|comment (?:dit-on|se dit|on dit)|wie sagt man|wie heisst (?:das|\S+) auf|como se dice|se dice .{1,30}en (?:ingles|aleman|frances))\b/;

// Greetings and thanks (4 languages): a short message that starts like one and asks for nothing.
const SOCIAL_START =
  /^(?:hi|hello|hey|thanks|thank you|thx|cheers|good (?:morning|afternoon|evening|night)|great|perfect|ok(?:ay)?|hallo|moin|servus|danke|vielen dank|guten (?:morgen|tag|abend)|super|prima|hola|gracias|muchas gracias|buen(?:os|as) (?:dias|tardes|noches)|perfecto|vale|genial|bonjour|bonsoir|salut|coucou|merci|parfait|top)\b/;
// What follows a thanks when nothing more is asked: "that fixed it", "hat funktioniert", "ça marche".
const ACK =
  /\b(?:ready when you are|let'?s (?:start|begin|go)|i'?m back|bin wieder da|los geht'?s|listo cuando quieras|empecemos|vamos alla|je suis de retour|on y va|on commence|(?:that|it|this) (?:fixed|worked|works|helped|helps|did)|works now|all good|danke|hat (?:funktioniert|geklappt)|funktioniert|klappt|ya funciona|funciona|me sirvio|ca marche|ca fonctionne|c'est bon|parfait|perfect|perfecto|jarvis)\b/;

export function isSmallTalk(prose: string): boolean {
  return smallTalkIn(foldText(prose));
}

function smallTalkIn(folded: string): boolean {
  const text = folded.trim();
  if (text.length === 0 || text.length > 80 || !SOCIAL_START.test(text) || WORK.test(text)) return false;
  const words = text.split(/\s+/).length;
  return words <= 3 || (words <= 8 && ACK.test(text));
}

// Asks that read the attached code closely: review, debug, audit, find the bug/leak/race, why does it fail.
// "debug" as a log level or build mode ("set the log level to debug", "debug output") is not one.
const ANALYSIS =
  /\b(?:review|(?<!\b(?:level|log|info|warn|warning|trace|verbose) (?:to |at |= |auf |a |en |sur )?)debug(?! (?:level|logging|logs?|mode|output|build|flag|messages?|print\w*|statements?)\b)|audit|verify|check|find (?:the |any |where |out why )?|why (?:does|is|do)|prufe?|uberprufe?|finde|warum|revisa|encuentra|verifica|por que|relis|trouve|verifie|pourquoi|audite)\b/;

export function isCodeAnalysis(prose: string): boolean {
  return ANALYSIS.test(foldText(prose));
}

// Coursework (4 languages): a textbook algorithm asked for a class is the labelling guide's low work however
// hard its name sounds ("implement Dijkstra for my algorithms homework"). "assignment" and "class" alone are not
// one: they are also the operator and the type.
const COURSEWORK =
  /\b(?:homework|coursework|textbook (?:version|exercise|implementation|algorithm)|for (?:my|a|our) (?:\w+ )?(?:course|lecture|assignment)|(?:algorithms?|cs\d*|data structures) class|(?:uni|college|school) assignment|exam prep|hausaufgabe\w*|ubungsblatt\w*|ubungsaufgabe\w*|fur (?:die|meine) (?:uni|vorlesung|ubung)|(?:practica|tarea|ejercicio) (?:de|para) (?:la |mi )?(?:asignatura|clase|universidad|facultad|curso)|deberes|pour (?:le|mon|un) (?:tp|td|cours)|devoir maison|exercice (?:du|de) cours)\b/;

/** All rail signals of one piece of prose, folded once (they run on every request). */
export function railSignals(prose: string): RailSignals {
  return railSignalsFolded(foldText(prose));
}

/** railSignals of text already folded by foldText (the classifier folds its read window once for all). */
export function railSignalsFolded(folded: string): RailSignals {
  const scoped = scopedAskIn(folded);
  const plainFact = (scoped !== undefined && singleFact(scoped)) || plainFactIn(folded);
  // Read once: the chore and stakes rails both ask whether the text is a lesson.
  const lesson = isLesson(folded);
  const chore = choreIn(folded, lesson);
  const all = stakesIn(folded, chore, lesson);
  // A scoped ask keeps only the stakes of its own words, and of a live incident told around it.
  const own = scoped === undefined ? undefined : new Set(stakesIn(scoped).map((m) => m.kind));
  const stakes = own === undefined ? all : all.filter((m) => m.kind === 'production incident' || own.has(m.kind));
  return {
    stakes,
    chore,
    coursework: COURSEWORK.test(folded),
    lesson,
    plainFact,
    lookup: plainFact || lookupAfterContext(folded),
    smallTalk: smallTalkIn(folded),
    analysis: ANALYSIS.test(folded),
  };
}

export interface RailSignals {
  stakes: StakesMatch[];
  /** A one-sentence lookup: capped at low, no stakes floor. */
  plainFact: boolean;
  /** plainFact, or a lookup after one sentence of context (a model feature only). */
  lookup: boolean;
  smallTalk: boolean;
  /** A mechanical edit and nothing more (see stakesRails' choreIn): never high or critical work by itself. */
  chore: boolean;
  /** A textbook exercise for a class: never high or critical work by itself. */
  coursework: boolean;
  /** A lesson or a concept asked for ("explain X for a junior", "just the definition"): never high or critical by itself. */
  lesson: boolean;
  analysis: boolean;
}

/** Lines of attached code, or files in scope, from which close reading of them is harder work. */
export const ANALYSIS_LINES = 400;
export const ANALYSIS_FILES = 8;
