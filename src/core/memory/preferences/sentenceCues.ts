import { CHANGE_VERB } from './structuredPreference';
import { uw } from './unicodeWords';
/**
 * A question asks; it does not state a preference ("how do I use tabs instead of spaces in vim?").
 * The exception is a polite standing request phrased as one ("could you always answer in German from now
 * on?"), which is left to the classifier.
 */
const POLITE_START = uw(/^(?:could|can|would|will|kannst|könntest|würdest|puedes|podrías|podria|peux|pourrais|pouvez|pourriez)\b/i);
const STANDING = uw(
  /\b(?:from now on|always|in future|going forward|ab jetzt|ab sofort|künftig|immer|a partir de ahora|de ahora en adelante|siempre|désormais|dorénavant|à partir de maintenant|toujours)\b/i,
);

export function isQuestion(sentence: string): boolean {
  const s = sentence.trim();
  if (!/\?\s*[)"'»]*\s*$/.test(s) && !s.startsWith('¿')) return false;
  return !(POLITE_START.test(s.replace(uw(/^¿/), '')) && STANDING.test(s));
}

/** "actually", "no wait", "I mean": the user corrects what they just said, so the later statement stands. */
export const CORRECTION = uw(
  /\b(?:actually|no wait|wait|i mean|correction|on second thought|eigentlich|nein|korrektur|quatsch|mejor dicho|en realidad|perdón|corrijo|en fait|plutôt|non|pardon|je veux dire)\b/i,
);

/** Marks of a standing rule rather than a one-off request: "from now on", "always", "every", "by default"… */
export const STANDING_MARKER = uw(
  /\b(?:from now on|always|never|every|all|whenever|by default|in future|going forward|in this (?:project|repo|codebase|team)|everywhere|ab jetzt|ab sofort|künftig|immer|nie|niemals|jede[nmrs]?|alle[nms]?|standardmäßig|grundsätzlich|überall|a partir de ahora|de ahora en adelante|siempre|nunca|cada|tod[oa]s?|por defecto|en todas partes|désormais|dorénavant|à partir de maintenant|toujours|jamais|chaque|tou(?:te)?s?|par défaut|partout)\b/i,
);

/** The user's team speaking: "we", "our", "bei uns", "usamos", "chez nous", "on utilise". */
export const TEAM_MARKER = uw(/\b(?:we|our|us|wir|unser\w*|bei uns|nosotros|nuestr[oa]s?|\w+amos|on|nous|nos|notre|chez nous)\b/i);

/** The user speaking for themselves: "I prefer", "ich", "yo", "je". */
export const FIRST_PERSON = uw(/\b(?:i|i'm|my|me|ich|mir|mich|yo|me|mi|je|j'\w+|moi|mon|ma|mes)\b/i);

/**
 * Points at one thing in the conversation ("this function", "the answer", "diese Datei", "esta función",
 * "cette fonction"): a one-off request about it, unless a standing marker says otherwise.
 */
export const DEICTIC = uw(
  /\b(?:this|these)\s+(?!is\b|was\b|way\b|days\b)\w+|\bthe (?:answer|above|last one|second|first)\b|\b(?:diese[nmrs]?|dieses)\s+\w+|\bdie antwort\b|\b(?:este|esta|estos|estas|ese|esa|esos|esas)\s+\w+|\bla respuesta\b|\b(?:cet|cette|ces)\s+\w+|\bce\s+(?!que\b|qui\b)\w+|\bla réponse\b/i,
);

/**
 * Somebody else's opinion or habit: "my colleague prefers…", "many developers hate…", "the team next door
 * uses…", "Google's style guide prefers…", "laut Styleguide…". Names are matched separately (below).
 */
export const OTHERS = uw(
  /^(?:my|mein|meine|mi|mis|mon|ma|mes)\s+(?:colleague|co-?worker|manager|boss|lead|team ?mate|friend|kollege|kollegin|chef|chefin|compañer[oa]|jefe|jefa|amig[oa]|collègue|chef|ami)\b|^(?:a mi|à mon|à ma)\s+\w+|^(?:some|many|most|a lot of|lots of)\s+(?:people|developers|devs|folks|programmers)\b|^(?:manche|viele|einige)\s+(?:leute|entwickler\w*)\b|^(?:hay gente|muchos|algunos|mucha gente)\b|^(?:certains|beaucoup de|la plupart des)\b|^(?:the|das|el|l')\s*(?:team|équipe|equipo)\s+(?:next door|nebenan|de al lado|d'à côté)\b|\b(?:style ?guide|styleguide|guía de estilo|guide de style|the article|im artikel|el artículo|l'article)\b.*\b(?:says|prefers|recommends|sagt|steht|empfiehlt|dice|recomienda|dit|recommande)\b|^(?:laut|según|selon|according to)\b/i,
);

/** "Bob always uses tabs", "Anna benutzt immer Tabs", "Pablo siempre usa", "Julien utilise": a named person (case matters). */
const NAMED_PERSON = uw(
  /^(?!(?:I|We|You|On|Je|Tu|Nous|Vous|Ich|Wir|Du|Man|Yo|Nosotros|Bitte|Please|Never|Always|Don't|Do|No|Nunca|Siempre|Nie|Immer|Jamais|Toujours|Ne|N)\b)[A-ZÀ-Ý][a-zà-ÿ]+(?:'s)?\s+(?:(?:always|never|immer|nie|siempre|nunca|toujours|jamais)\s+)?(?:uses|likes|prefers|says|thinks|wants|hates|benutzt|nutzt|verwendet|mag|findet|meint|will|hasst|usa|prefiere|dice|piensa|quiere|odia|utilise|préfère|aime|dit|trouve|pense|veut|déteste)\b/,
);

export function isSomeoneElse(sentence: string): boolean {
  return OTHERS.test(sentence) || NAMED_PERSON.test(sentence);
}

/** Thanks and praise for an answer, at the start of the sentence ("Thanks, that works!", "Super, damit ist …"). */
export const THANKS = uw(
  /^¡?(?:thanks?|thank you|thx|danke|vielen dank|gracias|merci|great|perfect|awesome|nice|cool|super|excellent|genial|perfecto|qué bien|muy buena?|toll|perfekt|prima|tolle|parfait|génial|top|très bonne?)\b/i,
);

/** Dense cue features fed to the classifier next to the hashed words (names stored in the model file). */
export const CUE_NAMES = ['standing', 'team', 'firstPerson', 'deictic', 'others', 'thanks', 'thanked'] as const;

/** A thanks word anywhere ("Me gusta, gracias"): only a hint, since "Pas d'emojis, merci" is a preference. */
const THANKED = uw(/\b(?:thanks?|thank you|thx|danke\w*|gracias|merci)\b/i);

export function cueVector(sentence: string): number[] {
  return [
    STANDING_MARKER.test(sentence),
    TEAM_MARKER.test(sentence),
    FIRST_PERSON.test(sentence),
    DEICTIC.test(sentence),
    isSomeoneElse(sentence),
    THANKS.test(sentence),
    THANKED.test(sentence),
  ].map((b) => (b ? 1 : 0));
}

/**
 * A report of something that happened at a time ("yesterday we merged…", "gestern", "ayer", "hier soir"):
 * a past event, not a rule, even with "all" or "every" in it, unless the sentence also turns it into one
 * for the future ("…so from now on…").
 */
const PAST_TIME = uw(
  /\b(?:yesterday|last (?:night|week|month|year|time|sprint|release|friday|monday)|this morning|earlier today|(?:a few|two|three|\d+) (?:days|hours|weeks) ago|gestern|vorgestern|letzte (?:woche|nacht)|letzten (?:monat|sprint|freitag)|letztes (?:mal|jahr)|heute (?:morgen|früh)|vorhin|ayer|anoche|anteayer|la semana pasada|el mes pasado|esta mañana|la última vez|hace (?:un|una|dos|tres|\d+) (?:días?|horas?|semanas?|mes(?:es)?)|hier (?:soir|matin|après-midi)|avant-hier|la semaine dernière|le mois dernier|ce matin|la dernière fois|il y a (?:deux|trois|\d+) (?:jours|heures|semaines))\b|^hier,/i,
);
const FUTURE = uw(
  /\b(?:from now on|going forward|in future|in the future|next time|ab jetzt|ab sofort|künftig|in zukunft|nächstes mal|a partir de ahora|de ahora en adelante|en adelante|la próxima vez|désormais|dorénavant|à l'avenir|à partir de maintenant|la prochaine fois)\b/i,
);
/** What went wrong, told as news: "the build failed because…", "ist abgestürzt", "falló", "a planté". */
const FAILURE_REPORT = uw(
  /\b(?:failed|crashed|broke|blew up|went down|fehlgeschlagen|schlug fehl|abgestürzt|kaputt gegangen|falló|fallaron|se cayó|se rompió|a échoué|ont échoué|a planté|a cassé)\b/i,
);
/**
 * A one-off request about a spot in the current code: "fix the typo in line 3", "Zeile 12", "línea 4",
 * "ligne 7", the typo / den Tippfehler / la errata / la faute de frappe.
 */
const ONE_OFF_SPOT = uw(
  /\b(?:lines?|zeilen?|l[ií]neas?|lignes?)\s+\d+|\b(?:the|that|den|diesen|la|el|esta|esa|cette)\s+(?:typo|tippfehler|errata|error tipográfico|faute de frappe|coquille)\b/i,
);

/**
 * Sentences that are clearly not the user's standing preference whatever the classifier says: someone
 * else's opinion, a report of a past event (not a change of habit), or thanks / a one-off request about "this" or a spot in the
 * code, or a failure told as news, without any standing marker.
 */
export function clearlyNotAPreference(sentence: string): boolean {
  if (isSomeoneElse(sentence)) return true;
  // "last year we switched to pnpm" dates a change that still stands.
  if (PAST_TIME.test(sentence) && !FUTURE.test(sentence) && !CHANGE_VERB.test(sentence)) return true;
  if (STANDING_MARKER.test(sentence)) return false;
  return THANKS.test(sentence) || DEICTIC.test(sentence) || ONE_OFF_SPOT.test(sentence) || FAILURE_REPORT.test(sentence);
}
