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
    /\b(?:answers?|repl(?:y|ies)|respon\w+|explain\w*|explanations?|concise|short|brief|detailed|emojis?|sorry|apologi[sz]e|tone|bullet\w*|english|german|french|spanish|pleasantries|fluff|point|question|antwort\w*|erkl[äa]r\w*|kurz|ausf[üu]hrlich\w*|entschuldig\w*|englisch|deutsch|floskeln|punkt|frage|duz\w*|aufz[äa]hlungen|respuestas?|respond\w*|contest\w*|explica\w*|cort[oa]s?|detallad\w*|disculp\w*|ingl[ée]s|espa[ñn]ol|cortes[ií]as|grano|pregunta|tut[ée]a\w*|r[ée]ponses?|r[ée]pond\w*|explique\w*|courte?s?|d[ée]taill[ée]\w*|excuse\w*|anglais|fran[çc]ais|politesses|essentiel|tutoy\w*|blabla|concis\w*|conciso|tl;?dr|summar(?:y|ies)|zusammenfassung\w*|resumen|r[ée]sum[ée]|tutoy\w*|tutoie\w*|siez\w*|tute[ao]\w*|preamble|vorrede|pre[áa]mbulo|pr[ée]ambule|options|optionen|opciones|inconv[ée]nients|drawbacks|nachteile|desventajas|pros and cons|honest\w*|ehrlich\w*|honn[êe]te\w*|sincer\w*|guess\w*|raten|adivin\w*|devin\w*|unsure|unsicher|skim\w*|lists?|listas?|anleitung\w*|instructions?|instrucciones|step by step|schritt für schritt|paso a paso|étape par étape|wording|ton|tono)\b/i,
  ),
  tools: uw(
    /\b(?:librar(?:y|ies)|framework|database|postgres\w*|mysql|sqlite|redis|docker|kubernetes|prettier|eslint|zod|react|vue|angular|svelte|tailwind|axios|fetch|date-fns|moment|webpack|vite|npm|pnpm|yarn|bun|poetry|pip|uv|deploy\w*|lint\w*|bibliothek\w*|datenbank|bibliotecas?|base de datos|biblioth[èe]que\w*|base de donn[ée]es|d[ée]ploie\w*|desplieg\w*|despleg\w*|shell|terminal|zsh|bash|powershell|wsl|gitlab|github actions|httpie|curl|ruff|flake8|isort|black|linters?|vim|neovim|emacs|ide|vs ?code|editor|guis?|cli|gradle|maven|cmake|make|jenkins|pipelines?|nx|turbo\w*|biome|ktlint|detekt|homebrew|brew|nix|ubuntu|linux|windows|macos)\b/i,
  ),
  workflow: uw(
    /\b(?:commits?|push\w*|merg\w*|rebas\w*|branch\w*|pr|prs|pull requests?|ci|releases?|tag\w*|reviews?|approv\w*|version\w*|trunk|git|ramas?|fusion\w*|etiquet\w*|aprobaci[óo]n|approbation|pousse\w*|gemergt|freigabe|tickets?|jira|issues?|squash\w*|conventional commits|changelog|deploy\w* (?:on|to)|friday|freitag\w*|viernes|vendredi|production|produktion|producci[óo]n|prod|hotfix\w*|sprints?|standups?|pairing|code owners?|codeowners)\b/i,
  ),
  architecture: uw(
    /\b(?:architecture|layers?|domain|pure|functional|classes|dependency injection|singletons?|monolith\w*|microservices?|modul\w*|composition|inheritance|immutab\w*|hexagonal\w*|business logic|components?|controllers?|architektur|schicht|dom[äa]ne\w*|rein\w*|funktional\w*|klassen?|injiziert|vererbung|gesch[äa]ftslogik|oberfl[äa]che|arquitectura|capa|dominio|puras?|funcional|clases?|inyecci[óo]n|herencia|l[óo]gica de negocio|controladores|couche|domaine|fonctionnel|injection|h[ée]ritage|logique m[ée]tier|composants?|monolithe|microservicios|abh[äa]ngigkeiten|dependencias|d[ée]pendances|services?|servicios?|microservic\w*|endpoints?|apis?|hooks|repositor(?:y|ies|io|ios)|queues?|file de messages|cola de mensajes|warteschlange\w*|contexts?|kontext\w*|contextos?|frontend|backend|front|back|deployables?|orms?|sql|query builder|separation|trennung|separaci[óo]n|s[ée]paration|directly|direkt|directamente|directement|synchron\w*|s[ií]ncron\w*|asynchron\w*|coupling|kopplung|acoplamiento|couplage|state|zustand|estado|[ée]tat|redux|configuration|konfiguration|configuraci[óo]n|environment variables|umgebungsvariablen|variables de entorno|variables d'environnement|rest|graphql|grpc|events?|eventos?|[ée]v[ée]nements?|libs?)\b/i,
  ),
  documentation: uw(
    /\b(?:comments?|docs?|docstrings?|jsdoc|tsdoc|readme|changelog|document\w*|kommentar\w*|doku\w*|comentarios?|documenta\w*|commentaires?|markdown|readmes?|adrs?|decision records?|openapi|swagger|@param|@returns?|wiki\w*|docstring\w*|descriptions?|beschreibung\w*|descripci[óo]n|guides?|handbuch|manual)\b/i,
  ),
  error_handling: uw(
    /\b(?:errors?|exceptions?|throw\w*|catch\w*|retr(?:y|ies)|fail\w*|invalid|log\w*|timeouts?|rejections?|result types?|backoff|fehler\w*|werf\w*|fang\w*|wiederhol\w*|abbrech\w*|ung[üu]ltig\w*|errores|excepci[óo]n\w*|lanz\w*|captur\w*|reintent\w*|falla\w*|inv[áa]lid\w*|registr\w*|erreurs?|l[èe]ve\w*|lever|attrap\w*|r[ée]essa\w*|[ée]choue\w*|invalide|journalis\w*|aval\w*|verschluck\w*|trag\w*|swallow\w*|null|nil|none|results?|%w|wrap\w* errors?|supervis\w*|superviseur|let it crash|laisse planter|panic\w*|try|rescue|raise|sentry|stack ?traces?|fallback\w*|circuit breakers?)\b/i,
  ),
  testing: uw(
    /\b(?:tests?|testing|specs?|coverage|mock\w*|tdd|assert\w*|regression|testabdeckung|testcontainer|regressionstest|pruebas?|cobertura|simul\w*|regresi[óo]n|couverture|non-r[ée]gression|conteneur de test|contenedor de pruebas|test\w*|e2e|end-to-end|integration tests?|unit tests?|snapshots?|fixtures?|cypress|playwright|jest|vitest|pytest|exunit|tests? unitaires|pruebas unitarias|unit-?tests?|golden files?|flaky)\b/i,
  ),
};

/** One 0/1 feature per category, in PREFERENCE_CATEGORIES order. */
export function topicVector(sentence: string): number[] {
  return PREFERENCE_CATEGORIES.map((c) => (TOPIC_WORDS[c].test(sentence) ? 1 : 0));
}

export const TOPIC_NAMES = PREFERENCE_CATEGORIES.map((c) => `topic:${c}`);
