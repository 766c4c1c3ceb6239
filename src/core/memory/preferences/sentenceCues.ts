import { hasStrongCue } from './standingCues';
import { CHANGE_VERB, structuredPreference } from './structuredPreference';
import { uw } from './unicodeWords';
/**
 * A question asks; it does not state a preference ("how do I use tabs instead of spaces in vim?").
 * The exception is a polite standing request phrased as one ("could you always answer in German from now
 * on?"), which is left to the classifier.
 */
const POLITE_START = uw(/^(?:could|can|would|will|kannst|könntest|würdest|puedes|podrías|podria|peux|pourrais|pouvez|pourriez)\b/i);
const STANDING = uw(
  /\b(?:from now on|from here on(?: out)?|von nun an|de aquí en adelante|always|in future|going forward|ab jetzt|ab sofort|künftig|immer|a partir de ahora|de ahora en adelante|siempre|désormais|dorénavant|à partir de maintenant|toujours)\b/i,
);

/**
 * A question typed without its "?" ("how do I squash commits in lazygit", "wie kann ich Tabs in vim
 * einstellen", "cómo hago un rebase", "pourquoi mon build échoue"): it opens with a question word or an
 * inverted "can I / kann ich / puedo / est-ce que". Not "where possible…", "wo möglich…" (a rule's scope)
 * nor "comment every…" (an English imperative).
 */
