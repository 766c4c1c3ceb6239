import type { PreferenceCategory } from './PreferenceCategory';
import { PREFERENCE_CATEGORIES } from './PreferenceCategory';
import { uw } from './unicodeWords';

/**
 * Words that point at each category, in English, German, Spanish and French. They are features for the
 * classifier (it learns how much each is worth), not a decision: "comments should explain why" mentions
 * "explain" (communication) and "comments" (documentation), and the model weighs both.
 */
const TOPIC_WORDS: Record<PreferenceCategory, RegExp> = {
  coding_style: uw(
    /\b(?:indent\w*|quotes?|semicolons?|naming|names?|variables?|const|let|var|any|arrow functions?|early returns?|returns?|ifs?|abbreviations?|lines?|case|style|einr[üu]ck\w*|variablen\w*|namen|abk[üu]rzungen|zeilen|stil|anf[üu]hrungszeichen|variables?|nombres?|abreviaturas?|l[ií]neas|retornos?|comillas|estilo|noms?|abr[ée]viations?|lignes|retours?|guillemets)\b/i,
  ),
  communication: uw(
    /\b(?:answers?|repl(?:y|ies)|respon\w+|explain\w*|explanations?|concise|short|brief|detailed|emojis?|sorry|apologi[sz]e|tone|bullet\w*|english|german|french|spanish|pleasantries|fluff|point|question|antwort\w*|erkl[äa]r\w*|kurz|ausf[üu]hrlich\w*|entschuldig\w*|englisch|deutsch|floskeln|punkt|frage|duz\w*|aufz[äa]hlungen|respuestas?|respond\w*|contest\w*|explica\w*|cort[oa]s?|detallad\w*|disculp\w*|ingl[ée]s|espa[ñn]ol|cortes[ií]as|grano|pregunta|tut[ée]a\w*|r[ée]ponses?|r[ée]pond\w*|explique\w*|courte?s?|d[ée]taill[ée]\w*|excuse\w*|anglais|fran[çc]ais|politesses|essentiel|tutoy\w*|blabla|concis\w*|conciso)\b/i,
  ),
  tools: uw(
    /\b(?:librar(?:y|ies)|framework|database|postgres\w*|mysql|sqlite|redis|docker|kubernetes|prettier|eslint|zod|react|vue|angular|svelte|tailwind|axios|fetch|date-fns|moment|webpack|vite|npm|pnpm|yarn|bun|poetry|pip|uv|deploy\w*|lint\w*|bibliothek\w*|datenbank|bibliotecas?|base de datos|biblioth[èe]que\w*|base de donn[ée]es|d[ée]ploie\w*|desplieg\w*|despleg\w*)\b/i,
  ),
  workflow: uw(
    /\b(?:commits?|push\w*|merg\w*|rebas\w*|branch\w*|pr|prs|pull requests?|ci|releases?|tag\w*|reviews?|approv\w*|version\w*|trunk|git|ramas?|fusion\w*|etiquet\w*|aprobaci[óo]n|approbation|pousse\w*|gemergt|freigabe)\b/i,
  ),
  architecture: uw(
    /\b(?:architecture|layers?|domain|pure|functional|classes|dependency injection|singletons?|monolith\w*|microservices?|modul\w*|composition|inheritance|immutab\w*|hexagonal\w*|business logic|components?|controllers?|architektur|schicht|dom[äa]ne\w*|rein\w*|funktional\w*|klassen?|injiziert|vererbung|gesch[äa]ftslogik|oberfl[äa]che|arquitectura|capa|dominio|puras?|funcional|clases?|inyecci[óo]n|herencia|l[óo]gica de negocio|controladores|couche|domaine|fonctionnel|injection|h[ée]ritage|logique m[ée]tier|composants?|monolithe|microservicios|abh[äa]ngigkeiten|dependencias|d[ée]pendances)\b/i,
  ),
  documentation: uw(
    /\b(?:comments?|docs?|docstrings?|jsdoc|tsdoc|readme|changelog|document\w*|kommentar\w*|doku\w*|comentarios?|documenta\w*|commentaires?|markdown)\b/i,
  ),
  error_handling: uw(
    /\b(?:errors?|exceptions?|throw\w*|catch\w*|retr(?:y|ies)|fail\w*|invalid|log\w*|timeouts?|rejections?|result types?|backoff|fehler\w*|werf\w*|fang\w*|wiederhol\w*|abbrech\w*|ung[üu]ltig\w*|errores|excepci[óo]n\w*|lanz\w*|captur\w*|reintent\w*|falla\w*|inv[áa]lid\w*|registr\w*|erreurs?|l[èe]ve\w*|lever|attrap\w*|r[ée]essa\w*|[ée]choue\w*|invalide|journalis\w*|aval\w*|verschluck\w*|trag\w*|swallow\w*)\b/i,
  ),
  testing: uw(
    /\b(?:tests?|testing|specs?|coverage|mock\w*|tdd|assert\w*|regression|testabdeckung|testcontainer|regressionstest|pruebas?|cobertura|simul\w*|regresi[óo]n|couverture|non-r[ée]gression|conteneur de test|contenedor de pruebas|test\w*)\b/i,
  ),
};

/** One 0/1 feature per category, in PREFERENCE_CATEGORIES order. */
export function topicVector(sentence: string): number[] {
  return PREFERENCE_CATEGORIES.map((c) => (TOPIC_WORDS[c].test(sentence) ? 1 : 0));
}

export const TOPIC_NAMES = PREFERENCE_CATEGORIES.map((c) => `topic:${c}`);
