import { foldText } from '../../ml/hashText';
import { LiteralPrefilter } from './literalPrefilter';
import { STAKES } from './stakesPatterns';

export { STAKES } from './stakesPatterns';

/**
 * What the high-stakes rail makes of its patterns (stakesPatterns): which kinds a lesson, a mechanical
 * edit or the model's confidence (the veto) can set aside. Folded, lower-cased prose (see foldText).
 */

export interface StakesMatch {
  /** e.g. "production incident", "money". */
  kind: string;
  /** The words that matched, for the reason shown to the user. */
  words: string;
}

const STAKES_PREFILTER = new LiteralPrefilter(STAKES.flatMap((s) => s.parts));

/** The high-stakes kinds found in the prose (empty when none). */
export function findStakes(prose: string): StakesMatch[] {
  return stakesIn(foldText(prose));
}

// A teaching ask ("explain what a transaction is with a bank transfer example"): money or medical words
// there name the topic of a lesson, not money or patients at risk, so those kinds (and the two kinds
// that describe the work, below) set no floor.
const LEARNING =
  /^(?:(?:please )?explain (?:what|how|the|a|an)\b|(?:give me|show me) an? (?:quick |simple |short )?example|explique (?:ce qu|comment|le|la|les|l'|un|une)\b|donne(?:-moi)? un exemple|erklar(?:e)? (?:mir )?(?:was|wie|den|die|das|eine?n?|grob|kurz)\b|zeig (?:mir )?ein (?:einfaches )?beispiel|explica(?:me)? (?:que|como|el|la|los|las|un|una|a grandes)\b|dame un ejemplo)/;
const TOPIC_KINDS = new Set(['money', 'regulated or safety-critical', 'patient or functional safety', 'security hole', 'hard reasoning']);
// Words that make money words an event, not a topic: charged twice, wrong currency, never refunded.
const EVENT = /\b(?:twice|double|never|wrong|deux fois|mauvaise|jamais|dos veces|equivocada|nunca|zweimal|doppelt|falsch\w*|nie)\b/;

/** Does the text say something went wrong ("charged twice", "wrong currency", "never refunded")? */
export function isEvent(folded: string): boolean {
  return EVENT.test(folded);
}

// A mechanical edit asked in a file whose domain is risky ("this service moves money; just sort the
// imports"): the labelling guide makes mechanical edits low whatever the file, so the domain words are
// context and set no floor. Not for incidents, data loss or live migrations (there the edit is part of
// the risk), and not when anything else is asked or an event word says something went wrong.
const CHORE = new RegExp(
  String.raw`\b(?:` +
    [
      // en
      String.raw`(?:sort|reorder|order|remove|delete|drop) (?:the |these |all )?(?:unused )?imports`,
      String.raw`rename (?:the |this )?(?:local )?(?:variable|var|file|constant|parameter|param|method|function)\b`,
      String.raw`rename \w+ to \w+`,
      String.raw`(?:re-?indent|indentation|tabs? (?:to|with|by)|trailing (?:whitespace|newline|spaces)|blank line|line (?:break|ending)s?|copyright|license header|(?:double|single) quotes|commented-?out|typo|spelling|sort the (?:keys|constants)|wrap the lines|var declarations)\b`,
      String.raw`change the (?:\w+ )?(?:label|heading|title|wording|placeholder)\b`,
      // de
      String.raw`sortier\w* (?:\w+ )?imports`,
      String.raw`ungenutzten imports`,
      String.raw`benenn\w*\b[^?!\n]{0,40}\bum\b`,
      String.raw`(?:ander|aender)\w* (?:die|den) (?:uberschrift|beschriftung|titel)`,
      String.raw`einruckung`,
      String.raw`leerzeichen`,
      String.raw`leerzeile`,
      String.raw`tippfehler`,
      String.raw`schreibweise`,
      // es
      String.raw`(?:ordena|quita)\w* (?:\w+ )*?(?:imports|constantes)`,
      String.raw`renombra`,
      String.raw`cambia el (?:titulo|texto|rotulo)`,
      String.raw`indentacion`,
      String.raw`reindenta`,
      String.raw`espacios`,
      String.raw`salto de linea`,
      String.raw`errata`,
      String.raw`ortografia`,
      String.raw`comillas`,
      // fr
      String.raw`trie (?:\w+ )*?(?:imports|constantes)`,
      String.raw`enleve (?:\w+ )*?imports`,
      String.raw`renomme`,
      String.raw`change le (?:titre|libelle|texte)`,
      String.raw`indentation`,
      String.raw`reindente`,
      String.raw`espaces`,
      String.raw`ligne vide`,
      String.raw`faute`,
      String.raw`orthographe`,
      String.raw`guillemets`,
    ].join('|') +
    ')',
);
// What makes it more than a chore: a second ask, something broken, an analysis.
const NOT_ONLY_CHORE =
  /\b(?:and (?:then )?(?:fix|check|review|audit|verify|make sure)|why|bugs?|broken|off by|incorrect|mismatch\w*|missing|lost|leak\w*|exposed|fails?|failing|error|(?:review|audit) (?:the|this|these|it|our)|debug|und (?:prufe|behebe)|warum|fehler|y (?:revisa|arregla)|por que|error|et (?:verifie|corrige)|pourquoi|erreur)\b/;
const CONTEXT_KINDS = new Set(['money', 'security', 'regulated or safety-critical', 'patient or functional safety', 'security hole']);
// "Double quotes" is no double charge.
const QUOTES = /\b(?:double|single) quotes\b|\bcomillas (?:dobles|simples)|\bguillemets (?:doubles|simples)/g;

/**
 * Kinds whose words describe the work asked, not its surroundings: the model's confidence that a
 * request is easy (the stakes veto, see applyRails) does not overrule them.
 */
export const ASK_KINDS: ReadonlySet<string> = new Set(['security hole', 'hard reasoning', 'patient or functional safety']);

/**
 * A mechanical edit and nothing more ("sort the imports", "rename tmp to slot", "fix the typo"): no event
 * word, no second ask, no lesson. Folded text.
 */
export function choreIn(text: string, lesson?: boolean): boolean {
  return CHORE.test(text) && !EVENT.test(text.replace(QUOTES, '')) && !NOT_ONLY_CHORE.test(text) && !(lesson ?? isLesson(text));
}

// An explain ask that says who it is for or how plainly ("… vs …, for a junior", "en termes simples"):
// a lesson too, whatever noun follows the verb.
const EXPLAIN_START = /^(?:please |can you |could you )?(?:explain|erklar\w*|explica\w*|expliqu\w*)\b/;
const LESSON_MARK =
  /\b(?:vs\.?|versus|for an? (?:junior|beginner|newcomer|student|intern)|for (?:beginners|juniors|newcomers|students)|in simple (?:terms|words)|in plain (?:english|words)|like i'?m (?:five|5)|eli5|fur (?:einen |eine )?(?:anfanger\w*|junior|einsteiger\w*|praktikant\w*)|in einfachen worten|einfach erklart|para (?:un |una )?(?:junior|principiantes?|novatos?|becari[oa])|en terminos sencillos|con palabras sencillas|pour (?:un |une )?(?:junior|debutants?|stagiaire)|en termes simples|avec des mots simples)\b/;

// Said anywhere, these make any ask a lesson: "conceptually, just curious, no code", "nur das Konzept".
// Since session 14 also "just the term / only the definition" (4 languages): "RPO (data-loss tolerance)? just the term".
const CONCEPT_ONLY =
  /\b(?:conceptually|(?:what(?:'s| is) (?:it|that|this)|was (?:ist|heisst) das|que es(?: eso)?|qu'est-ce que c'est|c'est quoi)\W{1,3}in (?:one|a single) (?:line|sentence)|just curious|no code|(?:just|only) the (?:concept|term|definition)|one line each|nur (?:das|als) konzept|(?:einfach )?nur (?:der begriff|die definition)|keine implementierung|ohne code|rein interessehalber|solo (?:el|como) concepto|(?:solo|nada mas) (?:el termino|la definicion)|sin codigo|por curiosidad|juste (?:le|pour le) concept|juste (?:le terme|la definition)|sans code|par curiosite)\b/;

// A short "is X the same as Y?" or "the difference between X and Y": a definition asked, even when X is a
// regulation or a payment standard ("is PCI DSS the same as PCI compliance?", "¿RGPD y GDPR son lo mismo?").
const SAME_OR_DIFFERENT =
  /\b(?:the same (?:thing )?as|or are (?:they|those) different|difference between|(?:dasselbe|das gleiche|dieselbe|der gleiche|die gleiche) wie|(?:ist|sind) (?:das|die) (?:dasselbe|das gleiche)|unterschied zwischen|(?:son|es) lo mismo|lo mismo que|la misma cosa|diferencia entre|la meme chose|difference entre|quelle (?:est la )?difference)\b/;
const SHORT_QUESTION = 140;
// Session 19: "what does "X" mean", "c'est quoi une « X » dans mon cours", "qué quiere decir X en el libro": a term's
// meaning asked, marked as a term by quotes or by the book or course it comes from (4 languages): a lesson (EVENT still
// rules it out).
const DEFINITION_ASK =
  /^(?:what(?:'s| is| does)|what do(?:es)? (?:they|you|it) mean by|was (?:bedeutet|heisst|ist (?:eigentlich )?(?:ein|eine|der|die|das)?)|que (?:quiere decir|significa|es (?:eso de|un|una|el|la)?)|c'est quoi|qu'est-ce qu(?:e|'on appelle)|que (?:veut dire|signifie))\b/;
const QUOTED_TERM = /["\u201c\u201e\u00ab]/;
const FROM_A_COURSE =
  /\b(?:in (?:my|the|our) (?:book|textbook|course|class|lecture|slides)|course slides|im (?:buch|kurs|skript|lehrbuch)|in der vorlesung|en (?:el|mi) (?:libro|curso|clase|temario)|en clase|dans (?:mon|le|notre) (?:cours|livre|manuel|poly))\b/;
const definitionAsk = (t: string): boolean => t.length <= 200 && DEFINITION_ASK.test(t);
const termDefinition = (t: string): boolean => definitionAsk(t) && (QUOTED_TERM.test(t) || FROM_A_COURSE.test(t));
// Only a term from a book or course makes security words a topic: a quoted word alone may be what was found running.
const courseTerm = (t: string): boolean => definitionAsk(t) && FROM_A_COURSE.test(t);

/** A lesson or a concept asked for (folded text): the labelling guide's low work, whatever the topic. */
export const isLesson = (text: string): boolean => {
  const t = text.trimStart();
  const definition = t.length <= SHORT_QUESTION && SAME_OR_DIFFERENT.test(t);
  return (LEARNING.test(t) || (EXPLAIN_START.test(t) && LESSON_MARK.test(t)) || CONCEPT_ONLY.test(t) || definition || termDefinition(t)) && !EVENT.test(text);
};

// A risky domain's word used as the name of a column or field ("drop rows where the "dose" column is
// empty", "die Spalte Betrag"): it names data, not the work, unless an event word says something went wrong.
const FIELD_NOUN = String.raw`(?:columns?|fields?|attributes?|propert(?:y|ies)|spalten?|feld(?:er)?|columnas?|campos?|colonnes?|champs?|attributs?|atributos?)`;
// Only the name is blanked, never the noun, so "la colonne "dose"" and "the "dose" column" both lose the name.
const NAME_BEFORE_NOUN = new RegExp(String.raw`["'\u201c\u201e\u00ab\x60]?\b[\w-]{2,30}["'\u201d\u201c\u00bb\x60]?(?=\s+${FIELD_NOUN}\b)`, 'g');
const NAME_AFTER_NOUN = new RegExp(String.raw`(?<=\b${FIELD_NOUN}\s+(?:["'\u201c\u201e\u00ab\x60]\s?)?)[\w-]{2,30}`, 'g');
const HAS_FIELD_NOUN = new RegExp(String.raw`\b${FIELD_NOUN}\b`);
const FIELD_KINDS = new Set(['money', 'regulated or safety-critical', 'patient or functional safety']);

// A code identifier joined from words and ending in a UI or code part ("PatientRecordCard", folded to
// "patientrecordcard"; "invoice_list_view"): the name of a component, not patients or invoices at risk.
const IDENTIFIER =
  /\b[a-z0-9_.]{3,}?(?:card|list|form|view|table|row|modal|dialog|component|button|page|screen|widget|item|dto|model|service|controller|props|store|slice|reducer|hook|schema|entity|repository|handler|helper|utils?)(?:\.(?:tsx?|jsx?|vue|svelte|py|java|kt|cs|go|rb))?\b/g;
// A demo, toy or sample app, fictitious or synthetic data, or work for a course ("the dropdown in our pharmacy demo
// app", "fiktive Patientendaten", "para un curso"): the domain is a theme, nobody's money or health (4 languages).
const DEMO =
  /\b(?:fictitious|fictional|synthetic|made-up|fiktive\w*|synthetische\w*|fictici[oa]s?|sintetic[oa]s?|inventad[oa]s|fictifs?|fictives?|synthetiques?)\b|\b(?:for|in) (?:a|my|the|our) (?:\w+ )?(?:course|class|lecture|workshop)\b|\b(?:para|en) (?:un|mi|el) (?:curso|taller)\b|\bpour (?:un|mon|le) (?:cours|atelier)\b|\bfur (?:einen|meinen|den) (?:kurs|workshop)\b|\b(?:demo|toy|sample|example|tutorial|practice|mock|dummy|fake|portfolio|hobby) (?:app|apps|project|site|store|shop|data|dataset|api)\b|\b(?:app|project|site|api) (?:demo|de demo)\b|\bbeispiel-?(?:app|projekt|daten)|\bspielzeug-?(?:app|projekt)|\bdemo-?(?:app|projekt|daten)|\b(?:app|aplicacion|proyecto|datos) de (?:ejemplo|demo|juguete|practica)|\b(?:appli|application|projet|donnees|site) (?:de demo|d'exemple|jouet|factice|d'entrainement)/;

/**
 * The text the money, regulated and patient kinds read: field and component names blanked (same length, so match
 * positions agree); nothing when the domain is only a demo's theme; the text itself when something went wrong.
 */
function withoutFieldNames(text: string): string {
  if (EVENT.test(text)) return text;
  if (DEMO.test(text)) return '';
  const blank = (m: string): string => ' '.repeat(m.length);
  const named = HAS_FIELD_NOUN.test(text) ? text.replace(NAME_BEFORE_NOUN, blank).replace(NAME_AFTER_NOUN, blank) : text;
  return named.replace(IDENTIFIER, blank);
}

/** @param chore `choreIn(text)` and @param lesson `isLesson(text)`, when the caller has them already. */
export function stakesIn(text: string, chore = choreIn(text), lesson = isLesson(text)): StakesMatch[] {
  const out: StakesMatch[] = [];
  const concept = lesson && (CONCEPT_ONLY.test(text) || courseTerm(text.trimStart()));
  // Kinds none of whose literals occur cannot match: their regexes are not run (see literalPrefilter).
  const maybe = STAKES_PREFILTER.candidates(text);
  let fields: string | undefined;
  let part = 0;
  for (const s of STAKES) {
    const first = part;
    part += s.parts.length;
    if (lesson && TOPIC_KINDS.has(s.kind)) continue;
    // Only an explicit "just the concept" makes security words a topic: "explain how they got in" is no lesson.
    if (concept && s.kind === 'security') continue;
    if (chore && CONTEXT_KINDS.has(s.kind)) continue;
    let m: RegExpExecArray | null = null;
    let source = text;
    if (FIELD_KINDS.has(s.kind) && maybe.subarray(first, part).some((c) => c !== 0)) source = fields ??= withoutFieldNames(text);
    for (let j = first; j < part; j++) {
      if (maybe[j] === 0) continue;
      const hit = s.parts[j - first].exec(source);
      if (hit && (m === null || hit.index < m.index)) m = hit;
    }
    if (m) out.push({ kind: s.kind, words: m[0].trim().slice(0, 40) });
  }
  return out;
}