const QUESTION_START = uw(
  /^(?:(?:and|also|so|btw|und|y|et|alors|bueno|oye|dis)[,\s]+)?(?:how (?:do|does|can|could|should|would|to|about|come)|what(?:'s| is| are| does| do| should| would)|why|which (?:one|is|are)|who|is there|are there|can i|could i|do i|should i|am i|wie (?:kann|mache|macht|geht|funktioniert|soll|schreibe|bekomme|stelle)|was (?:ist|sind|macht|bedeutet)|warum|wieso|weshalb|welche[rsnm]? (?:ist|sind)|gibt es|kann ich|soll ich|muss ich|c[óo]mo|qu[ée] (?:es|son|hago|significa|pasa)|por qu[ée]|cu[áa]l|hay (?:alguna|alg[úu]n)|puedo|debo|comment (?:je|on|tu|faire|est-ce|ça|fait)|pourquoi|quel(?:le)?s? (?:est|sont)|est-ce que|y a-t-il|je peux|dois-je|peut-on)\b/i,
);

export function isQuestion(sentence: string): boolean {
  const s = sentence.trim();
  const marked = /\?\s*[)"'»]*\s*$/.test(s) || s.startsWith('¿');
  if (!marked && !QUESTION_START.test(s)) return false;
  return !(POLITE_START.test(s.replace(uw(/^¿/), '')) && STANDING.test(s));
}

/** "actually", "no wait", "I mean": the user corrects what they just said, so the later statement stands. */
export const CORRECTION = uw(
  /\b(?:actually|no wait|wait|i mean|correction|on second thought|eigentlich|nein|korrektur|quatsch|mejor dicho|en realidad|perdón|corrijo|en fait|plutôt|non|pardon|je veux dire)\b/i,
);

/** Marks of a standing rule rather than a one-off request: "from now on", "always", "every", "by default"… */
export const STANDING_MARKER = uw(
  /\b(?:from now on|from here on(?: out)?|von nun an|de aquí en adelante|always|never|every|all|whenever|by default|in future|going forward|in this (?:project|repo|codebase|team)|everywhere|ab jetzt|ab sofort|künftig|immer|imer|nie|niemals|jede[nmrs]?|alle[nms]?|standardmäßig|grundsätzlich|überall|a partir de ahora|de ahora en adelante|siempre|nunca|cada|tod[oa]s?|por defecto|en todas partes|désormais|dorénavant|à partir de maintenant|toujours|jamais|chaque|tou(?:te)?s?|par défaut|partout)\b/i,
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
  /^(?:my|mein|meine|mi|mis|mon|ma|mes)\s+(?:colleague|co-?worker|manager|boss|lead|team ?mate|friend|kollege|kollegin|chef|chefin|compañer[oa]|jefe|jefa|amig[oa]|collègue|chef|ami)\b|^(?:a mi|à mon|à ma)\s+\w+|^(?:some|many|most|a lot of|lots of)\s+(?:people|developers|devs|folks|programmers)\b|^(?:manche|viele|einige)\s+(?:leute|entwickler\w*)\b|^(?:hay gente|muchos|algunos|mucha gente)\b|^(?:certains|beaucoup de|la plupart des)\b|^(?:the|das|el|l')\s*(?:team|équipe|equipo)\s+(?:next door|nebenan|de al lado|d'à côté)\b|\b(?:style ?guide|styleguide|guía de estilo|guide de style|the article|im artikel|el artículo|l'article)\b.*\b(?:says|prefers|recommends|sagt|steht|empfiehlt|dice|recomienda|dit|recommande)\b|^(?:laut|según|selon|according to|d'après|d’après)\b/i,
);

/** "Bob always uses tabs", "Anna benutzt immer Tabs", "Pablo siempre usa", "Julien utilise": a named person (case matters). */
const NAMED_PERSON = uw(
  /^(?!(?:I|We|You|On|Je|Tu|Nous|Vous|Ich|Wir|Du|Man|Yo|Nosotros|Bitte|Please|Never|Always|Don't|Do|No|Nunca|Siempre|Nie|Immer|Jamais|Toujours|Ne|N)\b)[A-ZÀ-Ý][a-zà-ÿ]+(?:'s)?(?:,[^,]{1,40},)?\s+(?:(?:always|never|immer|nie|siempre|nunca|toujours|jamais|keeps|ne)\s+)?(?:uses|likes|prefers|says|saying|thinks|wants|hates|swears|insists|schwört|besteht|jura|insiste|jure|benutzt|nutzt|verwendet|mag|findet|meint|will|hasst|usa|prefiere|dice|piensa|quiere|odia|utilise|préfère|aime|dit|trouve|pense|veut|déteste)\b/,
);

/**
 * A person or group other than the user and their team, near the start, as the subject: "a reviewer on my
 * PR asked for…", "unser Praktikant schreibt…", "der Architekt vom Kunden will…", "el profe obliga…",
 * "le lead dev de l'autre équipe trouve…", "the Rust folks on the platform team swear by…".
 */
const ROLE_SUBJECT_SOURCE = String.raw`^(?:\S+\s+){0,4}?(?:(?:the|a|an|my|our|their|some|one|der|die|das|ein|eine|mein|meine|unser|unsere|el|la|los|las|un|una|mi|nuestro|nuestra|le|les|l'|un|une|mon|ma|notre)\s+)(?:\S+\s+)?(?:colleagues?|co-?workers?|reviewers?|interns?|juniors?|students?|trainees?|werkstudent\w*|azubi\w*|estudiantes?|becari[oa]s?|étudiant\w*|alternant\w*|architects?|lead(?: dev)?s?|tech leads?|bosse?s?|managers?|customers?|teachers?|professors?|profs?|tutors?|folks|guys|people|maintainers?|authors?|contractors?|freelancers?|consultants?|cto|kolleg\w*|praktikant\w*|architekt\w*|chef\w*|kunde\w*|lehrer\w*|professor\w*|leute|maintainer\w*|autor\w*|berater\w*|compañer\w*|becari\w*|arquitect\w*|jef[ea]s?|clientes?|profes(?:or(?:es|as?)?)?|gente|colaborador\w*|consultor\w*|collègues?|stagiaires?|architectes?|chefs?|clients?|profs?|professeurs?|gens|mainteneurs?|auteurs?|consultants?|presta\w*|vendors?|suppliers?|upstream|teamleiter\w*|teamlead\w*|leiter\w*|anbieter\w*|lieferant\w*|hersteller\w*|proveedor\w*|fournisseur\w*)\b`;
/** A verb of someone's opinion, habit or demand, for a non-user subject. */
const OPINION_VERB_SOURCE = String.raw`\b(?:says?|said|keeps? saying|thinks?|wants?|wanted|asked|asks|prefers?|insists?|swears? by|likes?|hates?|uses?|writes?|requires?|demands?|recommends?|sagt|meint|findet|will|wollen|wollte|möchte|bevorzugt|besteht|schwört|schwören|mag|hasst|nutzt|benutzt|verwendet|schreibt|verlangt|empfiehlt|fordert|dice|piensa|cree|quiere|quieren|pidió|pide|prefiere|insiste|jura|usa|usan|escribe|exige|obliga|recomienda|odia|dit|pense|trouve|veut|veulent|a demandé|demande|préfère|insiste|jure|utilise|écrit|exige|impose\w*|oblige|recommande|déteste|thought|believed|found|used|wrote|required|made us|claims?|claimed|swore|fand|meinte|dachte|sagte|glaubte|schrieb|verlangte|benutzte|nutzte|hasste|schreiben|nutzen|benutzen|verwenden|decía|dijo|pensaba|creía|usaba|exigía|obligaba|odiaba|escriben|disait|a dit|pensait|trouvait|utilisait|exigeait|imposait|détestait|écrivent|utilisent)\b`;
const ROLE_SUBJECT = uw(new RegExp(String.raw`${ROLE_SUBJECT_SOURCE}(?:[\s,]+\S+){0,6}?[\s,]+${OPINION_VERB_SOURCE}`, 'i'));
const OPINION_VERB = uw(new RegExp(OPINION_VERB_SOURCE, 'i'));

/**
 * The speaker keeps it at arm's length: "it's their house style", "eso es cosa suya", "moi je m'en fiche",
 * "mir egal", "that's their call".
 */
const DISTANCING = uw(
  /\b(?:their (?:house style|thing|call|choice|problem)|apparently|not my (?:call|thing)|i don't care|whatever they|ihr ding|ihre sache|sein ding|seine sache|mir egal|ist mir wurscht|keine ahnung warum|cosa suya|allá ellos|me da igual|no sé por qué|leur truc|leur affaire|son truc|je m'en fiche|moi je m'en fiche|peu importe|je sais pas pourquoi)\b/i,
);
/** "swear by", "schwört auf", "jura por", "ne jure que par": said of others, never of oneself in a rule. */
const SWEARS_BY = uw(/\b(?:swears? by|schwört auf|schwören auf|jura por|juran por|ne jur\w+ que par|jure par)\b/i);
/** "they want double quotes" (an open-source project, another team): "they", "die", "ellos", "ils" as subject. */
const THEY = uw(/(?:^|,\s*|\b(?:wo|where|donde|où)\s+\S+\s+\S+,?\s*)(?:they|ellos|ellas|ils|elles)\s+\S+|\b(?:wollen|möchten|nutzen|verwenden) die\b/i);
/** "he always uses tabs", "er will überall Tabs", "ella prefiere", "il préfère": a third person's taste. */
const PRONOUN_SUBJECT = uw(
  /^(?:(?:but|and|aber|und|pero|y|mais|et)\s+)?(?:he|she|they|er|él|ella|ellos|ellas|il|elle|ils|elles)\s+(?:\S+\s+){0,2}?(?:says?|keeps? saying|thinks?|wants?|prefers?|insists?|swears?|likes?|loves?|hates?|sagt|meint|findet|will|möchte|bevorzugt|besteht|schwört|mag|liebt|hasst|dice|piensa|cree|quiere|prefiere|insiste|jura|odia|ama|dit|pense|trouve|veut|préfère|insiste|jure|aime|adore|déteste)\b/i,
);
/** Another team or project than the user's own: "the team next door", "das Nachbarteam", "otro equipo", "l'autre équipe". */
const OTHER_TEAM = uw(
  /\b(?:other|another|next door|neighbou?ring|platform|data|ops)\s+team\b|\bteam next door\b|\b(?:nachbarteam|anderen teams?|andere team)\b|\b(?:otro equipo|el equipo de (?:al lado|datos|plataforma))\b|\b(?:l'autre équipe|une autre équipe|l'équipe d'à côté|l'équipe (?:data|plateforme))\b|\b(?:people|folks|guys|team)\s+next door\b|\b(?:los|las) de (?:al lado|enfrente)\b|\b(?:ceux|les gens) d'à côté\b|\b(?:open[- ]source[- ]projekt|open[- ]source project|proyecto open source|projet open source)\b/i,
);

/**
 * An opinion heard somewhere, told without a role word: a web source or medium ("on Stack Overflow",
 * "a blog post", "en Reddit", "d'après un article"), or an indefinite someone ("someone", "einer",
 * "un tipo", "quelqu'un") as the subject of an opinion verb.
 */
const HEARD_SOURCE = uw(
  /\b(?:(?:on|in|at|from|auf|bei|im|en|sur|de|según|d'après) (?:stack ?overflow|reddit|hacker ?news|twitter|mastodon|linkedin|youtube)|a (?:blog(?: post)?|podcast|talk|video|tweet|book)|(?:ein|einem|einer) (?:blog\w*|podcast|vortrag|video|buch|artikel)|(?:un|una) (?:blog|post|podcast|charla|vídeo|video|libro|artículo)|(?:un|une) (?:article|billet|podcast|conférence|vidéo|livre|blog))\b/i,
);
const SOMEONE = uw(
  /^(?:\S+\s+){0,5}?(?:someone|somebody|some guy|a guy|one guy|a dev|einer|jemand|irgendwer|irgendein\w*|un tipo|una tipa|alguien|un chaval|un señor|quelqu'un|quelqu’un|un mec|un gars|un type)\b/i,
);
/** A former person of the user's ("my old team lead", "mein alter Teamleiter", "mi ex jefe", "mon ancien chef"). */
const FORMER_PERSON = uw(
  /^(?:\S+\s+){0,2}?(?:my|our|mein\w*|unser\w*|mi|nuestr[oa]|mon|ma|notre)\s+(?:old|former|previous|ex|alte[rn]?|ehemalige[rn]?|frühere[rn]?|antigu[oa]|anterior|ancien(?:ne)?|ex-)[\s-]*\w+/i,
);
/** The user's own team or self taking over in the same sentence ("…, but we use pnpm"): not only someone else's. */
const BUT_WE = uw(/[,;:—–-]\s*(?:but|aber|pero|mais|while|während|mientras)?\s*(?:we|i|wir|ich|nosotros|yo|nous|on|je)\s/i);

export function isSomeoneElse(sentence: string): boolean {
  const told = HEARD_SOURCE.test(sentence) || SOMEONE.test(sentence) || FORMER_PERSON.test(sentence);
  if (told && OPINION_VERB.test(sentence) && !BUT_WE.test(sentence)) return true;
  if (OTHERS.test(sentence) || NAMED_PERSON.test(sentence) || SWEARS_BY.test(sentence) || DISTANCING.test(sentence)) return true;
  if (ROLE_SUBJECT.test(sentence) || PRONOUN_SUBJECT.test(sentence)) return true;
  return OTHER_TEAM.test(sentence) && (OPINION_VERB.test(sentence) || THEY.test(sentence));
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
  /\b(?:from now on|from here on(?: out)?|von nun an|de aquí en adelante|going forward|in future|in the future|next time|ab jetzt|ab sofort|künftig|in zukunft|nächstes mal|a partir de ahora|de ahora en adelante|en adelante|la próxima vez|désormais|dorénavant|à l'avenir|à partir de maintenant|la prochaine fois)\b/i,
);
/** What went wrong, told as news: "the build failed because…", "ist abgestürzt", "falló", "a planté". */
const FAILURE_REPORT = uw(
  /\b(?:failed|crashed|broke|blew up|went down|fehlgeschlagen|schlug fehl|abgestürzt|kaputt gegangen|falló|fallaron|se cayó|se rompió|a échoué|ont échoué|a planté|a cassé|est tombée?|sont tombés|ist ausgefallen|ging down)\b/i,
);
/**
 * A one-off request about a spot in the current code: "fix the typo in line 3", "Zeile 12", "línea 4",
 * "ligne 7", the typo / den Tippfehler / la errata / la faute de frappe.
 */
const ONE_OFF_SPOT = uw(
  /\b(?:lines?|zeilen?|l[ií]neas?|lignes?)\s+\d+|\b(?:the|that|den|diesen|la|el|esta|esa|cette)\s+(?:typo|tippfehler|errata|error tipográfico|faute de frappe|coquille)\b/i,
);

/**
 * A discussion told as news, or a decision not taken: "we had a long debate about…", "se habló de pasar a
 * GraphQL, pero no se decidió nada", "wir haben über … diskutiert", "on a parlé de…", "no conclusion".
 */
const DISCUSSION = uw(
  /\b(?:had (?:\S+ ){0,2}(?:a|an|some) (?:\w+ )?(?:debate|discussion|argument|chat|talk)|(?:we|they|i) (?:discussed|talked about|argued about|debated)|hatten (?:\S+ ){0,2}(?:eine|einen) (?:\w+ )?(?:diskussion|debatte|streit)|(?:haben|hatten) (?:\S+ ){0,4}(?:diskutiert|besprochen|geredet|gesprochen)|se habló de|hablamos de|discutimos|tuvimos (?:un|una) (?:\w+ )?(?:debate|discusión|charla)|on a (?:parlé|discuté|débattu)|nous avons (?:parlé|discuté)|on a eu (?:un|une) (?:\w+ )?(?:débat|discussion))\b/i,
);
/** Nothing was decided: "no conclusion", "keine Entscheidung", "no se decidió nada", "rien de décidé". */
const UNDECIDED = uw(
  /\b(?:no conclusion|nothing (?:was |got )?decided|(?:nobody|no one|no-one) decided|decided nothing|(?:didn't|did not|never) decide|nichts beschlossen|nichts festgelegt|nicht entschieden|no decidimos|nadie decidió|no se decidió|personne n'a (?:rien )?décidé|on n'a rien décidé|on n'a pas décidé|no decision|undecided|keine entscheidung|nichts entschieden|noch offen|no se decidió nada|sin decidir|nada decidido|rien (?:n'a été |n’a été |de )?décidé|aucune décision|pas de conclusion)\b/i,
);
/**
 * Points at what the user pasted or showed ("the file I pasted", "oben", "que te pegué", "que j'ai collé",
 * "the JSON below"): a request about that one thing.
 */
const PASTED_REF = uw(
  /\b(?:i (?:just )?(?:pasted|sent|shared|attached)|pasted (?:above|below|here)|\bthe\s+\S+(?:\s+\S+)?\s+(?:above|below)\b|(?:datei|code|block|snippet|funktion|text|json|abschnitt)\w*\s+(?:von )?oben|(?:ich )?(?:eingefügt|gepastet|geschickt) habe|(?:que )?te (?:pegué|pasé|mandé)|que (?:he )?pegado|de arriba|de abajo|que j['’]ai (?:collé|envoyé|partagé)e?s?|ci-dessus|ci-dessous|plus haut)\b/i,
);
/**
 * A figure that moved, told as news: "coverage dropped to 71%", "die Build-Zeit ist auf 9 Minuten
 * gestiegen", "la cobertura bajó al 58%", "le temps de build est passé à 12 minutes".
 */
const FIGURE_CHANGE = uw(
  /\b(?:dropped|fell|rose|jumped|climbed|went (?:up|down)|increased|decreased|doubled|halved|is (?:now )?at|sank|gefallen|gesunken|gestiegen|fiel|stieg|sank|liegt (?:jetzt )?bei|bajó|subió|cayó|aumentó|pasó de|está en|a (?:baissé|chuté|augmenté|doublé)|est (?:tombée?|passée?|montée?|descendue?))\b[^.]{0,40}?\d|\b(?:auf|um)\s+(?:\S+\s+)?\d[^.]{0,25}?\b(?:gestiegen|gesunken|gefallen|geklettert|gewachsen)\b/i,
);
/** A calendar year as a time of report: "in 2022 we still used Jenkins", "En 2022 on utilisait", "2019 hatten wir". */
const YEAR = uw(/\b(?:in|im jahr|en|en el año|en l'an|back in)\s+(?:19|20)\d\d\b|^(?:19|20)\d\d\b/i);
/** "since 2022 we use…" dates a habit that still holds. */
const SINCE = uw(/\b(?:since|seit|desde|depuis)\b/i);
/**
 * What a tool did or how long it took, told as news: "pnpm install finished in 12 seconds", "the test
 * container takes ages to start", "el linter se queja de…", "le linter se plaint de…", "it took six minutes".
 */
const OBSERVATION = uw(
  /\b(?:took|takes (?:ages|forever|\d+|a while)|finished in|complains?|complained|keeps? (?:crashing|failing|timing out)|dauert(?:e)? (?:ewig|ewigkeiten|\d+)|meckert|beschwert sich|brauchte|tarda(?:ba)? (?:much\w*|una eternidad|\d+|siglos)|termin[óo] en|se queja|se quejaba|tard[óo]|se plaint|se plaignait|met (?:une éternité|des plombes|\d+)|a mis \d+|a pris \d+)\b/i,
);
/** A plain past event with the user as its subject: "I ran npm install…", "ich habe gestern…", "ejecuté", "j'ai lancé". */
const OWN_PAST_EVENT = uw(
  /^(?:so |and |also )?(?:i|we) (?:ran|tried|had|spent|saw|got|hit|installed|upgraded|deployed|found|noticed|broke|fixed|pushed|merged|rebased|opened|closed|wrote|did|started)\b|^(?:ich|wir) (?:habe|haben|hatte|hatten) (?:\S+ ){0,5}(?:ausgeführt|laufen lassen|installiert|probiert|versucht|gesehen|bemerkt|deployt|gepusht|gemergt|geschrieben|gefixt)\b|^(?:ayer |hoy )?(?:ejecuté|probé|instalé|intenté|vi|desplegué|subí|arreglé|escribí|tuve|tuvimos)\b|^(?:j'ai|on a|nous avons) (?:\S+ ){0,2}(?:lancé|essayé|installé|vu|remarqué|déployé|poussé|mergé|écrit|corrigé|eu)\b/i,
);
/** Deciding, agreeing, switching: a past sentence that sets a standing rule ("we decided to use pnpm"). */
const DECIDED = uw(
  /\b(?:decided|agreed|settled on|chose|standardi[sz]ed|adopted|started using|began using|entschieden|geeinigt|beschlossen|festgelegt|eingeführt|angefangen|decidimos|acordamos|elegimos|estandarizamos|adoptamos|empezamos a usar|décidé|convenu|choisi|standardisé|adopté|commencé à utiliser)\b/i,
);
/** "this time", "this once", "diesmal", "ausnahmsweise", "esta vez", "pour cette fois": a one-off, whatever else it says. */
const THIS_TIME = uw(
  /\b(?:this time|this once|just once|for this one|for this answer|only here|diesmal|dieses mal|ausnahmsweise|nur hier|nur dieses eine mal|esta vez|por esta vez|solo esta vez|por única vez|cette fois|pour cette fois|juste cette fois|exceptionnellement|pour une fois|for now|vorerst|fürs erste|erstmal|por ahora|de momento|por el momento|pour l'instant|pour le moment)\b/i,
);
/**
 * A one-off edit of one thing: a verb of fixing, renaming, translating, shortening… on "the / my" one file,
 * function, paragraph… ("rename the variable to userId", "korrigier den Test", "tradúceme el correo",
 * "raccourcis-moi le paragraphe"). A standing rule names kinds of things ("functions", "every file"), not one.
 */
const ONE_OFF_EDIT = uw(
  /^(?:(?:please|pls|bitte|por favor|porfa|stp|just|mal|juste|solo)[,\s]+)?(?:(?:can|could) you\s+)?(?:rename|fix|translate|convert|rewrite|refactor|format|reformat|formatier\w*|formatea\w*|formate|reformate|shorten|trim|summari[sz]e|debug|optimi[sz]e|explain|review|simplify|tidy|clean up|delete|remove|benenne|korrigier\w*|übersetz\w*|konvertier\w*|refaktorier\w*|kürz\w*|erklär\w*|vereinfach\w*|lösch\w*|entfern\w*|renombra\w*|corrige\w*|arregla\w*|traduce\w*|tradúce\w*|convierte\w*|reescribe\w*|refactoriza\w*|acorta\w*|resume\w*|resúme\w*|explica\w*|explíca\w*|simplifica\w*|borra\w*|elimina\w*|renomme|corrige|traduis|convertis|réécris|refactorise|raccourcis|résume|explique|simplifie|supprime|efface)(?:-moi|-le|-la)?\s+(?:(?:me|mir|mal|kurz|bitte|quickly|just|rápido|vite)\s+)*(?:the|that|my|den|die|das|diesen|meinen|meine|el|la|ese|esa|mi|le|la|l'|mon|ma|ce|cet|cette)\s*(?:\S+\s+|\w+-)?(?:file|function|method|class|test|script|query|snippet|component|paragraph|intro|regex|loop|variable|commit|branch|error|bug|line|block|diff|message|e-?mail|answer|text|sentence|helper|handler|hook|service|module|endpoint|route|type|interface|struct|enum|field|column|table|prop|param\w*|argument|comment|docstring|title|heading|datei|funktion|methode|klasse|skript|abfrage|absatz|einleitung|schleife|fehler|zeile|nachricht|antwort|satz|archivo|fichero|funci[óo]n|m[ée]todo|clase|consulta|p[áa]rrafo|bucle|l[ií]nea|mensaje|correo|respuesta|texto|frase|fichier|fonction|m[ée]thode|classe|requ[êe]te|paragraphe|boucle|erreur|ligne|r[ée]ponse|texte|phrase)\b/i,
);
/** A particular moment ahead: "tomorrow", "morgen", "mañana", "demain", "tonight", "for the demo". */
const PARTICULAR_MOMENT = uw(
  /\b(?:tomorrow|tonight|for (?:the|a|my) demo|(?<!guten |heute |gestern )morgen|heute abend|für (?:die|eine) demo|(?<!esta |por la )mañana|esta noche|para (?:la|una) demo|demain|ce soir|pour (?:la|une) démo)\b/i,
);
/** "das hier", "einmal als …", "esto", "ceci": pointing at the thing at hand. */
const AT_HAND = uw(/\b(?:das hier|den hier|die hier|einmal als|this one|that one|esto|eso de aquí|ceci|celui-ci|celle-ci)\b/i);
/** Thanks for something, anywhere ("Sehr schön gelöst …, vielen Dank", "merci pour la version courte", "ty, …"). */
const THANKS_FOR = uw(
  /\b(?:thanks? (?:a lot |so much )?for|thank you(?: so much)? for|much appreciated|danke (?:dir |euch )?für|vielen dank|danke schön|dankeschön|gracias por|muchas gracias|mil gracias|merci (?:beaucoup |bien )?pour|merci beaucoup|merci infiniment)\b|^(?:ty|tysm|thx|sehr schön|wunderbar|klasse|gut gemacht|trop bien|nickel|chapeau|bien joué|bien hecho|buenísimo|de lujo|qué crack|love (?:it|this)|well done|nice one|spot on)\b/i,
);

/**
 * Sentences that are clearly not the user's standing preference whatever the classifier says: someone
 * else's opinion, a report of a past event or a discussion (not a change of habit), a one-off "this
 * time", or thanks / a one-off request about "this" or a spot in the code, a failure or a tool's behaviour
 * told as news, without any standing marker.
 */
export function clearlyNotAPreference(sentence: string): boolean {
  if (isSomeoneElse(sentence)) return true;
  if ((THIS_TIME.test(sentence) || UNDECIDED.test(sentence)) && !FUTURE.test(sentence)) return true;
  // "last year we switched to pnpm" dates a change that still stands: a switch that names what it switched to.
  // A past event without a date ("I tried yarn…") yields to a rule said in the same breath ("…, always use npm").
  const ownPast = OWN_PAST_EVENT.test(sentence) && !STANDING_MARKER.test(sentence) && !hasStrongCue(sentence);
  const report = PAST_TIME.test(sentence) || DISCUSSION.test(sentence) || (YEAR.test(sentence) && !SINCE.test(sentence)) || ownPast;
  if (report && !FUTURE.test(sentence) && !DECIDED.test(sentence) && !(CHANGE_VERB.test(sentence) && structuredPreference(sentence))) return true;
  if (STANDING_MARKER.test(sentence)) return false;
  return (
    THANKS.test(sentence) ||
    THANKS_FOR.test(sentence) ||
    DEICTIC.test(sentence) ||
    AT_HAND.test(sentence) ||
    ONE_OFF_EDIT.test(sentence) ||
    PARTICULAR_MOMENT.test(sentence) ||
    ONE_OFF_SPOT.test(sentence) ||
    PASTED_REF.test(sentence) ||
    FIGURE_CHANGE.test(sentence) ||
    FAILURE_REPORT.test(sentence) ||
    OBSERVATION.test(sentence)
  );
}
