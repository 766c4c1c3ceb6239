import { uw } from './unicodeWords';
import type { PreferenceCategory } from './PreferenceCategory';

/** The kinds the edit learner, the workspace-config reader and the chat extractor all speak. */
export type StructuredKey = 'indent' | 'quotes' | 'semicolons' | 'naming' | 'language' | 'line-length' | 'test-framework' | 'package-manager';

export interface StructuredPreference {
  category: PreferenceCategory;
  key: StructuredKey;
  value: string;
  /** Instruction-style text, the same wording the edit learner and config reader use. */
  statement: string;
}

/**
 * A mention right after one of these (within two words) is what the user does NOT want:
 * "tabs, not spaces", "never suggest npm install", "TypeScript over JavaScript", "statt Java", "pas en Java".
 */
const NEGATOR = uw(
  /(?:^|[\s,;(])(?:not|never|no|don't|do not|avoid|without|instead of|rather than|over|nicht|nie|niemals|kein\w*|ohne|statt|anstatt|gegenüber|nunca|ni|sin|en lugar de|en vez de|antes que|sobre|pas|jamais|sans|plutôt que|au lieu de|à la place de|à|a)\s+(?:\S+\s+){0,2}$/i,
);

/** Words that only contrast after a verb of preferring ("préfère X à Y", "prefiero X sobre Y"). */
const PREFERENCE_CONTRAST = uw(/(?:^|\s)(?:à|a|sobre)\s+(?:\S+\s+){0,2}$/i);

const PREFERRING = uw(/\bpr[ée]f[ie]?[èe]?r\w*/i);

/**
 * Verbs of disliking put what follows on the "not wanted" side, like a negator: "I hate semicolons",
 * "can't stand tabs", "no more yarn", "ich hasse / mag keine", "odio / no soporto", "je déteste / je ne supporte pas".
 */
export const DISLIKE = uw(
  /(?:^|[\s,;(])(?:hate[sd]?|hating|can't stand|cannot stand|can not stand|dislike[sd]?|detest\w*|loathe\w*|no more|tired of|sick of|hasse\w*|hasst|mag\s+(?:\S+\s+)?kein\w*|mögen\s+kein\w*|kann\s+\S+\s+nicht\s+leiden|nicht ausstehen|odi[oa]\w*|no soport\w*|no aguant\w*|detest\w*|ya no|basta de|déteste\w*|détest\w*|ne supporte\w* (?:plus|pas)|n'aime\w* pas|fini les?|horreur d\w*|allergic to|allergisch gegen|alérgic[oa] a|allergique aux?|no me gusta\w*|je n'aime pas|mag ich nicht)\s+(?:\S+\s+){0,2}$/i,
);
/** Dropping a tool names the old one right after the verb: "ditched jest for vitest" (vitest is two words on). */
const DROPPED = uw(/(?:^|[\s,;(])(?:ditch\w*|dropped|got rid of|abandon\w*|rausgeworfen|rausgeschmissen|abandonamos|dejamos|abandonné|lâché)\s+(?:\S+\s+)?$/i);

/**
 * A change of habit names the old value first: "used to use yarn, now pnpm", "switched from npm to pnpm",
 * "früher yarn", "von npm auf pnpm umgestiegen", "antes usábamos / pasamos de", "avant on utilisait / passé de".
 * The old one is what the user no longer wants.
 */
const FORMERLY = uw(/(?:^|[\s,;(])(?:used to|formerly|previously|früher|bisher|vorher|antes|solíamos|sol[ií]a|avant|auparavant|autrefois)\s+(?:\S+\s+){0,3}$/i);
export const CHANGE_VERB = uw(
  /\b(?:switch\w*|mov(?:e|ed|ing)|migrat\w*|chang\w*|replac\w*|went|gewechselt|wechsel\w*|umgestiegen|umsteig\w*|migriert\w*|ersetz\w*|cambi\w*|pas(?:amos|ado|é)|migr\w*|reemplaz\w*|pass[ée]\w*|remplac\w*)\b/i,
);
const FROM = uw(/(?:^|[\s,;(])(?:from|von|de|desde|d')\s*(?:\S+\s+){0,1}$/i);

function negated(sentence: string, index: number): boolean {
  const before = sentence.slice(Math.max(0, index - 40), index);
  if (DISLIKE.test(before) || DROPPED.test(before) || FORMERLY.test(before) || (FROM.test(before) && CHANGE_VERB.test(sentence))) return true;
  const m = NEGATOR.exec(before);
  if (!m) return false;
  return !PREFERENCE_CONTRAST.test(m[0]) || PREFERRING.test(sentence);
}

const GLOBAL = new WeakMap<RegExp, RegExp>();

/** The `g` twin of a pattern, compiled once. */
function globalOf(re: RegExp): RegExp {
  let g = GLOBAL.get(re);
  if (!g) GLOBAL.set(re, (g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`)));
  return g;
}

/** First mention (by position) that is not negated, among all matches of the given patterns. */
function firstPositive<T>(
  sentence: string,
  patterns: [RegExp, (m: RegExpExecArray) => T][],
): { value: T; negatedOnly: false } | { value: T; negatedOnly: true } | undefined {
  const hits: { index: number; value: T; neg: boolean }[] = [];
  for (const [re, valueOf] of patterns) {
    const g = globalOf(re);
    g.lastIndex = 0;
    for (let m = g.exec(sentence); m; m = g.exec(sentence)) hits.push({ index: m.index, value: valueOf(m), neg: negated(sentence, m.index) });
  }
  if (hits.length === 0) return undefined;
  hits.sort((a, b) => a.index - b.index);
  const pos = hits.find((h) => !h.neg);
  return pos ? { value: pos.value, negatedOnly: false } : { value: hits[0].value, negatedOnly: true };
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  eight: 8,
  ein: 1,
  eins: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  acht: 8,
  uno: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  ocho: 8,
  un: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  huit: 8,
};
const NUM = '(\\d{1,2}|one|two|three|four|eight|ein|eins|zwei|drei|vier|acht|uno|dos|tres|cuatro|ocho|un|deux|trois|quatre|huit)';
const num = (s: string): number => (uw(/^\d+$/).test(s) ? Number(s) : NUMBER_WORDS[s.toLowerCase()]);

const SPACES = uw(new RegExp(`\\b${NUM}[ -]?(?:spaces?|space|leerzeichen|espacios?|espaces?)\\b`, 'i'));
const TABS = uw(/\b(?:tabs?|tabulators?|tabulatoren|tabuladores|tabulaciones|tabulations?)\b/i);
const INDENT_WORD = uw(/\b(?:indent\w*|einr[üu]ck\w*|einzug|sangr[ií]a|indent[aá]\w*|tabula\w*|tabs?)\b/i);

const INDENT_PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  [SPACES, (m) => `${num(m[1])} spaces`],
  [TABS, () => 'tabs'],
];

function indent(s: string): StructuredPreference | undefined {
  const hit = firstPositive<string>(s, INDENT_PATTERNS);
  if (!hit || (!INDENT_WORD.test(s) && !SPACES.test(s))) return undefined;
  // "not spaces" alone says nothing we can store; "no tabs" means spaces of unknown width: left to the statement.
  if (hit.negatedOnly) return undefined;
  return { category: 'coding_style', key: 'indent', value: hit.value, statement: `Indent with ${hit.value}` };
}

const QUOTE_PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  [uw(/\b(single|simple|double)[ -]?(?:quotes?|quoted|quotation marks?)\b/i), (m) => (m[1].toLowerCase() === 'double' ? 'double' : 'single')],
  [uw(/\b(einfache|doppelte)\w*\s+(?:anf[üu]hrungszeichen|hochkommas?)\b/i), (m) => (m[1].toLowerCase().startsWith('einfach') ? 'single' : 'double')],
  [uw(/\bcomillas\s+(simples|dobles)\b/i), (m) => (m[1].toLowerCase() === 'simples' ? 'single' : 'double')],
  [uw(/\bguillemets\s+(simples|doubles)\b/i), (m) => (m[1].toLowerCase() === 'simples' ? 'single' : 'double')],
  [uw(/\b(?:backticks?|template literals?|template strings?|comillas invertidas|accents graves)\b/i), () => 'backtick'],
];

function quotes(s: string): StructuredPreference | undefined {
  const hit = firstPositive(s, QUOTE_PATTERNS);
  if (!hit) return undefined;
  // "never use double quotes" means single (and the other way round).
  const value = hit.negatedOnly ? ({ single: 'double', double: 'single' } as Record<string, string>)[hit.value] : hit.value;
  if (!value) return undefined;
  return { category: 'coding_style', key: 'quotes', value, statement: `Use ${value} quotes for strings` };
}

const SEMI = uw(/\b(?:semicolons?|semikolons?|semikola|punto y coma|points?-virgules?|point virgule)\b/i);
const SEMI_NEVER = uw(
  /\b(?:no|never|don't|do not|without|omit\w*|avoid|strip\w*|drop|keine[nm]?|nie|niemals|ohne|verzicht\w*|weglass\w*|nada de|sin|nunca|no us\w+|omit\w*|pas de|jamais|sans|n'utilise\w* pas|n'utilis\w+ pas|aucun)\b[^.]*$/i,
);

const SEMI_REMOVED = uw(/\b(?:entfern\w*|weg)\b/i);
/**
 * The mention first, the verdict after: "semicolons: none", "Semikolons? Keine.", "los puntos y coma, ni
 * uno", "les points-virgules, on n'en met jamais" (the pronoun "en" stands for them).
 */
const SEMI_NONE_AFTER = uw(
  /^[\s,:;?!.—–-]*(?:none|never|no|keine|nie|ninguno|ni uno|nunca|aucun|jamais)\s*(?:[,.;!]|ever\b|$)|^[^.]{0,25}?\bn['’]en\s+\S+\s+(?:jamais|pas|plus|aucun)\b|^[^.]{0,25}?\b(?:ni uno|no (?:los|las) (?:usamos|ponemos))\b/i,
);

function semicolons(s: string): StructuredPreference | undefined {
  const m = SEMI.exec(s);
  if (!m) return undefined;
  const before = s.slice(0, m.index);
  const after = s.slice(m.index + m[0].length);
  const never = SEMI_NEVER.test(before) || DISLIKE.test(before) || SEMI_REMOVED.test(after) || SEMI_NONE_AFTER.test(after);
  return never
    ? { category: 'coding_style', key: 'semicolons', value: 'never', statement: 'Omit semicolons' }
    : { category: 'coding_style', key: 'semicolons', value: 'always', statement: 'End statements with semicolons' };
}

const NAMING_PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  [uw(/\bcamel[ _-]?case\b/i), () => 'camelCase'],
  [uw(/\bsnake[ _-]?case\b/i), () => 'snake_case'],
  [uw(/\bpascal[ _-]?case\b/i), () => 'PascalCase'],
  [uw(/\bkebab[ _-]?case\b/i), () => 'kebab-case'],
];

function naming(s: string): StructuredPreference | undefined {
  const hit = firstPositive(s, NAMING_PATTERNS);
  if (!hit || hit.negatedOnly) return undefined;
  return { category: 'coding_style', key: 'naming', value: hit.value, statement: `Name identifiers in ${hit.value}` };
}

const LENGTH_UNIT = uw(/\b(\d{2,3})\s*(?:characters?|chars?|columns?|cols?|zeichen|spalten|caracteres|columnas|caract[èe]res|colonnes)\b/i);
const LENGTH_CONTEXT = uw(/\b(?:lines?|zeilen?\w*|l[ií]neas?|lignes?|line length|max(?:imum|imal)?|wrap\w*|umbr\w*|longitud|longueur|coupe\w*)\b/i);
const LENGTH_PLAIN = uw(
  /\b(?:line length|max(?:imum)? line length|zeilenl[äa]nge|longitud (?:m[aá]xima )?de (?:la )?l[ií]nea|longueur (?:maximale )?d'une ligne|longueur de ligne)\b\D{0,30}?(\d{2,3})\b/i,
);

function lineLength(s: string): StructuredPreference | undefined {
  const m = LENGTH_UNIT.exec(s) ?? LENGTH_PLAIN.exec(s);
  if (!m || (!LENGTH_CONTEXT.test(s) && !LENGTH_PLAIN.test(s))) return undefined;
  const n = Number(m[1]);
  if (!(n >= 40 && n <= 400)) return undefined;
  return { category: 'coding_style', key: 'line-length', value: String(n), statement: `Keep lines at most ${n} characters long` };
}

const TEST_FRAMEWORKS = [
  'pytest',
  'jest',
  'mocha',
  'vitest',
  'unittest',
  'junit',
  'rspec',
  'jasmine',
  'ava',
  'playwright',
  'cypress',
  'xunit',
  'nunit',
  'testng',
  'phpunit',
  'minitest',
  'exunit',
  'kotest',
  'spock',
  'xctest',
  'catch2',
  'googletest',
  'testify',
  'ginkgo',
  'pest',
  'karma',
  'cucumber',
  'behave',
];
const TEST_FW = uw(new RegExp(`\\b(${TEST_FRAMEWORKS.join('|')})\\b`, 'i'));

const TEST_FW_PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [[TEST_FW, (m) => m[1].toLowerCase()]];

function testFramework(s: string): StructuredPreference | undefined {
  const hit = firstPositive(s, TEST_FW_PATTERNS);
  if (!hit || hit.negatedOnly) return undefined;
  return { category: 'testing', key: 'test-framework', value: hit.value, statement: `Write tests with ${hit.value}` };
}

const PACKAGE_MANAGERS = uw(/\b(npm|pnpm|yarn|bun|pip|pipenv|poetry|uv|cargo|conda)\b/);

const PACKAGE_CONTEXT = uw(/\b(packages?|install\w*|scripts?|dependenc\w*|npm|pip|paquets?|paquetes?|pakete?|abhängigkeiten)\b/i);

const PACKAGE_MANAGER_PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [[new RegExp(PACKAGE_MANAGERS.source, 'iu'), (m) => m[1].toLowerCase()]];

function packageManager(s: string): StructuredPreference | undefined {
  const hit = firstPositive(s, PACKAGE_MANAGER_PATTERNS);
  if (!hit || hit.negatedOnly) return undefined;
  // "uv" and "bun" are ordinary words elsewhere; only count them next to packages/install/scripts or another manager.
  if ((hit.value === 'uv' || hit.value === 'bun') && !PACKAGE_CONTEXT.test(s)) return undefined;
  return { category: 'tools', key: 'package-manager', value: hit.value, statement: `Use ${hit.value} as the package manager` };
}

const LANGUAGES: [RegExp, string][] = [
  [uw(/\bTypeScript\b/i), 'TypeScript'],
  [uw(/\bJavaScript\b/i), 'JavaScript'],
  [uw(/\bPython\b/i), 'Python'],
  [uw(/\bGo(?:lang)?\b(?!\s+(?:to|ahead|through|back|on|al|au|direct))/), 'Go'],
  [uw(/\bRust\b/i), 'Rust'],
  [uw(/\bJava\b/i), 'Java'],
  [uw(/\bKotlin\b/i), 'Kotlin'],
  [uw(/(?:^|\s)C#(?=$|[\s,.;!])/i), 'C#'],
  [uw(/(?:^|\s)C\+\+(?=$|[\s,.;!])/i), 'C++'],
  [uw(/\bRuby\b/i), 'Ruby'],
  [uw(/\bPHP\b/i), 'PHP'],
  [uw(/\bSwift\b/i), 'Swift'],
  [uw(/\bScala\b/i), 'Scala'],
  [uw(/\bElixir\b/i), 'Elixir'],
  [uw(/\bDart\b/i), 'Dart'],
];
/** A language is the preference only when the sentence is about what to write code or examples in. */
const CODE_CONTEXT = uw(
  /\b(?:examples?|snippets?|samples?|code|write|writes|written|answer\w*|respon\w*|repl\w*|suggest\w*|show|default|prefer\w*|services?|backend|beispiel\w*|codebeispiel\w*|code\w*|\w*vorschl[äa]g\w*|schreib\w*|zeig\w*|antwort\w*|bevorzug\w*|resp[óo]nd\w*|respuestas?|contest\w*|sugerencias?|r[ée]pon\w*|suggestions?|propositions?|ejemplos?|fragmentos?|c[óo]digo|escrib\w*|mu[ée]stra\w*|prefi[ee]r\w*|exemples?|extraits?|[ée]cri[st]\w*|montre\w*|pr[ée]f[èe]r\w*|services?|servicios?|dienste)\b/i,
);

/** "Python functions", "Java-Tests", "TypeScript files": the language only qualifies what the sentence is about. */
const QUALIFIED = uw(
  /^[\s-]*(?:functions?|tests?|packages?|dependenc\w*|files?|modules?|classes|projects?|funktionen|dateien|pakete|abh[äa]ngigkeiten|klassen|funciones|archivos|paquetes|dependencias|clases|fonctions|fichiers|paquets|d[ée]pendances)\b/i,
);

const LANGUAGE_PATTERNS = LANGUAGES.map(
  ([re, name]) => [new RegExp(`${re.source}(?!${QUALIFIED.source.slice(1)})`, re.flags), () => name] as [RegExp, () => string],
);

/**
 * The sentence opens by naming where its rule applies ("in Go code wrap errors…", "En Elixir, laisse
 * planter…", "Für Kotlin-Projekte…", "Para el código Go…"): that language is the scope, not the preference.
 */
const SCOPE_OPENING = uw(
  /^(?:in|for|with|im|in|für|bei|en|para|con|dans|pour|côté|chez)\s+(?:(?:the|our|el|la|los|le|les|der|die|dem|den|unserem|unseren)\s+)?(?:(?:code|código|c[óo]digo|projects?|proyectos?|projets?)\s+)?(?:de\s+)?(?:TypeScript|JavaScript|Python|Go|Golang|Rust|Java|Kotlin|Ruby|PHP|Swift|Scala|Elixir|Dart)(?:[\s-]+(?:code|projects?|files?|services?|-?Code|-?Projekten?|-?Dateien))?\s*,?\s+/i,
);

function language(s: string): StructuredPreference | undefined {
  if (!CODE_CONTEXT.test(s)) return undefined;
  const scope = SCOPE_OPENING.exec(s);
  if (scope) return language(s.slice(scope[0].length));
  const hit = firstPositive(s, LANGUAGE_PATTERNS);
  if (!hit || hit.negatedOnly) return undefined;
  return { category: 'coding_style', key: 'language', value: hit.value, statement: `Write code and examples in ${hit.value}` };
}

/** Most specific first: "Python functions are snake_case" is about naming, not the language. */
const READERS = [indent, quotes, semicolons, naming, lineLength, testFramework, packageManager, language];

/**
 * Key and value of a structured preference stated in the sentence (English, German, Spanish, French),
 * or undefined. Says nothing about whether the sentence states a preference at all; the caller decides.
 */
export function structuredPreference(sentence: string): StructuredPreference | undefined {
  for (const read of READERS) {
    const found = read(sentence);
    if (found) return found;
  }
  return undefined;
}
